package dev.parley.operations.internal.backup;

import java.util.List;

/**
 * What a backup archive says about itself, as JSON entries: {@link Info} first,
 * {@link Manifest} last.
 */
final class ArchiveContents {

	static final int FORMAT = 1;

	private ArchiveContents() {
	}

	/**
	 * The readable header before the (possibly encrypted) payload.
	 */
	record Header(int format, boolean encrypted, String keyId, boolean compressed) {
	}

	/**
	 * The first entry: where the backup comes from.
	 *
	 * @param schemaVersion the Flyway version of the schema the rows fit
	 */
	record Info(int format, String parleyVersion, String schemaVersion, String engine, String kind, long createdAt,
			String installation, List<String> tables) {
	}

	/** The last entry: what every table holds, to check the entries against. */
	record Manifest(List<TableEntry> tables, long totalRows) {

		TableEntry table(String name) {
			return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst().orElse(null);
		}

	}

	/**
	 * @param sha256 of the table's entry as stored (before compression and encryption)
	 * @param digest the order-independent digest of its rows ({@link TableDigest})
	 */
	record TableEntry(String name, long rows, String sha256, String digest) {
	}

	/** The first line of a table's entry. */
	record TableHead(String table, List<List<String>> columns) {

		static TableHead of(TableLayout layout) {
			return new TableHead(layout.name(),
					layout.columns().stream().map((column) -> List.of(column.name(), column.kind().name())).toList());
		}

	}

}
