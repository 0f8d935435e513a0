package dev.parley.operations.internal.backup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One table as a backup sees it: its columns in order with their portable kinds, the
 * generated key column if there is one, and the tables its foreign keys point at.
 *
 * @param name the table's name in lower case, as the migrations spell it
 */
record TableLayout(String name, List<Column> columns, String identityColumn, List<String> references) {

	record Column(String name, ColumnKind kind) {
	}

	String columnList() {
		return this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
	}

	String selectAll() {
		return "SELECT " + columnList() + " FROM " + this.name;
	}

	String insert() {
		String marks = this.columns.stream().map((column) -> "?").collect(Collectors.joining(", "));
		return "INSERT INTO " + this.name + " (" + columnList() + ") VALUES (" + marks + ")";
	}

	/** Reads the current row of a {@link #selectAll()} result into {@code row}. */
	void read(java.sql.ResultSet rows, Object[] row) throws java.sql.SQLException {
		for (int i = 0; i < row.length; i++) {
			row[i] = this.columns.get(i).kind().read(rows, i + 1);
		}
	}

	boolean hasBytes() {
		return this.columns.stream().anyMatch((column) -> column.kind() == ColumnKind.BYTES);
	}

}
