package dev.parley.tickets.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

/**
 * One change of a ticket being put together: each setter checks the actor's permission
 * for it and remembers what changed, so that the change is written once, with one history
 * entry per field.
 */
final class TicketEdit {

	private final Ticket before;

	private final TicketActor actor;

	private final List<String> changes = new ArrayList<>();

	private String subject;

	private String description;

	private TicketType type;

	private TicketPriority priority;

	private Long categoryId;

	private Instant dueAt;

	private Long groupId;

	private Long assigneeId;

	private String reason;

	private TicketStatus status;

	private PendingOn pendingOn;

	TicketEdit(Ticket before, TicketActor actor) {
		this.before = before;
		this.actor = actor;
		this.subject = before.subject();
		this.description = before.description();
		this.type = before.type();
		this.priority = before.priority();
		this.categoryId = before.categoryId();
		this.dueAt = before.dueAt();
		this.groupId = before.groupId();
		this.assigneeId = before.assigneeId();
		this.status = before.status();
		this.pendingOn = before.pendingOn();
	}

	List<String> changes() {
		return this.changes;
	}

	void subject(String value) {
		field("subject", this.before.subject(), value, () -> this.subject = value);
	}

	void description(String value) {
		field("description", this.before.description(), value, () -> this.description = value);
	}

	void type(TicketType value) {
		if (value != this.before.type()
				&& (value == TicketType.COMPLAINT || this.before.type() == TicketType.COMPLAINT)) {
			this.actor.require(Permission.COMPLAINT_HANDLE);
		}
		field("type", this.before.type(), value, () -> this.type = value);
	}

	void priority(TicketPriority value) {
		field("priority", this.before.priority(), value, () -> this.priority = value);
	}

	void category(Long value) {
		field("category", this.before.categoryId(), value, () -> this.categoryId = value);
	}

	void due(Instant value) {
		field("dueAt", this.before.dueAt(), value, () -> this.dueAt = value);
	}

	private void field(String name, Object old, Object value, Runnable set) {
		if (!Objects.equals(old, value)) {
			this.actor.require(Permission.TICKET_EDIT);
			set.run();
			this.changes.add(name);
		}
	}

	/**
	 * Assignment and transfer. Taking an unassigned ticket needs {@code ticket.edit};
	 * handing one's own ticket on (a transfer) needs {@code ticket.edit} and a reason;
	 * anything else {@code ticket.assign}. Moving an assigned ticket to someone else or
	 * to another group is a transfer and needs a reason, whoever does it.
	 */
	void assign(Long group, Long assignee, String why) {
		boolean groupChanged = !Objects.equals(group, this.before.groupId());
		boolean assigneeChanged = !Objects.equals(assignee, this.before.assigneeId());
		if (!groupChanged && !assigneeChanged) {
			return;
		}
		Long me = this.actor.staffId();
		// taking an unassigned ticket, into one of one's groups if it has none yet (the
		// assignee must be a member of the group: TicketChanges checks it)
		boolean take = this.before.assigneeId() == null && assignee != null && assignee.equals(me)
				&& (!groupChanged || this.before.groupId() == null);
		boolean handOn = me != null && me.equals(this.before.assigneeId());
		if (this.actor.staff() && !this.actor.can(Permission.TICKET_ASSIGN)) {
			if (!(take || handOn)) {
				throw ApiException.forbidden(Permission.TICKET_ASSIGN.code());
			}
			this.actor.require(Permission.TICKET_EDIT);
		}
		boolean transfer = (assigneeChanged && this.before.assigneeId() != null && assignee != null)
				|| (groupChanged && this.before.groupId() != null);
		if (transfer && this.actor.staff() && (why == null || why.isBlank())) {
			throw ApiException.invalid("reason", "is required to transfer a ticket");
		}
		this.groupId = group;
		this.assigneeId = assignee;
		this.reason = why;
		if (groupChanged) {
			this.changes.add("group");
		}
		if (assigneeChanged) {
			this.changes.add("assignee");
		}
	}

