package dev.parley.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.parley.platform.PersonalData;
import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;
import dev.parley.platform.SecretBox;

/**
 * Re-encrypts every value of every {@link SealedColumn} (personal data and stored
 * secrets) that is not sealed with the current key, in batches: each batch is its own
 * transaction, and each row is written only if it still holds the value read (a
 * compare-and-set), so running nodes may keep writing meanwhile. A run walks each table
 * once in key order; running it again finds only what is left (a value written with an
 * old key by a node that had not yet been given the new one, or a run that was stopped),
 * so it resumes where it ended. Plain copies of secrets that the previous release still
 * read are overwritten afterwards ({@link SealedColumn#plainCopy()}).
 */
public class PersonalDataRotation {

	private final DataSource dataSource;

	private final PersonalData personal;

	private final SecretBox secrets;

	private final List<SealedColumn> columns;

	private final int batchSize;

	public PersonalDataRotation(DataSource dataSource, PersonalData personal, SecretBox secrets,
			List<SealedColumns> modules, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("parley.personal-data.rotation-batch-size must be at least 1");
		}
		this.dataSource = dataSource;
		this.personal = personal;
		this.secrets = secrets;
		this.columns = modules.stream().flatMap((m) -> m.sealedColumns().stream()).distinct().toList();
		this.batchSize = batchSize;
	}

	/** What a rotation did to one column. */
	public record ColumnResult(SealedColumn column, long rotated, long changedMeanwhile, long unreadable,
			long plainCopiesReplaced) {
	}

	/** What a rotation did. */
	public record Result(String keyId, List<ColumnResult> columns) {

		public long rotated() {
			return this.columns.stream().mapToLong(ColumnResult::rotated).sum();
		}

		public long unreadable() {
			return this.columns.stream().mapToLong(ColumnResult::unreadable).sum();
		}

	}

	public List<SealedColumn> columns() {
		return this.columns;
	}

	/**
	 * @param progress told after every batch ("visitor.email_sealed: 500 rotated")
	 */
	public Result rotate(Consumer<String> progress) throws SQLException {
		List<ColumnResult> results = new ArrayList<>();
		for (SealedColumn column : this.columns) {
			results.add(rotate(column, progress));
		}
		return new Result(this.personal.currentKeyId(), results);
	}

	private ColumnResult rotate(SealedColumn column, Consumer<String> progress) throws SQLException {
		long rotated = 0;
		long changed = 0;
		long unreadable = 0;
		Object[] after = null;
		while (true) {
			Batch batch = batch(column, after);
			rotated += batch.rotated;
			changed += batch.changed;
			unreadable += batch.unreadable;
			if (batch.last == null) {
				break;
			}
			after = batch.last;
			progress.accept(column + ": " + rotated + " rotated");
		}
		long replaced = (column.plainCopy() != null) ? PlainCopies.replace(this.dataSource, this.secrets, column) : 0;
		return new ColumnResult(column, rotated, changed, unreadable, replaced);
	}

	private static final class Batch {

		Object[] last;

		long rotated;

		long changed;

		long unreadable;

	}

	private Batch batch(SealedColumn column, Object[] after) throws SQLException {
		Batch batch = new Batch();
		List<String> key = column.key();
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				List<Object[]> rows = read(connection, column, after);
				String update = "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE "
						+ String.join(" = ? AND ", key) + " = ? AND " + column.column() + " = ?";
				try (PreparedStatement statement = connection.prepareStatement(update)) {
					for (Object[] row : rows) {
						String sealed = (String) row[key.size()];
						String resealed;
						try {
							resealed = reseal(column, sealed);
						}
						catch (IllegalStateException ex) {
							batch.unreadable++;
							continue;
						}
						if (resealed.equals(sealed)) {
							continue;
						}
						statement.setString(1, resealed);
						for (int i = 0; i < key.size(); i++) {
							statement.setObject(i + 2, row[i]);
						}
						statement.setString(key.size() + 2, sealed);
						if (statement.executeUpdate() == 1) {
							batch.rotated++;
						}
						else {
							batch.changed++;
						}
					}
				}
				connection.commit();
				if (rows.size() == this.batchSize) {
					batch.last = rows.get(rows.size() - 1);
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		return batch;
	}

	/** A whole JSON string that is a sealed secret. */
	private static final Pattern SEALED_WITHIN = Pattern
		.compile("\"(pd1:[a-z0-9]{1,8}:[A-Za-z0-9+/]+|v1:[A-Za-z0-9+/]+={0,2})\"");

	private String reseal(SealedColumn column, String sealed) {
		return switch (column.content()) {
			case PERSONAL -> this.personal.seal(this.personal.open(sealed));
			case SECRET -> this.secrets.seal(this.secrets.open(sealed));
			case SECRETS_WITHIN -> {
				Matcher matcher = SEALED_WITHIN.matcher(sealed);
				StringBuilder out = new StringBuilder();
				while (matcher.find()) {
					String value = matcher.group(1);
					String replacement = this.personal.current(value) ? value
							: this.secrets.seal(this.secrets.open(value));
					matcher.appendReplacement(out, Matcher.quoteReplacement("\"" + replacement + "\""));
				}
				matcher.appendTail(out);
				yield out.toString();
			}
		};
	}

	/** The rows that may hold a value sealed with another key than the current one. */
	private static String candidates(SealedColumn column) {
		String name = column.column();
		return switch (column.content()) {
			case PERSONAL -> name + " LIKE 'pd1:%' AND " + name + " NOT LIKE ?";
			case SECRET -> "(" + name + " LIKE 'pd1:%' OR " + name + " LIKE 'v1:%') AND " + name + " NOT LIKE ?";
			case SECRETS_WITHIN ->
				"(" + name + " LIKE '%\"pd1:%' OR " + name + " LIKE '%\"v1:%') AND " + name + " NOT LIKE ?";
		};
	}

	/**
	 * The next rows in key order after {@code after} whose value may be sealed with
	 * another key than the current one.
	 */
	private List<Object[]> read(Connection connection, SealedColumn column, Object[] after) throws SQLException {
		List<String> key = column.key();
		StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", key))
			.append(", ")
			.append(column.column())
			.append(" FROM ")
			.append(column.table())
			.append(" WHERE ")
			.append(candidates(column));
		if (after != null) {
			// (k1 > ?) OR (k1 = ? AND k2 > ?) OR ...: portable keyset paging
			List<String> alternatives = new ArrayList<>();
			for (int i = 0; i < key.size(); i++) {
				StringBuilder alternative = new StringBuilder("(");
				for (int j = 0; j < i; j++) {
					alternative.append(key.get(j)).append(" = ? AND ");
				}
				alternatives.add(alternative.append(key.get(i)).append(" > ?)").toString());
			}
			sql.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
		}
		sql.append(" ORDER BY ").append(String.join(", ", key)).append(" LIMIT ").append(this.batchSize);
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int index = 1;
			// text with secrets within is never one sealed value: the pattern excludes
			// none
			statement.setString(index++, (column.content() == SealedColumn.Content.SECRETS_WITHIN) ? "pd1:%"
					: "pd1:" + this.personal.currentKeyId() + ":%");
			if (after != null) {
				for (int i = 0; i < key.size(); i++) {
					for (int j = 0; j <= i; j++) {
						statement.setObject(index++, after[j]);
					}
				}
			}
			List<Object[]> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Object[] row = new Object[key.size() + 1];
					for (int i = 0; i < key.size(); i++) {
						row[i] = rs.getObject(i + 1);
					}
					row[key.size()] = rs.getString(key.size() + 1);
					rows.add(row);
				}
			}
			return rows;
		}
	}

}
