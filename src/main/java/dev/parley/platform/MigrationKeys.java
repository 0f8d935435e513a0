package dev.parley.platform;

/**
 * The personal data keys for the Java migrations in {@code db.migration}, which Flyway
 * finds and creates itself (so that every Flyway of Parley runs them: a start, a restore
 * into an empty database, a backup's trial restore) and which cannot be given beans. A
 * start registers the keys before Flyway runs; where nobody did (a restore creating an
 * empty schema), there is nothing to seal, and a migration that finds something anyway
 * fails rather than leave it plain.
 */
public final class MigrationKeys {

	private static volatile PersonalData keys;

	private MigrationKeys() {
	}

	public static void use(PersonalData personalData) {
		keys = personalData;
	}

	/**
	 * @return the keys
	 * @throws IllegalStateException when none were registered
	 */
	public static PersonalData personalData() {
		PersonalData current = keys;
		if (current == null) {
			throw new IllegalStateException("Personal data needs sealing, but no keys were given to the migration");
		}
		return current;
	}

}
