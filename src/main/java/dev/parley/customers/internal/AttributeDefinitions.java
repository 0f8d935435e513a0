package dev.parley.customers.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.customers.CustomerChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom attributes of customers (administrator-defined). A definition's key and type
 * are fixed once created (values are stored by type); deleting one deletes its values.
 */
@Service
public class AttributeDefinitions {

	/**
	 * The longest TEXT value; sealed (sensitive) ones are shorter, to fit once sealed.
	 */
	static final int TEXT_MAX = 1000;

	static final int SENSITIVE_TEXT_MAX = 250;

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AttributeDefinitions(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param key and {@code type}: only when creating (fixed afterwards)
	 */
	public record Form(String key, String label, String type, List<String> choices, Boolean required, Boolean sensitive,
			String pattern, Integer maxLength, BigDecimal min, BigDecimal max, Integer position) {
	}

	public List<AttributeDefinition> list() {
		return this.jdbc
			.sql("SELECT id, attr_key, label, attr_type, choices, required, is_sensitive, pattern, max_length, "
					+ "min_value, max_value, position FROM customer_attribute ORDER BY position, attr_key")
			.query((rs, row) -> new AttributeDefinition(rs.getLong(1), rs.getString(2), rs.getString(3),
					AttributeType.valueOf(rs.getString(4)), choices(rs.getString(5)), rs.getBoolean(6),
					rs.getBoolean(7), rs.getString(8), (Integer) rs.getObject(9, Integer.class), rs.getBigDecimal(10),
					rs.getBigDecimal(11), rs.getInt(12)))
			.list();
	}

	public AttributeDefinition get(long id) {
		return list().stream()
			.filter((a) -> a.id() == id)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Attribute"));
	}

	@Transactional
	public AttributeDefinition create(Form form, StaffActor actor) {
		if (form == null) {
			throw ApiException.invalid("key", "is required");
		}
		if (form.key() == null || !KEY.matcher(form.key()).matches()) {
			throw ApiException.invalid("key", "must start with a-z and hold only a-z, 0-9 and _ (at most 40)");
		}
		AttributeType type = type(form.type());
		if (list().stream().anyMatch((a) -> a.key().equals(form.key()))) {
			throw ApiException.conflict("attribute_key_taken", "An attribute with that key exists");
		}
		AttributeDefinition valid = validate(0, form.key(), type, form);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer_attribute (attr_key, label, attr_type, choices, required, is_sensitive, pattern, "
					+ "max_length, min_value, max_value, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(valid.key(), valid.label(), type.name(), joined(valid.choices()), valid.required(),
					valid.sensitive(), valid.pattern(), valid.maxLength(), valid.min(), valid.max(), valid.position(),
					this.clock.millis())
			.update(keys, "id");
		this.audit.record(actor.username(), "customer.attribute.created", valid.key(), AuditResult.SUCCESS, null);
		return get(keys.getKeyAs(Number.class).longValue());
	}

	@Transactional
	public AttributeDefinition update(long id, Form form, StaffActor actor) {
		AttributeDefinition current = get(id);
		if (form == null) {
			throw ApiException.invalid("label", "is required");
		}
		if (form.key() != null && !form.key().equals(current.key())) {
			throw ApiException.invalid("key", "cannot be changed");
		}
		if (form.type() != null && !form.type().equalsIgnoreCase(current.type().name())) {
			throw ApiException.invalid("type", "cannot be changed");
		}
		if (form.sensitive() != null && form.sensitive() != current.sensitive() && hasValues(id)) {
			throw ApiException.conflict("attribute_in_use", "Values are stored; sensitivity cannot change now");
		}
		AttributeDefinition valid = validate(id, current.key(), current.type(), form);
		this.jdbc
			.sql("UPDATE customer_attribute SET label = ?, choices = ?, required = ?, is_sensitive = ?, pattern = ?, "
					+ "max_length = ?, min_value = ?, max_value = ?, position = ? WHERE id = ?")
			.params(valid.label(), joined(valid.choices()), valid.required(), valid.sensitive(), valid.pattern(),
					valid.maxLength(), valid.min(), valid.max(), valid.position(), id)
			.update();
		this.audit.record(actor.username(), "customer.attribute.updated", valid.key(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		AttributeDefinition current = get(id);
		List<Long> holders = this.jdbc
			.sql("SELECT DISTINCT customer_id FROM customer_attribute_value WHERE attribute_id = ?")
			.param(id)
			.query(Long.class)
			.list();
		this.jdbc.sql("DELETE FROM customer_attribute_value WHERE attribute_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM customer_attribute WHERE id = ?").param(id).update();
		// their values were search terms: each holder is indexed again, in this
		// transaction
		Instant now = this.clock.instant();
		for (Long holder : holders) {
			this.events.publishEvent(new CustomerChanged(holder, now));
		}
		this.audit.record(actor.username(), "customer.attribute.deleted", current.key(), AuditResult.SUCCESS, null);
	}

	private boolean hasValues(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_attribute_value WHERE attribute_id = ?")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}

	private static AttributeType type(String value) {
		try {
			return AttributeType.valueOf((value != null) ? value.strip().toUpperCase(java.util.Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("type", "must be TEXT, NUMBER, DATE or CHOICE");
		}
	}

	private static AttributeDefinition validate(long id, String key, AttributeType type, Form form) {
		String label = (form.label() != null) ? form.label().strip() : "";
		if (label.isEmpty() || label.length() > 100) {
			throw ApiException.invalid("label", "must be 1 to 100 characters");
		}
		boolean sensitive = Boolean.TRUE.equals(form.sensitive());
		if (sensitive && type != AttributeType.TEXT) {
			throw ApiException.invalid("sensitive", "only TEXT attributes can be sensitive");
		}
		List<String> choices = List.of();
		if (type == AttributeType.CHOICE) {
			choices = new ArrayList<>();
			for (String choice : (form.choices() != null) ? form.choices() : List.<String>of()) {
				String c = (choice != null) ? choice.strip() : "";
				if (c.isEmpty() || c.length() > 100 || c.contains("\n")) {
					throw ApiException.invalid("choices", "each choice must be 1 to 100 characters on one line");
				}
				if (!choices.contains(c)) {
					choices.add(c);
				}
			}
			if (choices.isEmpty() || String.join("\n", choices).length() > 2000) {
				throw ApiException.invalid("choices", "give 1 to 2000 characters of choices");
			}
		}
		String pattern = null;
		Integer maxLength = null;
		if (type == AttributeType.TEXT) {
			if (form.pattern() != null && !form.pattern().isEmpty()) {
				if (form.pattern().length() > 200) {
					throw ApiException.invalid("pattern", "must be at most 200 characters");
				}
				try {
					Pattern.compile(form.pattern());
				}
				catch (PatternSyntaxException ex) {
					throw ApiException.invalid("pattern", "is not a valid regular expression");
				}
				pattern = form.pattern();
			}
			int cap = sensitive ? SENSITIVE_TEXT_MAX : TEXT_MAX;
			maxLength = (form.maxLength() != null) ? form.maxLength() : cap;
			if (maxLength < 1 || maxLength > cap) {
				throw ApiException.invalid("maxLength", "must be between 1 and " + cap);
			}
		}
		BigDecimal min = null;
		BigDecimal max = null;
		if (type == AttributeType.NUMBER) {
			min = bound("min", form.min());
			max = bound("max", form.max());
			if (min != null && max != null && min.compareTo(max) > 0) {
				throw ApiException.invalid("max", "must not be less than min");
			}
		}
		int position = (form.position() != null) ? form.position() : 0;
		if (position < 0 || position > 10_000) {
			throw ApiException.invalid("position", "must be between 0 and 10000");
		}
		return new AttributeDefinition(id, key, label, type, choices, Boolean.TRUE.equals(form.required()), sensitive,
				pattern, maxLength, min, max, position);
	}

	private static BigDecimal bound(String field, BigDecimal value) {
		if (value != null && (value.abs().compareTo(LIMIT) >= 0 || value.scale() > 4)) {
			throw ApiException.invalid(field, "must be below 10^15 with at most 4 decimals");
		}
		return value;
	}

	private static String joined(List<String> choices) {
		return choices.isEmpty() ? null : String.join("\n", choices);
	}

	private static List<String> choices(String stored) {
		return (stored == null || stored.isEmpty()) ? List.of() : Arrays.asList(stored.split("\n"));
	}

}
