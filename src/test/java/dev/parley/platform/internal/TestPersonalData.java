package dev.parley.platform.internal;

import dev.parley.platform.PersonalData;
import dev.parley.testing.TestSecrets;

/**
 * The real {@link PersonalData} for tests outside a Spring context: k0 derived from the
 * test installations' secret key, plus the given keys.
 */
public final class TestPersonalData {

	private TestPersonalData() {
	}

	/** Keys as the test installations have them (k0 only). */
	public static PersonalData standard() {
		return withKeys("", "k0");
	}

	/**
	 * @param keys as {@code parley.personal-data.keys}
	 * @param current as {@code parley.personal-data.current-key}
	 */
	public static PersonalData withKeys(String keys, String current) {
		return new PersonalDataKeys(new SecretKeyMaterial(TestSecrets.SECRET_KEY, "target", false), keys, current, "");
	}

}
