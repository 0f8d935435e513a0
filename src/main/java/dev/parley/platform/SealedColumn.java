package dev.parley.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A column that holds sealed values: {@link PersonalData}, or secrets of the
 * {@link SecretBox}. The key rotation re-encrypts every such column that a module
 * declares in its {@link SealedColumns}.
 *
 * @param table the table
 * @param column the column holding the sealed text
 * @param key the columns that identify a row (its primary key)
 * @param content what the column holds
 * @param plainCopy a column where the previous release kept the same secret in plain text
 * (it still reads it while both releases run); the rotation, run once every node runs
 * this release, overwrites a plain copy with random bytes of the same shape; null when
 * there is none
 */
public record SealedColumn(String table, String column, List<String> key, Content content, String plainCopy) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/** What a sealed column holds. */
	public enum Content {

		/**
		 * Personal data: values that begin with {@code pd1:} are sealed; others are plain
		 * values that are not personal (an attribute not marked sensitive) and stay.
		 */
		PERSONAL,

		/** One secret per row ({@code pd1:}, or {@code v1:} from earlier releases). */
		SECRET,

		/**
		 * Text (JSON) with sealed secrets among plain values, e.g. an SMS gateway's
		 * headers: each sealed value in it is re-sealed, the rest kept as it is.
		 */
		SECRETS_WITHIN

	}

	public SealedColumn {
		key = List.copyOf(key);
		if (key.isEmpty()) {
			throw new IllegalArgumentException("A sealed column needs the key of its table");
		}
		if (content == null) {
			throw new IllegalArgumentException("A sealed column needs its content");
		}
		List<String> names = new ArrayList<>(key);
		names.add(table);
		names.add(column);
		if (plainCopy != null) {
			names.add(plainCopy);
		}
		for (String name : names) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a table or column name: " + name);
			}
		}
	}

	/**
	 * @return the personal data column of a table whose rows are identified by the given
	 * columns
	 */
	public static SealedColumn of(String table, String column, String... key) {
		return new SealedColumn(table, column, List.of(key), Content.PERSONAL, null);
	}

	/**
	 * @return the column of secrets of a table whose rows are identified by the given
	 * columns
	 */
	public static SealedColumn secret(String table, String column, String... key) {
		return new SealedColumn(table, column, List.of(key), Content.SECRET, null);
	}

	/**
	 * @return the text column with sealed secrets within of a table whose rows are
	 * identified by the given columns
	 */
	public static SealedColumn secretsWithin(String table, String column, String... key) {
		return new SealedColumn(table, column, List.of(key), Content.SECRETS_WITHIN, null);
	}

	/**
	 * @return this column, with the column where the previous release kept its values in
	 * plain text
	 */
	public SealedColumn withPlainCopy(String plainCopyColumn) {
		return new SealedColumn(this.table, this.column, this.key, this.content, plainCopyColumn);
	}

	@Override
	public String toString() {
		return this.table + "." + this.column;
	}

}
