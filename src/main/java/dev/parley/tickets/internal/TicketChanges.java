package dev.parley.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.customers.CustomerDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketChanged;
import dev.parley.tickets.TicketCreated;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating tickets and changing their fields: status through {@link TicketFlow},
 * assignment and transfer, priority, type, category, due date, tags, followers. A change
 * names the version it read ({@code stale_version}, 409, when someone else's change came
 * first: nothing is overwritten silently); every field is checked before anything is
 * written; each changed field is a history entry; the change is announced with
 * {@link TicketChanged} and handed to the {@link TicketHooks}.
 */
@Service
public class TicketChanges {

	private final TicketRepository tickets;

	private final TicketHistory history;

	private final TicketAccess access;

	private final TicketNames names;

	private final CustomerDirectory customers;

	private final List<TicketHooks> hooks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TicketFieldValues fieldValues;

	TicketChanges(TicketRepository tickets, TicketHistory history, TicketAccess access, TicketNames names,
			CustomerDirectory customers, List<TicketHooks> hooks, ApplicationEventPublisher events, Clock clock,
			TicketFieldValues fieldValues) {
		this.fieldValues = fieldValues;
		this.tickets = tickets;
		this.history = history;
		this.access = access;
		this.names = names;
		this.customers = customers;
		this.hooks = hooks;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a ticket (status new).
	 * @throws ApiException when a referenced record does not exist or the actor may not
	 * create it so (a complaint, an assignment to someone else)
	 */
	@Transactional
	public Ticket create(NewTicket form, TicketActor actor) {
		if (actor.staff()) {
			actor.require(Permission.TICKET_CREATE);
			if (form.type() == TicketType.COMPLAINT) {
				actor.require(Permission.COMPLAINT_HANDLE);
			}
			if (form.assigneeId() != null && !form.assigneeId().equals(actor.staffId())) {
				actor.require(Permission.TICKET_ASSIGN);
			}
		}
		long customerId = this.customers.card(form.customerId())
			.orElseThrow(() -> ApiException.invalid("customerId", "is not a customer"))
			.id();
		checkReferences(form.groupId(), form.assigneeId(), form.categoryId(), form.followers());
		Instant now = this.clock.instant();
		Ticket draft = new Ticket(0, Ticket.number(0, now.atZone(ZoneOffset.UTC).getYear()), form.subject(),
				form.description(), customerId, form.origin(), form.type(), form.categoryId(), form.priority(),
				TicketStatus.NEW, null, form.groupId(), form.assigneeId(), form.dueAt(), null, null, null, null, now,
				now, null, null, null, null, null, actor.name(), 0);
		String numberTemplate = "T-" + now.atZone(ZoneOffset.UTC).getYear() + "-{id}";
		long id = this.tickets.insert(withNumber(draft, numberTemplate));
		this.tickets.replaceTags(id, form.tags());
		this.tickets.replaceFollowers(id, form.followers());
		Ticket ticket = this.tickets.find(id).orElseThrow();
		this.history.record(id, actor.name(), "created", null, null, null, form.origin().name(), now);
		if (form.conversationId() != null) {
			this.tickets.linkConversation(id, form.conversationId(), now);
			this.history.record(id, actor.name(), "conversation.linked", null, null, "#" + form.conversationId(), null,
					now);
		}
		this.events.publishEvent(new TicketCreated(id, ticket.number(), customerId, ticket.origin(), ticket.type(),
				ticket.priority(), ticket.groupId(), ticket.assigneeId(), now));
		for (TicketHooks hook : this.hooks) {
			hook.created(ticket, actor);
		}
		return this.tickets.find(id).orElseThrow();
	}

	private static Ticket withNumber(Ticket t, String number) {
		return new Ticket(t.id(), number, t.subject(), t.description(), t.customerId(), t.origin(), t.type(),
				t.categoryId(), t.priority(), t.status(), t.pendingOn(), t.groupId(), t.assigneeId(), t.dueAt(),
				t.slaDueAt(), t.slaPolicyId(), t.mergedIntoId(), t.parentId(), t.createdAt(), t.updatedAt(),
				t.firstRespondedAt(), t.lastCustomerReplyAt(), t.lastAgentReplyAt(), t.solvedAt(), t.closedAt(),
				t.createdBy(), t.version());
	}

	private void checkReferences(Long groupId, Long assigneeId, Long categoryId, Set<Long> followers) {
		if (groupId != null && this.names.group(groupId).isEmpty()) {
			throw ApiException.invalid("groupId", "is not a group");
		}
		if (assigneeId != null && this.names.staff(assigneeId).isEmpty()) {
			throw ApiException.invalid("assigneeId", "is not an active staff member");
		}
		if (groupId != null && assigneeId != null && !this.names.inGroup(assigneeId, groupId)) {
			throw ApiException.invalid("assigneeId", "is not a member of the group");
		}
		if (categoryId != null && this.names.category(categoryId).isEmpty()) {
			throw ApiException.invalid("categoryId", "is not a category");
		}
		for (Long follower : followers) {
			if (this.names.staff(follower).isEmpty()) {
				throw ApiException.invalid("followers", "names someone who is not an active staff member");
			}
		}
	}

	private static final Set<String> FIELDS = Set.of("version", "subject", "description", "type", "categoryId",
			"priority", "status", "pendingOn", "groupId", "assigneeId", "dueAt", "tags", "followers", "reason",
			"fields");

	/**
	 * Changes a ticket's fields (a JSON merge patch: a field left out stays, null clears
	 * it) under optimistic locking.
	 */
	@Transactional
	public Ticket update(long id, JsonNode patch, TicketActor actor) {
		if (patch == null || !patch.isObject()) {
			throw ApiException.invalid("version", "is required (the version you edited)");
		}
		for (String field : patch.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw ApiException.invalid(field, "is not a field of a ticket");
			}
		}
		JsonNode version = patch.path("version");
		if (!version.isIntegralNumber() || !version.canConvertToInt()) {
			throw ApiException.invalid("version", "is required (the version you edited)");
		}
		Ticket before = this.access.visible(id, actor);
		TicketEdit edit = new TicketEdit(before, actor);
		if (patch.has("subject")) {
			edit.subject(TicketInput.subject(patch.get("subject")));
		}
		if (patch.has("description")) {
			edit.description(TicketInput.body("description", patch.get("description"), false));
		}
		if (patch.has("type")) {
			edit.type(TicketInput.choice("type", patch.get("type"), TicketType.class));
		}
		if (patch.has("priority")) {
			edit.priority(TicketInput.choice("priority", patch.get("priority"), TicketPriority.class));
		}
		if (patch.has("categoryId")) {
			Long category = TicketInput.id("categoryId", patch.get("categoryId"));
			checkReferences(null, null, category, Set.of());
			edit.category(category);
		}
		if (patch.has("dueAt")) {
			edit.due(TicketInput.instant("dueAt", patch.get("dueAt")));
		}
		String reason = patch.has("reason") ? TicketInput.reason(patch.get("reason")) : null;
		if (patch.has("groupId") || patch.has("assigneeId")) {
			Long group = patch.has("groupId") ? TicketInput.id("groupId", patch.get("groupId")) : before.groupId();
			Long assignee = patch.has("assigneeId") ? TicketInput.id("assigneeId", patch.get("assigneeId"))
					: before.assigneeId();
			if (patch.has("groupId") && !patch.has("assigneeId") && assignee != null && group != null
					&& !this.names.inGroup(assignee, group)) {
				assignee = null; // moved to a group he is not in: the group's to take
			}
			checkReferences(group, assignee, null, Set.of());
			edit.assign(group, assignee, reason);
		}
		if (patch.has("status") || patch.has("pendingOn")) {
			TicketStatus status = patch.has("status")
					? TicketInput.choice("status", patch.get("status"), TicketStatus.class) : before.status();
			PendingOn pendingOn = (status != TicketStatus.PENDING) ? null
					: patch.hasNonNull("pendingOn")
							? TicketInput.choice("pendingOn", patch.get("pendingOn"), PendingOn.class)
							: (before.pendingOn() != null) ? before.pendingOn() : PendingOn.CUSTOMER;
			edit.status(status, pendingOn);
		}
		Set<String> tags = patch.has("tags") ? TicketInput.tags(patch.get("tags")) : null;
		Set<Long> followers = patch.has("followers")
				? TicketInput.ids("followers", patch.get("followers"), TicketInput.FOLLOWERS_MAX) : null;
		if (followers != null) {
			checkReferences(null, null, null, followers);
		}
		// custom fields (TicketFieldValues): checked here, written with the rest
		var custom = patch.has("fields") ? this.fieldValues.read(patch.get("fields"), false) : null;
		if ((custom != null && !custom.isEmpty()) || tags != null || followers != null) {
			actor.require(Permission.TICKET_EDIT);
		}
		if (tags != null || followers != null || !edit.changes().isEmpty() || (custom != null && !custom.isEmpty())) {
			edit.requireEditable();
		}
		return apply(before, version.asInt(), edit, tags, followers, custom, actor);
	}

