package dev.parley.customers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;
import dev.parley.platform.PersonalData;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's attribute values: checked against their definitions (type, pattern,
 * length, range, choices, required), stored in the column of their type, sensitive TEXT
 * values sealed.
 */
@Component
public class AttributeValues {

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

	private final JdbcClient jdbc;

	private final PersonalData personal;

	AttributeValues(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/**
	 * A checked value ready to store: null clears it.
	 */
	public record Checked(AttributeDefinition definition, Object value) {
	}

	/** A value as shown: a String, a BigDecimal, a LocalDate (as text) or null. */
	public record Value(String key, String label, AttributeType type, boolean sensitive, Object value) {
	}

	/**
	 * Checks every value of a patch before anything is stored.
	 * @param given attribute key to JSON value (null clears)
	 * @throws ApiException {@code validation_failed} naming {@code attributes.<key>}
	 */
	public List<Checked> check(JsonNode given, List<AttributeDefinition> definitions) {
		if (!given.isObject()) {
			throw ApiException.invalid("attributes", "must be an object of attribute keys to values");
		}
		Map<String, AttributeDefinition> byKey = new LinkedHashMap<>();
		definitions.forEach((d) -> byKey.put(d.key(), d));
		List<Checked> checked = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : given.properties()) {
			String field = "attributes." + entry.getKey();
			AttributeDefinition definition = byKey.get(entry.getKey());
			if (definition == null) {
				throw ApiException.invalid(field, "is not a known attribute");
			}
			checked.add(new Checked(definition, value(field, definition, entry.getValue())));
		}
		return checked;
	}

	private static Object value(String field, AttributeDefinition d, JsonNode node) {
		if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
			if (d.required()) {
				throw ApiException.invalid(field, "is required");
			}
			return null;
		}
		return switch (d.type()) {
			case TEXT -> text(field, d, node);
			case NUMBER -> number(field, d, node);
			case DATE -> date(field, node);
			case CHOICE -> {
				if (!node.isString() || !d.choices().contains(node.asString())) {
					throw ApiException.invalid(field, "must be one of " + String.join(", ", d.choices()));
				}
				yield node.asString();
			}
		};
	}

	private static String text(String field, AttributeDefinition d, JsonNode node) {
		if (!node.isString()) {
			throw ApiException.invalid(field, "must be text");
		}
		String value = node.asString().strip();
		int max = (d.maxLength() != null) ? d.maxLength() : AttributeDefinitions.TEXT_MAX;
		if (value.length() > max) {
			throw ApiException.invalid(field, "must be at most " + max + " characters");
		}
		if (d.pattern() != null && !Pattern.compile(d.pattern()).matcher(value).matches()) {
			throw ApiException.invalid(field, "does not have the expected form");
		}
		return value;
	}

	private static BigDecimal number(String field, AttributeDefinition d, JsonNode node) {
		if (!node.isNumber()) {
			throw ApiException.invalid(field, "must be a number");
		}
		BigDecimal value = node.decimalValue();
		if (value.abs().compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 4) {
			throw ApiException.invalid(field, "must be below 10^15 with at most 4 decimals");
		}
		if ((d.min() != null && value.compareTo(d.min()) < 0) || (d.max() != null && value.compareTo(d.max()) > 0)) {
			String low = plain(d.min());
			String high = plain(d.max());
			throw ApiException.invalid(field, "must be between " + low + " and " + high);
		}
		return value;
	}

	private static LocalDate date(String field, JsonNode node) {
		if (!node.isString()) {
			throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
		}
		try {
			LocalDate date = LocalDate.parse(node.asString());
			if (date.getYear() < 1 || date.getYear() > 9999) {
				throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
		}
	}

	private static BigDecimal normal(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "…";
	}

	/** Stores checked values (null clears one). */
	public void store(long customerId, List<Checked> values) {
		for (Checked c : values) {
			this.jdbc.sql("DELETE FROM customer_attribute_value WHERE customer_id = ? AND attribute_id = ?")
				.params(customerId, c.definition().id())
				.update();
			if (c.value() == null) {
				continue;
			}
			String text = null;
			String choice = null;
			BigDecimal number = null;
			Long day = null;
			switch (c.definition().type()) {
				case TEXT ->
					text = c.definition().sensitive() ? this.personal.seal((String) c.value()) : (String) c.value();
				case CHOICE -> choice = (String) c.value();
				case NUMBER -> number = (BigDecimal) c.value();
				case DATE -> day = ((LocalDate) c.value()).toEpochDay();
			}
			this.jdbc
				.sql("INSERT INTO customer_attribute_value (customer_id, attribute_id, text_value, choice_value, "
						+ "number_value, date_value) VALUES (?, ?, ?, ?, ?, ?)")
				.params(customerId, c.definition().id(), text, choice, number, day)
				.update();
		}
	}

	/**
	 * @param reveal whether sensitive values are shown in clear (else masked)
	 * @return the customer's values, in the definitions' order
	 */
	public List<Value> of(long customerId, List<AttributeDefinition> definitions, boolean reveal) {
		Map<Long, Object[]> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT attribute_id, text_value, choice_value, number_value, date_value "
					+ "FROM customer_attribute_value WHERE customer_id = ?")
			.param(customerId)
			.query((rs, row) -> rows.put(rs.getLong(1),
					new Object[] { rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
							(Integer) rs.getObject(5, Integer.class) }))
			.list();
		List<Value> values = new ArrayList<>();
		for (AttributeDefinition d : definitions) {
			Object[] row = rows.get(d.id());
			Object value = null;
			if (row != null) {
				value = switch (d.type()) {
					case TEXT ->
						d.sensitive() ? (reveal ? this.personal.open((String) row[0]) : "••••••") : (String) row[0];
					case CHOICE -> row[1];
					case NUMBER -> (row[2] != null) ? normal((BigDecimal) row[2]) : null;
					case DATE -> (row[3] != null) ? LocalDate.ofEpochDay((Integer) row[3]).toString() : null;
				};
			}
			if (value != null) {
				values.add(new Value(d.key(), d.label(), d.type(), d.sensitive(), value));
			}
		}
		return values;
	}

}
