package dev.parley.tickets.internal;

import java.util.Set;

import dev.parley.conversations.ConversationVisibility;
import dev.parley.conversations.CustomerConversations;
import dev.parley.conversations.CustomerVisitors;
import dev.parley.platform.ApiException;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketType;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets made by staff and integrations: from scratch (for a caller, over the API) and
 * from a conversation in one click (the conversation linked, its customer carried over,
 * its question as the subject unless another is given).
 */
@Service
public class TicketIntake {

	private static final Set<String> FIELDS = Set.of("subject", "description", "customerId", "type", "priority",
			"categoryId", "groupId", "assigneeId", "dueAt", "tags", "followers", "origin", "fields");

	private final TicketChanges changes;

	private final CustomerVisitors visitors;

	private final CustomerConversations conversations;

	private final TicketFieldValues fieldValues;

	private final ConversationVisibility visibility;

	TicketIntake(TicketChanges changes, CustomerVisitors visitors, CustomerConversations conversations,
			TicketFieldValues fieldValues, ConversationVisibility visibility) {
		this.visibility = visibility;
		this.fieldValues = fieldValues;
		this.changes = changes;
		this.visitors = visitors;
		this.conversations = conversations;
	}

	/**
	 * @param viaToken whether the request came with an API token (origin API)
	 */
	@Transactional
	public Ticket create(JsonNode body, boolean viaToken, TicketActor actor) {
		requireObject(body);
		long customerId = requiredId(body, "customerId");
		TicketOrigin origin = viaToken ? TicketOrigin.API : origin(body);
		NewTicket form = form(body, TicketInput.subject(body.get("subject")), customerId, origin, null);
		var values = this.fieldValues.read(body.get("fields"), true);
		return withFields(this.changes.create(form, actor), values);
	}

	/**
	 * Stores the custom field values of a new ticket (no history: part of its creation).
	 */
	private Ticket withFields(Ticket ticket, java.util.Map<TicketFields.Field, Object> values) {
		this.fieldValues.write(ticket.id(), values, null, ticket.createdAt());
		return ticket;
	}

	@Transactional
	public Ticket fromConversation(long conversationId, JsonNode body, TicketActor actor) {
		JsonNode form = (body == null || body.isNull() || body.isMissingNode())
				? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
		requireObject(form);
		if (form.has("customerId") || form.has("origin")) {
			throw ApiException.invalid(form.has("customerId") ? "customerId" : "origin",
					"is not a field of a ticket made from a conversation");
		}
		if (actor.staff() && !this.visibility.mayOpen(actor.asStaff(), conversationId)) {
			throw ApiException.notFound("Conversation");
		}
		long customerId = this.visitors.customerOfConversation(conversationId)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
		String subject;
		if (form.hasNonNull("subject")) {
			subject = TicketInput.subject(form.get("subject"));
		}
		else {
			subject = question(customerId, conversationId);
		}
		NewTicket ticket = form(form, subject, customerId, TicketOrigin.CHAT, conversationId);
		var values = this.fieldValues.read(form.get("fields"), true);
		return withFields(this.changes.create(ticket, actor), values);
	}

	private String question(long customerId, long conversationId) {
		for (CustomerConversations.CustomerConversation c : this.conversations.list(customerId, null, 200)) {
			if (c.id() == conversationId && c.question() != null && !c.question().isBlank()) {
				String line = c.question().strip().replaceAll("\\p{Cntrl}+", " ");
				return (line.length() > TicketInput.SUBJECT_MAX) ? line.substring(0, TicketInput.SUBJECT_MAX - 1) + "…"
						: line;
			}
		}
		return "Conversation #" + conversationId;
	}

	private static NewTicket form(JsonNode body, String subject, long customerId, TicketOrigin origin,
			Long conversationId) {
		return new NewTicket(subject, TicketInput.body("description", body.get("description"), false), customerId,
				origin,
				body.has("type") ? TicketInput.choice("type", body.get("type"), TicketType.class) : TicketType.QUESTION,
				TicketInput.id("categoryId", body.get("categoryId")),
				body.has("priority") ? TicketInput.choice("priority", body.get("priority"), TicketPriority.class)
						: TicketPriority.NORMAL,
				TicketInput.id("groupId", body.get("groupId")), TicketInput.id("assigneeId", body.get("assigneeId")),
				TicketInput.instant("dueAt", body.get("dueAt")), TicketInput.tags(body.get("tags")),
				TicketInput.ids("followers", body.get("followers"), TicketInput.FOLLOWERS_MAX), conversationId);
	}

	private static void requireObject(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("subject", "is required");
		}
		for (String field : body.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw ApiException.invalid(field, "is not a field of a ticket");
			}
		}
	}

	private static long requiredId(JsonNode body, String field) {
		Long id = TicketInput.id(field, body.get(field));
		if (id == null) {
			throw ApiException.invalid(field, "is required");
		}
		return id;
	}

	/** Staff make tickets from scratch as AGENT (the default) or PHONE (for a caller). */
	private static TicketOrigin origin(JsonNode body) {
		if (!body.has("origin")) {
			return TicketOrigin.AGENT;
		}
		TicketOrigin origin = TicketInput.choice("origin", body.get("origin"), TicketOrigin.class);
		if (origin != TicketOrigin.AGENT && origin != TicketOrigin.PHONE) {
			throw ApiException.invalid("origin", "must be AGENT or PHONE");
		}
		return origin;
	}

}