	private Ticket apply(Ticket before, int readVersion, TicketEdit edit, Set<String> tags, Set<Long> followers,
			java.util.Map<TicketFields.Field, Object> custom, TicketActor actor) {
		Instant now = this.clock.instant();
		List<String> fields = new ArrayList<>(edit.changes());
		if (custom != null && !this.fieldValues.changed(before.id(), custom).isEmpty()) {
			fields.add("fields");
		}
		List<String> oldTags = this.tickets.tags(before.id());
		List<Long> oldFollowers = this.tickets.followers(before.id());
		if (tags != null && !new TreeSet<>(oldTags).equals(tags)) {
			fields.add("tags");
		}
		if (followers != null && !Set.copyOf(oldFollowers).equals(followers)) {
			fields.add("followers");
		}
		if (fields.isEmpty()) {
			if (before.version() != readVersion) {
				throw stale(before);
			}
			return before;
		}
		Ticket after = edit.result(now);
		if (!this.tickets.update(after, readVersion)) {
			throw stale(this.tickets.find(before.id()).orElse(before));
		}
		if (fields.contains("tags")) {
			this.tickets.replaceTags(before.id(), tags);
			this.history.record(before.id(), actor.name(), "changed", "tags", String.join(", ", oldTags),
					String.join(", ", tags), null, now);
		}
		if (fields.contains("followers")) {
			this.tickets.replaceFollowers(before.id(), followers);
			this.history.record(before.id(), actor.name(), "changed", "followers", staffNames(oldFollowers),
					staffNames(followers), null, now);
		}
		if (fields.contains("fields")) {
			this.fieldValues.write(before.id(), custom, actor.name(), now);
		}
		edit.writeHistory(this.history, this.names, now);
		publishChanged(before, after, fields, actor, now);
		return this.tickets.find(before.id()).orElseThrow();
	}

	/**
	 * Announces a written change and hands it to the hooks (also for changes made by
	 * articles: a reply that opens a ticket, a customer's reply that reopens it).
	 */
	void publishChanged(Ticket before, Ticket after, List<String> fields, TicketActor actor, Instant now) {
		this.events.publishEvent(new TicketChanged(after.id(), List.copyOf(fields), before.status(), after.status(),
				after.groupId(), after.assigneeId(), now));
		for (TicketHooks hook : this.hooks) {
			hook.changed(before, after, actor);
		}
	}

	private String staffNames(java.util.Collection<Long> ids) {
		List<String> out = new ArrayList<>();
		for (Long id : ids) {
			out.add(Objects.requireNonNullElse(this.names.staffOrNone(id), "#" + id));
		}
		return String.join(", ", out);
	}

	static ApiException stale(Ticket current) {
		return ApiException.conflict("stale_version", "Someone changed this ticket meanwhile; reload it")
			.with("version", current.version());
	}

}
