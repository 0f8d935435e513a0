package dev.parley.operations.internal.backup;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical encoding of a row: a JSON array of its values in column order (numbers,
 * booleans, text, binary as Base64, null). The archive stores rows this way, one per
 * line, and {@link TableDigest} hashes exactly these bytes, so a row read from any
 * database encodes to the same bytes as the row written to the archive.
 */
final class RowCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<TableLayout.Column> columns;

	private final Buffer buffer = new Buffer();

	RowCodec(List<TableLayout.Column> columns) {
		this.columns = columns;
	}

	List<TableLayout.Column> columns() {
		return this.columns;
	}

	static JsonMapper json() {
		return JSON;
	}

	/**
	 * Encodes a row into this codec's buffer (valid until the next call).
	 */
	Buffer encode(Object[] row) {
		this.buffer.reset();
		try (JsonGenerator generator = JSON.createGenerator(this.buffer)) {
			generator.writeStartArray();
			for (int i = 0; i < row.length; i++) {
				write(generator, this.columns.get(i).kind(), row[i]);
			}
			generator.writeEndArray();
		}
		return this.buffer;
	}

	private static void write(JsonGenerator generator, ColumnKind kind, Object value) {
		if (value == null) {
			generator.writeNull();
			return;
		}
		switch (kind) {
			case LONG:
			case INT:
				generator.writeNumber(((Number) value).longValue());
				break;
			case BOOLEAN:
				generator.writeBoolean((Boolean) value);
				break;
			case TEXT:
			case DECIMAL:
				generator.writeString((String) value);
				break;
			default:
				generator.writeString(Base64.getEncoder().encodeToString((byte[]) value));
		}
	}

	/**
	 * Reads the next row from a parser positioned before it.
	 * @return the row, or null at the end of the table
	 * @throws BackupRefused when the row does not fit the table's columns
	 */
	Object[] decode(JsonParser parser, String table) {
		JsonToken token = parser.nextToken();
		if (token == null) {
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			throw BackupRefused.damaged("a row of " + table + " is not a list of values");
		}
		Object[] row = new Object[this.columns.size()];
		for (int i = 0; i < row.length; i++) {
			JsonToken value = parser.nextToken();
			if (value == JsonToken.END_ARRAY || value == null) {
				throw BackupRefused.damaged("a row of " + table + " has too few values");
			}
			row[i] = read(parser, value, this.columns.get(i), table);
		}
		if (parser.nextToken() != JsonToken.END_ARRAY) {
			throw BackupRefused.damaged("a row of " + table + " has too many values");
		}
		return row;
	}

	private static Object read(JsonParser parser, JsonToken token, TableLayout.Column column, String table) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		ColumnKind kind = column.kind();
		boolean fits = switch (kind) {
			case LONG, INT -> token == JsonToken.VALUE_NUMBER_INT;
			case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
			default -> token == JsonToken.VALUE_STRING;
		};
		if (!fits) {
			throw BackupRefused.damaged("column " + table + "." + column.name() + " holds a value of the wrong kind");
		}
		switch (kind) {
			case LONG:
				return parser.getLongValue();
			case INT:
				return parser.getIntValue();
			case BOOLEAN:
				return token == JsonToken.VALUE_TRUE;
			case TEXT:
				return parser.getString();
			case DECIMAL:
				try {
					return ColumnKind.canonical(new java.math.BigDecimal(parser.getString()));
				}
				catch (NumberFormatException ex) {
					throw BackupRefused.damaged("column " + table + "." + column.name() + " holds a broken number");
				}
			default:
				try {
					return Base64.getDecoder().decode(parser.getString());
				}
				catch (IllegalArgumentException ex) {
					throw BackupRefused.damaged("column " + table + "." + column.name() + " holds broken binary data");
				}
		}
	}

	/** A byte buffer whose array can be read without copying. */
	static final class Buffer extends ByteArrayOutputStream {

		Buffer() {
			super(256);
		}

		byte[] array() {
			return this.buf;
		}

		int length() {
			return this.count;
		}

	}

}
