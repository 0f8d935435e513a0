package dev.parley.tickets.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.customers.CustomerDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.Permission;
import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A ticket as staff see it: its fields with the names of what they refer to. */
@Component
public class TicketDetails {

	private final TicketRepository tickets;

	private final TicketAccess access;

	private final TicketNames names;

	private final CustomerDirectory customers;

	private final StaffDirectory staff;

	private final TicketFieldValues fieldValues;

	private final TicketLinks links;

	private final dev.parley.tickets.internal.sla.SlaClocks sla;

	private final java.time.Clock clock;

	TicketDetails(TicketRepository tickets, TicketAccess access, TicketNames names, CustomerDirectory customers,
			StaffDirectory staff, TicketFieldValues fieldValues, TicketLinks links,
			dev.parley.tickets.internal.sla.SlaClocks sla, java.time.Clock clock) {
		this.sla = sla;
		this.clock = clock;
		this.fieldValues = fieldValues;
		this.links = links;
		this.tickets = tickets;
		this.access = access;
		this.names = names;
		this.customers = customers;
		this.staff = staff;
	}

	/** Something a ticket refers to, by id and name. */
	public record Ref(long id, String name) {
	}

	/**
	 * @param allowedStatuses the statuses this staff member may move it to now
	 * @param mayEdit whether he may change its fields
	 * @param fields every custom field with the ticket's value (null: not set)
	 * @param parent the parent ticket, children and related tickets: those he may see
	 */
	public record View(long id, String number, String subject, String description, TicketStatus status,
			PendingOn pendingOn, TicketPriority priority, TicketType type, TicketOrigin origin, Ref category,
			Ref customer, Ref group, Ref assignee, Instant dueAt, Instant slaDueAt, Instant createdAt,
			Instant updatedAt, Instant firstRespondedAt, Instant solvedAt, Instant closedAt, String createdBy,
			List<String> tags, List<Ref> followers, List<Long> conversations, Long mergedInto, Long parentId,
			Set<TicketStatus> allowedStatuses, boolean mayEdit, int version, List<TicketFieldValues.FieldValue> fields,
			TicketLinks.Linked parent, List<TicketLinks.Linked> children, List<TicketLinks.Linked> related,
			List<SlaView> sla) {
	}

	/**
	 * One SLA target of the ticket: when it is due, and how much working time is left
	 * (negative when overdue).
	 */
	public record SlaView(String target, String state, Instant dueAt, Long remainingMinutes, Instant metAt,
			Instant breachedAt) {
	}

	@Transactional(readOnly = true)
	public View view(long id, TicketActor actor) {
		return view(this.access.visible(id, actor), actor);
	}

	public View view(Ticket t, TicketActor actor) {
		Ref customer = this.customers.card(t.customerId())
			.map((c) -> new Ref(c.id(), c.name()))
			.orElse(new Ref(t.customerId(), null));
		List<Long> followerIds = this.tickets.followers(t.id());
		Map<Long, String> followerNames = this.staff.displayNames(followerIds);
		List<Ref> followers = new ArrayList<>();
		for (Long id : followerIds) {
			followers.add(new Ref(id, followerNames.get(id)));
		}
		Set<TicketStatus> allowed = new TreeSet<>();
		boolean open = t.mergedIntoId() == null;
		if (open) {
			for (TicketStatus to : TicketFlow.targets(t.status())) {
				if (TicketFlow.permissionFor(t.status(), to).map(actor::can).orElse(false)) {
					allowed.add(to);
				}
			}
		}
		boolean mayEdit = open && t.status() != TicketStatus.CLOSED && actor.can(Permission.TICKET_EDIT);
		TicketLinks.Links linked = this.links.of(t, actor);
		return new View(t.id(), t.number(), t.subject(), t.description(), t.status(), t.pendingOn(), t.priority(),
				t.type(), t.origin(), ref(t.categoryId(), this.names.categoryOrNone(t.categoryId())), customer,
				ref(t.groupId(), this.names.groupOrNone(t.groupId())),
				ref(t.assigneeId(), this.names.staffOrNone(t.assigneeId())), t.dueAt(), t.slaDueAt(), t.createdAt(),
				t.updatedAt(), t.firstRespondedAt(), t.solvedAt(), t.closedAt(), t.createdBy(),
				this.tickets.tags(t.id()), followers, this.tickets.conversations(t.id()), t.mergedIntoId(),
				t.parentId(), allowed, mayEdit, t.version(), this.fieldValues.values(t.id()), linked.parent(),
				linked.children(), linked.related(), sla(t.id()));
	}

	private List<SlaView> sla(long ticketId) {
		List<SlaView> views = new ArrayList<>();
		for (dev.parley.tickets.internal.sla.SlaClocks.ClockView c : this.sla.clocks(ticketId, this.clock.instant())) {
			views.add(new SlaView(c.target().name(), c.state().name(), c.dueAt(),
					(c.remaining() != null) ? c.remaining().toMinutes() : null, c.metAt(), c.breachedAt()));
		}
		return views;
	}

	private static Ref ref(Long id, String name) {
		return (id != null) ? new Ref(id, name) : null;
	}

}
