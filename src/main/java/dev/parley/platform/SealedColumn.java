package dev.parley.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A column that holds values sealed by {@link PersonalData} (and possibly plain values
 * that are not personal, such as a customer attribute not marked sensitive: only values
 * that begin with {@code pd1:} are sealed ones). The rotation of personal data keys
 * re-encrypts every such column that a module declares in its {@link SealedColumns}.
 *
 * @param table the table
 * @param column the column holding the sealed text
 * @param key the columns that identify a row (its primary key)
 */
public record SealedColumn(String table, String column, List<String> key) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	public SealedColumn {
		key = List.copyOf(key);
		if (key.isEmpty()) {
			throw new IllegalArgumentException("A sealed column needs the key of its table");
		}
		for (String name : concat(table, column, key)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a table or column name: " + name);
			}
		}
	}

	/**
	 * @return the column of a table whose rows are identified by the given columns
	 */
	public static SealedColumn of(String table, String column, String... key) {
		return new SealedColumn(table, column, List.of(key));
	}

	private static List<String> concat(String table, String column, List<String> key) {
		java.util.ArrayList<String> all = new java.util.ArrayList<>(key);
		all.add(table);
		all.add(column);
		return all;
	}

	@Override
	public String toString() {
		return this.table + "." + this.column;
	}

}
