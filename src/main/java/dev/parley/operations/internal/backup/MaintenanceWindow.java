package dev.parley.operations.internal.backup;

/**
 * Puts Parley in maintenance mode for a cold backup or a restore: while the window is
 * open no node writes.
 */
interface MaintenanceWindow {

	enum Purpose {

		BACKUP, RESTORE

	}

	/**
	 * @return the open window; closing it ends maintenance
	 */
	AutoCloseable open(Purpose purpose, String actor);

}
