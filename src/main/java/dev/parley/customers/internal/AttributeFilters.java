package dev.parley.customers.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.parley.customers.internal.CustomerFilter.Condition;
import dev.parley.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filters on attributes ({@code attr.<key>}, {@code attr.<key>.from}, {@code .to}): by
 * the attribute's type, an equal text, one of the choices, a number or a day, or a range
 * of numbers or days; a sensitive attribute (stored sealed) is no filter.
 */
class AttributeFilters {

	private final JdbcClient jdbc;

	AttributeFilters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Condition condition(String field, List<String> values, DateValues dates) {
		String rest = field.substring("attr.".length());
		String suffix = rest.endsWith(".from") ? "from" : rest.endsWith(".to") ? "to" : null;
		String key = (suffix != null) ? rest.substring(0, rest.length() - suffix.length() - 1) : rest;
		List<AttributeDefinition> found = this.jdbc
			.sql("SELECT a.id, a.attr_type, a.choices, a.is_sensitive FROM customer_attribute a WHERE a.attr_key = ?")
			.param(key)
			.query((rs, row) -> new AttributeDefinition(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getBoolean(4)))
			.list();
		if (found.isEmpty()) {
			throw ApiException.invalid(field, "unknown attribute");
		}
		AttributeDefinition attribute = found.get(0);
		String sub = "customer_attribute_value WHERE attribute_id = ? AND ";
		if (attribute.sensitive()) {
			throw ApiException.invalid(field, "a sensitive attribute is not a filter");
		}
		if (suffix != null && !attribute.type().equals("NUMBER") && !attribute.type().equals("DATE")) {
			throw ApiException.invalid(field, "only numbers and dates have a range");
		}
		String op = (suffix == null) ? " = ?" : suffix.equals("from") ? " >= ?" : " <= ?";
		return switch (attribute.type()) {
			case "NUMBER" -> Condition.set(sub + "number_value" + op, List.of(attribute.id(), number(field, values)));
			case "DATE" -> Condition.set(sub + "date_value" + op,
					List.of(attribute.id(), dates.day(field, CustomerFilterParser.single(field, values))));
			case "CHOICE" -> {
				List<String> choices = (attribute.choices() != null) ? List.of(attribute.choices().split("\n"))
						: List.of();
				values.stream().filter((v) -> !choices.contains(v)).findFirst().ifPresent((v) -> {
					throw ApiException.invalid(field, "not one of the choices: " + v);
				});
				List<Object> params = new ArrayList<>(List.of(attribute.id()));
				params.addAll(values);
				yield Condition.set(sub + "choice_value IN (" + CustomerFilterParser.marks(values.size()) + ")",
						params);
			}
			default ->
				// no index on text values: a condition, never read as a set
				Condition.of("c.id IN (SELECT customer_id FROM " + sub + "text_value = ?)", attribute.id(),
						CustomerFilterParser.single(field, values));
		};
	}

	private static BigDecimal number(String field, List<String> values) {
		try {
			return new BigDecimal(CustomerFilterParser.single(field, values));
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(field, "not a number");
		}
	}

	private record AttributeDefinition(long id, String type, String choices, boolean sensitive) {
	}

}
