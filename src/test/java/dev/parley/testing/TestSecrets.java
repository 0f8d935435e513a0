package dev.parley.testing;

/** The secret key of test installations (application-test.yml has the same). */
public final class TestSecrets {

	/** Base64 of 32 bytes, as {@code parley.secret-key} must be. */
	public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private TestSecrets() {
	}

}
