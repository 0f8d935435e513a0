package dev.parley.operations.internal.backup;

import java.util.List;

/**
 * What a restore found when it read the restored database back, before it committed:
 * every table's rows against the manifest (count and digest), every foreign key without
 * its parent, and every conversation whose last message number does not match its
 * messages (a missing or extra message).
 */
record IntegrityReport(List<TableCheck> tables, List<KeyCheck> keys, long conversations,
		long conversationsNotMatchingTheirMessages) {

	record TableCheck(String table, long expectedRows, long rows, boolean digestMatches) {

		boolean passed() {
			return this.expectedRows == this.rows && this.digestMatches;
		}

	}

	/**
	 * @param orphans rows whose key points at no row of the parent table
	 */
	record KeyCheck(String table, String column, String parent, long orphans) {
	}

	boolean passed() {
		return this.tables.stream().allMatch(TableCheck::passed) && this.keys.stream().allMatch((k) -> k.orphans() == 0)
				&& this.conversationsNotMatchingTheirMessages == 0;
	}

	long rows() {
		return this.tables.stream().mapToLong(TableCheck::rows).sum();
	}

	/** The first problem, in words, for a refusal; null when it passed. */
	String firstProblem() {
		for (TableCheck table : this.tables) {
			if (!table.passed()) {
				return "table " + table.table() + " holds " + table.rows() + " rows"
						+ (table.digestMatches() ? "" : " with other content") + " where the backup has "
						+ table.expectedRows();
			}
		}
		for (KeyCheck key : this.keys) {
			if (key.orphans() > 0) {
				return key.orphans() + " rows of " + key.table() + "." + key.column() + " point at no " + key.parent();
			}
		}
		if (this.conversationsNotMatchingTheirMessages > 0) {
			return this.conversationsNotMatchingTheirMessages
					+ " conversations do not hold the messages their last message number says";
		}
		return null;
	}

}
