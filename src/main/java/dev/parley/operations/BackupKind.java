package dev.parley.operations;

/**
 * The three kinds of backup the guide names (R4.2). All three write the same portable
 * archive (every table, attachments included, with a manifest of row counts and
 * checksums), restorable into any supported engine; they differ in how the copy is taken.
 */
public enum BackupKind {

	/**
	 * Exported table by table into the portable archive, for keeping and for moving
	 * between engines (H2 to PostgreSQL or MariaDB); read in one snapshot while Parley
	 * serves.
	 */
	LOGICAL,

	/**
	 * Taken while chats go on: one consistent snapshot transaction of the whole database,
	 * never blocking a writer.
	 */
	HOT,

	/**
	 * Taken with Parley in maintenance mode: new writes are refused and sockets told to
	 * come back, so the copy is exact and nothing is in flight; then Parley resumes.
	 */
	COLD

}
