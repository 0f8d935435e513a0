package dev.parley.tickets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.parley.platform.ApiException;
import dev.parley.tickets.internal.TicketFields.Field;
import dev.parley.tickets.internal.TicketFields.FieldType;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The values of the custom fields on a ticket: read from a ticket's {@code fields} object
 * ({@code {"order": "1001", "refund": 20.5}}), each checked against its field's type
 * before anything is stored, written with a history entry per changed value, and shown
 * with the ticket. A value is stored as text (TEXT, DATE as 2026-12-24, CHOICE, CHECKBOX
 * as true or false) or as a number (NUMBER).
 */
@Component
public class TicketFieldValues {

	static final int TEXT_MAX = 500;

	private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000000");

	private final JdbcClient jdbc;

	private final TicketFields fields;

	private final TicketHistory history;

	TicketFieldValues(JdbcClient jdbc, TicketFields fields, TicketHistory history) {
		this.jdbc = jdbc;
		this.fields = fields;
		this.history = history;
	}

	/** A field's value on a ticket, as shown: null when not set. */
	public record FieldValue(String key, String label, FieldType type, Object value) {
	}

	/**
	 * The values sent, checked: field to value (null: clear it).
	 * @param creating whether a ticket is being created (then every required field needs
	 * a value)
	 * @throws ApiException {@code validation_failed} naming {@code fields.<key>}
	 */
	public Map<Field, Object> read(JsonNode node, boolean creating) {
		if ((node == null || node.isNull() || node.isMissingNode()) && !creating) {
			return Map.of();
		}
		if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
			throw ApiException.invalid("fields", "must be an object of custom field values");
		}
		Map<String, Field> byKey = new HashMap<>();
		for (Field field : this.fields.list()) {
			byKey.put(field.key(), field);
		}
		Map<Field, Object> values = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			for (String key : node.propertyNames()) {
				Field field = byKey.get(key);
				if (field == null) {
					throw ApiException.invalid("fields." + key, "is not a custom field");
				}
				Object value = value(field, node.get(key));
				if (value == null && field.required()) {
					throw ApiException.invalid("fields." + key, "is required");
				}
				values.put(field, value);
			}
		}
		if (creating) {
			for (Field field : byKey.values()) {
				if (field.required() && values.get(field) == null) {
					throw ApiException.invalid("fields." + field.key(), "is required");
				}
			}
		}
		return values;
	}

	private static Object value(Field field, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String name = "fields." + field.key();
		return switch (field.type()) {
			case TEXT -> {
				if (!node.isString()) {
					throw ApiException.invalid(name, "must be text");
				}
				String text = node.asString().strip();
				if (text.length() > TEXT_MAX) {
					throw ApiException.invalid(name, "must be at most 500 characters");
				}
				yield text.isEmpty() ? null : text;
			}
			case NUMBER -> {
				if (!node.isNumber()) {
					throw ApiException.invalid(name, "must be a number");
				}
				BigDecimal number = plain(node.decimalValue());
				if (number.abs().compareTo(NUMBER_LIMIT) >= 0 || number.scale() > 4) {
					throw ApiException.invalid(name, "must be a number below 10^15 with at most 4 decimals");
				}
				yield number;
			}
			case DATE -> {
				if (!node.isString()) {
					throw ApiException.invalid(name, "must be a date such as 2026-12-24");
				}
				try {
					yield LocalDate.parse(node.asString().strip()).toString();
				}
				catch (DateTimeParseException ex) {
					throw ApiException.invalid(name, "must be a date such as 2026-12-24");
				}
			}
			case CHOICE -> {
				if (!node.isString() || !field.choices().contains(node.asString().strip())) {
					throw ApiException.invalid(name, "must be one of the field's choices");
				}
				yield node.asString().strip();
			}
			case CHECKBOX -> {
				if (!node.isBoolean()) {
					throw ApiException.invalid(name, "must be true or false");
				}
				yield node.asBoolean();
			}
		};
	}

	/**
	 * @return the fields among {@code values} whose value differs from the stored one
	 */
	public List<Field> changed(long ticketId, Map<Field, Object> values) {
		Map<Long, Object> stored = stored(ticketId);
		List<Field> changed = new ArrayList<>();
		for (Map.Entry<Field, Object> value : values.entrySet()) {
			if (!same(stored.get(value.getKey().id()), value.getValue())) {
				changed.add(value.getKey());
			}
		}
		return changed;
	}

	/**
	 * Stores the values that changed, with a history entry each ({@code field.changed},
	 * the field's key, old and new value as text) unless {@code actor} is null.
	 */
	public void write(long ticketId, Map<Field, Object> values, String actor, Instant now) {
		Map<Long, Object> stored = stored(ticketId);
		for (Map.Entry<Field, Object> entry : values.entrySet()) {
			Field field = entry.getKey();
			Object old = stored.get(field.id());
			Object value = entry.getValue();
			if (same(old, value)) {
				continue;
			}
			this.jdbc.sql("DELETE FROM ticket_field_value WHERE ticket_id = ? AND field_id = ?")
				.params(ticketId, field.id())
				.update();
			if (value != null) {
				boolean number = value instanceof BigDecimal;
				this.jdbc
					.sql("INSERT INTO ticket_field_value (ticket_id, field_id, text_value, number_value) "
							+ "VALUES (?, ?, ?, ?)")
					.params(ticketId, field.id(), number ? null : text(value), number ? value : null)
					.update();
			}
			if (actor != null) {
				this.history.record(ticketId, actor, "field.changed", clip(field.key()), text(old), text(value),
						field.label(), now);
			}
		}
	}

	/** Every custom field, in position order, with the ticket's value or null. */
	public List<FieldValue> values(long ticketId) {
		Map<Long, Object> stored = stored(ticketId);
		List<FieldValue> out = new ArrayList<>();
		for (Field field : this.fields.list()) {
			out.add(new FieldValue(field.key(), field.label(), field.type(), stored.get(field.id())));
		}
		return out;
	}

	private Map<Long, Object> stored(long ticketId) {
		Map<Long, Object> values = new HashMap<>();
		this.jdbc
			.sql("SELECT v.field_id, f.type, v.text_value, v.number_value FROM ticket_field_value v "
					+ "JOIN ticket_field f ON f.id = v.field_id WHERE v.ticket_id = ?")
			.param(ticketId)
			.query((rs) -> {
				FieldType type = FieldType.valueOf(rs.getString(2));
				Object value = switch (type) {
					case NUMBER -> (rs.getBigDecimal(4) != null) ? plain(rs.getBigDecimal(4)) : null;
					case CHECKBOX -> Boolean.valueOf(rs.getString(3));
					default -> rs.getString(3);
				};
				values.put(rs.getLong(1), value);
			});
		return values;
	}

	/** 20.5000 as 20.5 and 2E+1 as 20. */
	private static BigDecimal plain(BigDecimal number) {
		return new BigDecimal(number.stripTrailingZeros().toPlainString());
	}

	private static boolean same(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a, b);
	}

	private static String text(Object value) {
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		return (value != null) ? value.toString() : null;
	}

	private static String clip(String key) {
		return (key.length() <= 40) ? key : key.substring(0, 40);
	}

}