	void status(TicketStatus value, PendingOn on) {
		if (value == this.before.status() && Objects.equals(on, this.before.pendingOn())) {
			return;
		}
		if (value != this.before.status()) {
			TicketFlow.check(this.before.status(), value, this.actor);
		}
		else {
			this.actor.require(Permission.TICKET_EDIT);
		}
		this.status = value;
		this.pendingOn = on;
		this.changes.add("status");
	}

	/**
	 * A closed ticket takes no change but a reopening; a merged one none at all.
	 * @throws ApiException {@code ticket_closed} or {@code ticket_merged} (409)
	 */
	void requireEditable() {
		if (this.before.mergedIntoId() != null) {
			throw ApiException.conflict("ticket_merged", "This ticket was merged into another")
				.with("mergedInto", this.before.mergedIntoId());
		}
		boolean reopening = this.status == TicketStatus.OPEN && this.before.status() == TicketStatus.CLOSED
				&& this.changes.size() == 1;
		if (this.before.status() == TicketStatus.CLOSED && !reopening) {
			throw ApiException.conflict("ticket_closed", "A closed ticket cannot be changed; reopen it first");
		}
	}

	Ticket result(Instant now) {
		Ticket b = this.before;
		Instant solvedAt = b.solvedAt();
		Instant closedAt = b.closedAt();
		if (this.status != b.status()) {
			solvedAt = (this.status == TicketStatus.SOLVED) ? now
					: (this.status == TicketStatus.CLOSED) ? solvedAt : null;
			closedAt = (this.status == TicketStatus.CLOSED) ? now : null;
		}
		return new Ticket(b.id(), b.number(), this.subject, this.description, b.customerId(), b.origin(), this.type,
				this.categoryId, this.priority, this.status, this.pendingOn, this.groupId, this.assigneeId, this.dueAt,
				b.slaDueAt(), b.slaPolicyId(), b.mergedIntoId(), b.parentId(), b.createdAt(), now, b.firstRespondedAt(),
				b.lastCustomerReplyAt(), b.lastAgentReplyAt(), solvedAt, closedAt, b.createdBy(), b.version() + 1);
	}

	void writeHistory(TicketHistory history, TicketNames names, Instant now) {
		String by = this.actor.name();
		long id = this.before.id();
		for (String field : this.changes) {
			switch (field) {
				case "subject" ->
					history.record(id, by, "changed", field, this.before.subject(), this.subject, null, now);
				case "description" -> history.record(id, by, "changed", field, null, null, null, now);
				case "type" ->
					history.record(id, by, "changed", field, this.before.type().name(), this.type.name(), null, now);
				case "priority" -> history.record(id, by, "changed", field, this.before.priority().name(),
						this.priority.name(), null, now);
				case "category" ->
					history.record(id, by, "changed", field, names.categoryOrNone(this.before.categoryId()),
							names.categoryOrNone(this.categoryId), null, now);
				case "dueAt" ->
					history.record(id, by, "changed", field, text(this.before.dueAt()), text(this.dueAt), null, now);
				case "group" -> history.record(id, by, transferOrAssign(), field,
						names.groupOrNone(this.before.groupId()), names.groupOrNone(this.groupId), this.reason, now);
				case "assignee" ->
					history.record(id, by, transferOrAssign(), field, names.staffOrNone(this.before.assigneeId()),
							names.staffOrNone(this.assigneeId), this.reason, now);
				case "status" -> history.record(id, by, statusAction(), field,
						statusText(this.before.status(), this.before.pendingOn()),
						statusText(this.status, this.pendingOn), null, now);
				default -> history.record(id, by, "changed", field, null, null, null, now);
			}
		}
	}

	private String transferOrAssign() {
		return (this.before.assigneeId() != null || this.before.groupId() != null) ? "transferred" : "assigned";
	}

	private String statusAction() {
		return (this.before.status().finished() && this.status == TicketStatus.OPEN) ? "reopened" : "status";
	}

	private static String statusText(TicketStatus status, PendingOn on) {
		return (on != null) ? status.name() + " (" + on.name() + ")" : status.name();
	}

	private static String text(Instant at) {
		return (at != null) ? at.toString() : null;
	}

}
