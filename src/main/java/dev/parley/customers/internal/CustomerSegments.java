package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved filters of the customer list ("VIP with a conversation this week"): personal,
 * seen by their owner only, or shared with everyone who views customers (saving, changing
 * or deleting a shared one takes customer.manage). A filter is checked by the list's own
 * rules when saved; an attribute deleted since makes the list refuse it, naming the
 * field.
 */
@Service
public class CustomerSegments {

	private static final TypeReference<Map<String, List<String>>> FILTER = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final CustomerFilterParser parser;

	private final ObjectMapper json;

	private final Clock clock;

	CustomerSegments(JdbcClient jdbc, CustomerFilterParser parser, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.parser = parser;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param filter field to a value or a list of values (the list's query fields)
	 */
	public record Form(String name, Map<String, Object> filter, Boolean shared) {
	}

	public record Segment(long id, String name, Map<String, List<String>> filter, boolean shared, boolean mine,
			Instant createdAt, Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	public List<Segment> list(StaffActor actor) {
		return this.jdbc
			.sql("SELECT id, name, filter_json, owner_id, created_at, updated_at FROM customer_segment "
					+ "WHERE owner_id IS NULL OR owner_id = ? ORDER BY name, id")
			.param(actor.id())
			.query((rs, row) -> map(actor, rs))
			.list();
	}

	/**
	 * @return a segment the staff member sees, or not_found
	 */
	@Transactional(readOnly = true)
	public Segment get(StaffActor actor, long id) {
		return list(actor).stream()
			.filter((s) -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Segment"));
	}

	@Transactional
	public Segment create(StaffActor actor, Form form) {
		Checked checked = check(actor, form);
		long now = this.clock.millis();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer_segment (name, filter_json, owner_id, created_by, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(checked.name(), checked.json(), checked.shared() ? null : actor.id(), actor.username(), now, now)
			.update(keys, "id");
		return get(actor, keys.getKeyAs(Number.class).longValue());
	}

	@Transactional
	public Segment update(StaffActor actor, long id, Form form) {
		Segment existing = get(actor, id);
		mayChange(actor, existing);
		Checked checked = check(actor, form);
		this.jdbc
			.sql("UPDATE customer_segment SET name = ?, filter_json = ?, owner_id = ?, updated_at = ? WHERE id = ?")
			.params(checked.name(), checked.json(), checked.shared() ? null : actor.id(), this.clock.millis(), id)
			.update();
		return get(actor, id);
	}

	@Transactional
	public void delete(StaffActor actor, long id) {
		mayChange(actor, get(actor, id));
		this.jdbc.sql("DELETE FROM customer_segment WHERE id = ?").param(id).update();
	}

	private static void mayChange(StaffActor actor, Segment segment) {
		if (segment.shared()) {
			actor.require(Permission.CUSTOMER_MANAGE);
		}
	}

	private Checked check(StaffActor actor, Form form) {
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty() || name.length() > 80) {
			throw ApiException.invalid("name", "1 to 80 characters");
		}
		boolean shared = Boolean.TRUE.equals(form.shared());
		if (shared) {
			actor.require(Permission.CUSTOMER_MANAGE);
		}
		if (form.filter() == null) {
			throw ApiException.invalid("filter", "required");
		}
		Map<String, List<String>> filter = new LinkedHashMap<>();
		for (Map.Entry<String, Object> field : form.filter().entrySet()) {
			if (CustomerListing.PAGING.contains(field.getKey())) {
				throw ApiException.invalid(field.getKey(), "unknown filter");
			}
			filter.put(field.getKey(), values(field.getKey(), field.getValue()));
		}
		// a segment is stored as written: it must hold no one's address or number
		for (Map.Entry<String, List<String>> field : filter.entrySet()) {
			String key = field.getKey();
			boolean contact = key.equals("email") || key.equals("phone")
					|| (key.equals("q") && field.getValue()
						.stream()
						.anyMatch((q) -> q != null && (q.contains("@") || CustomerFilterParser.looksLikePhone(q))));
			if (contact) {
				throw ApiException.invalid(key, "an e-mail address or phone number cannot be saved in a segment");
			}
		}
		this.parser.parse(filter);
		String json = this.json.writeValueAsString(filter);
		if (json.length() > 4000) {
			throw ApiException.invalid("filter", "too long");
		}
		return new Checked(name, json, shared);
	}

	private static List<String> values(String field, Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				values.add(scalar(field, item));
			}
		}
		else {
			values.add(scalar(field, value));
		}
		return values;
	}

	private static String scalar(String field, Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw ApiException.invalid(field, "a text, a number or a list of them");
	}

	private Segment map(StaffActor actor, java.sql.ResultSet rs) throws java.sql.SQLException {
		Long owner = (Long) rs.getObject("owner_id", Long.class);
		return new Segment(rs.getLong("id"), rs.getString("name"),
				this.json.readValue(rs.getString("filter_json"), FILTER), owner == null,
				owner != null && owner == actor.id(), Instant.ofEpochMilli(rs.getLong("created_at")),
				Instant.ofEpochMilli(rs.getLong("updated_at")));
	}

	private record Checked(String name, String json, boolean shared) {
	}

}
