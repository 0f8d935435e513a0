package dev.parley.operations.internal.backup;

/**
 * A backup file that cannot be read or restored, with the reason an operator can act on.
 * Nothing has been changed when it is thrown.
 */
class BackupRefused extends RuntimeException {

	enum Reason {

		/** Not a Parley backup at all. */
		NOT_A_BACKUP,

		/** Damaged or cut short: a checksum, a length or the structure does not match. */
		DAMAGED,

		/** Encrypted, and the configured key is missing or another one. */
		WRONG_KEY,

		/** Written by a Parley whose schema differs from the target's. */
		FOREIGN_VERSION,

		/**
		 * The target cannot take it (e.g. a database that is not empty for the command
		 * line).
		 */
		TARGET

	}

	private final Reason reason;

	BackupRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	BackupRefused(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	static BackupRefused damaged(String what) {
		return new BackupRefused(Reason.DAMAGED, "The backup file is damaged: " + what);
	}

	Reason reason() {
		return this.reason;
	}

}
