package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.platform.ApiException;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketAccess;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One change made to many tickets (assign, status, tag, close): each ticket changed by
 * {@link TicketChanges#update} as a change of its own, in a transaction of its own, with
 * the same checks as one change from its page (visibility, permission, move, version). A
 * refusal of one does not undo the others; the answer says what became of each.
 */
@Component
public class TicketBulk {

	static final int MAX_IDS = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TicketChanges changes;

	private final TicketAccess access;

	private final TicketRepository tickets;

	TicketBulk(TicketChanges changes, TicketAccess access, TicketRepository tickets) {
		this.changes = changes;
		this.access = access;
		this.tickets = tickets;
	}

	/**
	 * @param outcome ok, forbidden, conflict, invalid_transition, invalid or not_found
	 * @param code the refusal's code (e.g. stale_version), or null
	 */
	public record Outcome(long id, String outcome, String code, String detail) {
	}

	public record Result(List<Outcome> results) {
	}

	/** Not transactional: each ticket is changed in its own transaction. */
	public Result apply(JsonNode body, TicketActor actor) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("ids", "is required");
		}
		Set<Long> ids = ids(body.path("ids"));
		String action = body.path("action").asString("");
		ObjectNode patch = patch(action, body);
		List<Outcome> results = new ArrayList<>();
		for (long id : ids) {
			results.add(one(id, action, patch, body, actor));
		}
		return new Result(results);
	}

	private Outcome one(long id, String action, ObjectNode template, JsonNode body, TicketActor actor) {
		try {
			Ticket ticket = this.access.visible(id, actor);
			ObjectNode patch = template.deepCopy();
			patch.put("version", ticket.version());
			if (action.equals("tag")) {
				Set<String> tags = new TreeSet<>(this.tickets.tags(id));
				body.path("add").forEach((tag) -> tags.add(tag.asString("").strip()));
				body.path("remove")
					.forEach((tag) -> tags.remove(tag.asString("").strip().toLowerCase(java.util.Locale.ROOT)));
				patch.set("tags", JSON.valueToTree(tags));
			}
			this.changes.update(id, patch, actor);
			return new Outcome(id, "ok", null, null);
		}
		catch (ApiException ex) {
			return new Outcome(id, outcome(ex), ex.code(), ex.getMessage());
		}
	}

	private static String outcome(ApiException ex) {
		if (ex.status() == HttpStatus.FORBIDDEN) {
			return "forbidden";
		}
		if (ex.status() == HttpStatus.NOT_FOUND) {
			return "not_found";
		}
		if (ex.code().equals("invalid_transition")) {
			return "invalid_transition";
		}
		return (ex.status() == HttpStatus.CONFLICT) ? "conflict" : "invalid";
	}

	private static Set<Long> ids(JsonNode ids) {
		if (!ids.isArray() || ids.isEmpty()) {
			throw ApiException.invalid("ids", "is required");
		}
		if (ids.size() > MAX_IDS) {
			throw ApiException.invalid("ids", "at most 500 values");
		}
		Set<Long> out = new LinkedHashSet<>();
		for (JsonNode id : ids) {
			if (!id.isIntegralNumber()) {
				throw ApiException.invalid("ids", "not an id");
			}
			out.add(id.asLong());
		}
		return out;
	}

	/** The change for every ticket (without its version and, for tags, the new list). */
	private static ObjectNode patch(String action, JsonNode body) {
		ObjectNode patch = JSON.createObjectNode();
		switch (action) {
			case "assign" -> {
				if (!body.has("groupId") && !body.has("assigneeId")) {
					throw ApiException.invalid("assigneeId", "is required");
				}
				copy(body, patch, "groupId", "assigneeId", "reason");
			}
			case "status" -> {
				if (!body.path("status").isString()) {
					throw ApiException.invalid("status", "is required");
				}
				copy(body, patch, "status", "pendingOn");
			}
			case "close" -> patch.put("status", "CLOSED");
			case "tag" -> {
				for (String list : List.of("add", "remove")) {
					JsonNode tags = body.path(list);
					if (!tags.isMissingNode() && (!tags.isArray() || tags.size() > 50)) {
						throw ApiException.invalid(list, "at most 50 values");
					}
					for (JsonNode tag : tags) {
						if (!tag.isString() || tag.asString().isBlank() || tag.asString().length() > 40) {
							throw ApiException.invalid(list, "at most 40 characters");
						}
					}
				}
				if (body.path("add").isEmpty() && body.path("remove").isEmpty()) {
					throw ApiException.invalid("add", "is required");
				}
			}
			default -> throw ApiException.invalid("action", "one of assign, status, tag, close");
		}
		return patch;
	}

	private static void copy(JsonNode from, ObjectNode to, String... fields) {
		for (String field : fields) {
			if (from.has(field)) {
				to.set(field, from.get(field));
			}
		}
	}

}
