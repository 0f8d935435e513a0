package dev.parley.platform;

/** Why Parley is in maintenance mode; clients name it to the people waiting. */
public enum MaintenanceReason {

	/** A cold backup copies the data. */
	BACKUP,

	/** The data is being restored from a backup. */
	RESTORE,

	/** An upgrade that cannot be rolled node by node. */
	UPGRADE

}
