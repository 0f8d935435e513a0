package dev.parley.operations.internal.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The portable kinds of value Parley's schema uses (decision 0001: numbers for instants,
 * no engine-specific types), each read and bound the same way on H2, PostgreSQL and
 * MySQL/MariaDB, so a row exported from one engine is imported into another unchanged.
 */
enum ColumnKind {

	LONG, INT, BOOLEAN, TEXT, BYTES,

	/**
	 * Exact decimals (customer attributes' numbers): written as text without trailing
	 * zeros, so every engine's copy of a value reads the same.
	 */
	DECIMAL;

	static ColumnKind of(int jdbcType, String typeName, String table, String column) {
		switch (jdbcType) {
			case Types.BIGINT:
				return LONG;
			case Types.INTEGER:
			case Types.SMALLINT:
				return INT;
			case Types.BOOLEAN:
			case Types.BIT:
				return BOOLEAN;
			case Types.TINYINT:
				// MySQL/MariaDB store BOOLEAN as TINYINT(1)
				return BOOLEAN;
			case Types.CHAR:
			case Types.VARCHAR:
			case Types.LONGVARCHAR:
			case Types.CLOB:
			case Types.NCHAR:
			case Types.NVARCHAR:
			case Types.LONGNVARCHAR:
			case Types.NCLOB:
				return TEXT;
			case Types.DECIMAL:
			case Types.NUMERIC:
				return DECIMAL;
			case Types.BLOB:
			case Types.BINARY:
			case Types.VARBINARY:
			case Types.LONGVARBINARY:
				return BYTES;
			default:
				throw new IllegalStateException(
						"Column " + table + "." + column + " has a type backups do not know: " + typeName);
		}
	}

	Object read(ResultSet rows, int index) throws SQLException {
		Object value;
		switch (this) {
			case LONG:
				value = rows.getLong(index);
				break;
			case INT:
				value = rows.getInt(index);
				break;
			case BOOLEAN:
				value = rows.getBoolean(index);
				break;
			case TEXT:
				value = rows.getString(index);
				break;
			case DECIMAL:
				java.math.BigDecimal decimal = rows.getBigDecimal(index);
				value = (decimal != null) ? canonical(decimal) : null;
				break;
			default:
				value = rows.getBytes(index);
		}
		return rows.wasNull() ? null : value;
	}

	void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value == null) {
			statement.setNull(index, sqlType());
			return;
		}
		switch (this) {
			case LONG:
				statement.setLong(index, ((Number) value).longValue());
				break;
			case INT:
				statement.setInt(index, ((Number) value).intValue());
				break;
			case BOOLEAN:
				statement.setBoolean(index, (Boolean) value);
				break;
			case TEXT:
				statement.setString(index, (String) value);
				break;
			case DECIMAL:
				statement.setBigDecimal(index, new java.math.BigDecimal((String) value));
				break;
			default:
				statement.setBytes(index, (byte[]) value);
		}
	}

	private int sqlType() {
		switch (this) {
			case LONG:
				return Types.BIGINT;
			case INT:
				return Types.INTEGER;
			case BOOLEAN:
				return Types.BOOLEAN;
			case TEXT:
				return Types.VARCHAR;
			case DECIMAL:
				return Types.DECIMAL;
			default:
				return Types.VARBINARY;
		}
	}

	/**
	 * @return the decimal as plain text without trailing zeros ("12.5", "0", "-3")
	 */
	static String canonical(java.math.BigDecimal decimal) {
		return (decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString();
	}

}
