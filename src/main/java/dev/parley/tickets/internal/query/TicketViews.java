package dev.parley.tickets.internal.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.internal.TicketActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of the ticket list ({@code ticket_view}): a name and the list's parameters.
 * Personal ones belong to their maker; shared ones are seen by all staff and made,
 * changed and deleted with {@code ticket.manage}. A filter that does not parse is
 * refused.
 */
@Component
public class TicketViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_PER_OWNER = 100;

	private final JdbcClient jdbc;

	private final TicketFilterParser parser;

	private final Clock clock;

	TicketViews(JdbcClient jdbc, TicketFilterParser parser, Clock clock) {
		this.jdbc = jdbc;
		this.parser = parser;
		this.clock = clock;
	}

	/**
	 * @param filter the list's parameters: each a string or a list of strings
	 */
	public record SavedView(long id, String name, JsonNode filter, boolean shared, int position) {
	}

	/** His own views and the shared ones, in their order. */
	@Transactional(readOnly = true)
	public List<SavedView> list(TicketActor actor) {
		return this.jdbc
			.sql("SELECT id, name, filter_json, owner_id, position FROM ticket_view "
					+ "WHERE owner_id = ? OR owner_id IS NULL ORDER BY position, id")
			.param(actor.staffId())
			.query((rs, row) -> new SavedView(rs.getLong(1), rs.getString(2), JSON.readTree(rs.getString(3)),
					rs.getObject(4) == null, rs.getInt(5)))
			.list();
	}

	@Transactional
	public SavedView create(JsonNode body, TicketActor actor) {
		Form form = form(body, actor, null);
		Long owner = form.shared() ? null : actor.staffId();
		int count = ((owner == null) ? this.jdbc.sql("SELECT COUNT(*) FROM ticket_view WHERE owner_id IS NULL")
				: this.jdbc.sql("SELECT COUNT(*) FROM ticket_view WHERE owner_id = ?").param(owner))
			.query(Integer.class)
			.single();
		if (count >= MAX_PER_OWNER) {
			throw ApiException.invalid("name", "at most 100 views");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_view (name, filter_json, owner_id, position, created_by, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(form.name(), form.filter().toString(), owner, form.position(), actor.name(), this.clock.millis())
			.update(key, "id");
		return find(key.getKey().longValue(), actor);
	}

	@Transactional
	public SavedView update(long id, JsonNode body, TicketActor actor) {
		SavedView view = mayChange(id, actor);
		Form form = form(body, actor, view);
		if (form.shared() != view.shared()) {
			actor.require(Permission.TICKET_MANAGE);
		}
		this.jdbc.sql("UPDATE ticket_view SET name = ?, filter_json = ?, owner_id = ?, position = ? WHERE id = ?")
			.params(form.name(), form.filter().toString(), form.shared() ? null : actor.staffId(), form.position(), id)
			.update();
		return find(id, actor);
	}

	@Transactional
	public void delete(long id, TicketActor actor) {
		mayChange(id, actor);
		this.jdbc.sql("DELETE FROM ticket_view WHERE id = ?").param(id).update();
	}

	/**
	 * @return the view, if he may see it
	 * @throws ApiException not_found for another's personal view
	 */
	public SavedView find(long id, TicketActor actor) {
		return list(actor).stream()
			.filter((v) -> v.id() == id)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("View"));
	}

	/**
	 * @return the view's filter as list parameters
	 */
	public static Map<String, List<String>> params(JsonNode filter) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : filter.properties()) {
			List<String> values = new ArrayList<>();
			JsonNode value = field.getValue();
			if (value.isArray()) {
				value.forEach((v) -> values.add(scalar(field.getKey(), v)));
			}
			else {
				values.add(scalar(field.getKey(), value));
			}
			params.put(field.getKey(), values);
		}
		return params;
	}

	private static String scalar(String name, JsonNode value) {
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		throw ApiException.invalid("filter." + name, "must be a text or a list of texts");
	}

	private SavedView mayChange(long id, TicketActor actor) {
		SavedView view = find(id, actor);
		if (view.shared()) {
			actor.require(Permission.TICKET_MANAGE);
		}
		return view;
	}

	private record Form(String name, ObjectNode filter, boolean shared, int position) {
	}

	private Form form(JsonNode body, TicketActor actor, SavedView before) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("name", "is required");
		}
		JsonNode nameNode = body.path("name");
		String name = nameNode.isString() ? nameNode.asString().strip()
				: (before != null && nameNode.isMissingNode()) ? before.name() : "";
		if (name.isEmpty()) {
			throw ApiException.invalid("name", "is required");
		}
		if (name.length() > 80) {
			throw ApiException.invalid("name", "must be at most 80 characters");
		}
		JsonNode filterNode = body.has("filter") ? body.get("filter")
				: (before != null) ? before.filter() : JSON.createObjectNode();
		if (!filterNode.isObject()) {
			throw ApiException.invalid("filter", "must be an object of the list's parameters");
		}
		ObjectNode filter = (ObjectNode) filterNode;
		if (filter.toString().length() > 4000) {
			throw ApiException.invalid("filter", "must be at most 4000 characters");
		}
		Map<String, List<String>> params = params(filter);
		// the order may be saved with the filter; paging may not
		String sort = params.containsKey("sort") ? String.join(",", params.remove("sort")) : null;
		String order = params.containsKey("order") ? String.join(",", params.remove("order")) : null;
		TicketSort.of(sort).descending(order);
		this.parser.parse(params, actor);
		JsonNode sharedNode = body.path("shared");
		boolean shared = sharedNode.isBoolean() ? sharedNode.asBoolean() : (before != null && before.shared());
		if (!sharedNode.isMissingNode() && !sharedNode.isBoolean()) {
			throw ApiException.invalid("shared", "must be true or false");
		}
		if (shared) {
			actor.require(Permission.TICKET_MANAGE);
		}
		JsonNode positionNode = body.path("position");
		if (!positionNode.isMissingNode() && !positionNode.isIntegralNumber()) {
			throw ApiException.invalid("position", "must be a whole number");
		}
		int position = positionNode.isIntegralNumber() ? positionNode.asInt()
				: (before != null) ? before.position() : 0;
		return new Form(name, filter, shared, position);
	}

}
