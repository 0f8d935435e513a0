package dev.parley.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.parley.conversations.CustomerVisitors;
import dev.parley.customers.CustomerDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How tickets hang together: a parent with its children (no cycles), related tickets
 * (both ways, table ticket_link), and the conversations linked to a ticket. Linking needs
 * {@code ticket.edit}; a merged ticket takes no link ({@code ticket_merged}, 409). Each
 * link is a history entry on every ticket it touches.
 */
@Service
public class TicketLinks {

	/** How deep a chain of parents is followed when looking for a cycle. */
	private static final int DEPTH_MAX = 100;

	private final JdbcClient jdbc;

	private final TicketRepository tickets;

	private final TicketAccess access;

	private final TicketHistory history;

	private final TicketChanges changes;

	private final CustomerVisitors visitors;

	private final CustomerDirectory customers;

	private final Clock clock;

	TicketLinks(JdbcClient jdbc, TicketRepository tickets, TicketAccess access, TicketHistory history,
			TicketChanges changes, CustomerVisitors visitors, CustomerDirectory customers, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.access = access;
		this.history = history;
		this.changes = changes;
		this.visitors = visitors;
		this.customers = customers;
		this.clock = clock;
	}

	/** A linked ticket in short. */
	public record Linked(long id, String number, String subject, TicketStatus status) {
	}

	/** The links of one ticket, as shown with it: only tickets the viewer may see. */
	public record Links(Linked parent, List<Linked> children, List<Linked> related) {
	}

	public Links of(Ticket ticket, TicketActor actor) {
		Linked parent = null;
		if (ticket.parentId() != null) {
			parent = this.tickets.find(ticket.parentId())
				.filter((t) -> this.access.canSee(t, actor))
				.map(TicketLinks::linked)
				.orElse(null);
		}
		List<Long> children = this.jdbc.sql("SELECT id FROM ticket WHERE parent_id = ? ORDER BY id")
			.param(ticket.id())
			.query(Long.class)
			.list();
		List<Long> related = this.jdbc.sql("SELECT other_id FROM ticket_link WHERE ticket_id = ? ORDER BY other_id")
			.param(ticket.id())
			.query(Long.class)
			.list();
		return new Links(parent, visible(children, actor), visible(related, actor));
	}

	private List<Linked> visible(List<Long> ids, TicketActor actor) {
		return this.access.visibleOf(this.tickets.findAll(ids), actor).stream().map(TicketLinks::linked).toList();
	}

	private static Linked linked(Ticket t) {
		return new Linked(t.id(), t.number(), t.subject(), t.status());
	}

	/**
	 * Sets or clears a ticket's parent.
	 * @throws ApiException invalid {@code parentId} for the ticket itself, a ticket one
	 * may not see, or one that would make a cycle
	 */
	@Transactional
	public Ticket parent(long id, Long parentId, TicketActor actor) {
		Ticket child = changeable(id, actor, Permission.TICKET_MERGE);
		if (Objects.equals(child.parentId(), parentId)) {
			return child;
		}
		Ticket parent = null;
		if (parentId != null) {
			if (parentId == id) {
				throw ApiException.invalid("parentId", "cannot be the ticket itself");
			}
			parent = this.tickets.find(parentId)
				.filter((t) -> this.access.canSee(t, actor))
				.orElseThrow(() -> ApiException.invalid("parentId", "is not a ticket"));
			if (parent.mergedIntoId() != null) {
				throw ApiException.invalid("parentId", "was merged into another ticket");
			}
			Long above = parent.parentId();
			for (int depth = 0; above != null && depth < DEPTH_MAX; depth++) {
				if (above == id) {
					throw ApiException.invalid("parentId", "would make a cycle of parents");
				}
				above = this.tickets.find(above).map(Ticket::parentId).orElse(null);
			}
		}
		Instant now = this.clock.instant();
		Ticket before = child;
		Ticket after = TicketMerges.with(before, before.status(), before.mergedIntoId(), parentId, before.closedAt(),
				now);
		if (!this.tickets.update(after, before.version())) {
			throw TicketChanges.stale(before);
		}
		String old = (before.parentId() != null) ? this.tickets.find(before.parentId()).map(Ticket::number).orElse(null)
				: null;
		String newer = (parent != null) ? parent.number() : null;
		this.history.record(id, actor.name(), "parent.changed", "parent", old, newer, null, now);
		if (before.parentId() != null) {
			this.history.record(before.parentId(), actor.name(), "child.removed", null, null, null, child.number(),
					now);
		}
		if (parent != null) {
			this.history.record(parent.id(), actor.name(), "child.added", null, null, null, child.number(), now);
		}
		this.changes.publishChanged(before, after, List.of("parent"), actor, now);
		return this.tickets.find(id).orElseThrow();
	}

	/**
	 * Relates two tickets (both ways); relating them again changes nothing.
	 * @return whether the link is new
	 */
	@Transactional
	public boolean relate(long id, long otherId, TicketActor actor) {
		Ticket ticket = changeable(id, actor, Permission.TICKET_MERGE);
		Ticket other = other(id, otherId, actor);
		if (related(id, otherId)) {
			return false;
		}
		Instant now = this.clock.instant();
		for (long[] pair : new long[][] { { id, otherId }, { otherId, id } }) {
			this.jdbc.sql("INSERT INTO ticket_link (ticket_id, other_id, linked_at) VALUES (?, ?, ?)")
				.params(pair[0], pair[1], now.toEpochMilli())
				.update();
		}
		this.history.record(id, actor.name(), "link.added", null, null, null, other.number(), now);
		this.history.record(otherId, actor.name(), "link.added", null, null, null, ticket.number(), now);
		return true;
	}

	/**
	 * @return whether there was such a link
	 */
	@Transactional
	public boolean unrelate(long id, long otherId, TicketActor actor) {
		Ticket ticket = changeable(id, actor, Permission.TICKET_MERGE);
		Ticket other = other(id, otherId, actor);
		if (!related(id, otherId)) {
			return false;
		}
		this.jdbc
			.sql("DELETE FROM ticket_link WHERE (ticket_id = ? AND other_id = ?) OR (ticket_id = ? AND other_id = ?)")
			.params(id, otherId, otherId, id)
			.update();
		Instant now = this.clock.instant();
		this.history.record(id, actor.name(), "link.removed", null, null, null, other.number(), now);
		this.history.record(otherId, actor.name(), "link.removed", null, null, null, ticket.number(), now);
		return true;
	}

	/**
	 * Links a further conversation of the ticket's customer.
	 * @return whether the link is new
	 * @throws ApiException not found for an unknown conversation (or one of no customer);
	 * invalid when it is another customer's
	 */
	@Transactional
	public boolean linkConversation(long id, long conversationId, TicketActor actor) {
		Ticket ticket = changeable(id, actor, Permission.TICKET_EDIT);
		long owner = this.visitors.customerOfConversation(conversationId)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
		if (live(owner) != live(ticket.customerId())) {
			throw ApiException.invalid("conversationId", "is a conversation of another customer");
		}
		Instant now = this.clock.instant();
		if (!this.tickets.linkConversation(id, conversationId, now)) {
			return false;
		}
		this.history.record(id, actor.name(), "conversation.linked", null, null, "#" + conversationId, null, now);
		return true;
	}

	/** The customer an id stands for now (following customer merges). */
	long live(long customerId) {
		return this.customers.card(customerId).map(CustomerDirectory.Card::id).orElse(customerId);
	}

	private boolean related(long id, long otherId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket_link WHERE ticket_id = ? AND other_id = ?")
			.params(id, otherId)
			.query(Integer.class)
			.single() > 0;
	}

	private Ticket other(long id, long otherId, TicketActor actor) {
		if (otherId == id) {
			throw ApiException.invalid("otherId", "cannot be the ticket itself");
		}
		return this.tickets.find(otherId)
			.filter((t) -> this.access.canSee(t, actor))
			.orElseThrow(() -> ApiException.invalid("otherId", "is not a ticket"));
	}

	/** A ticket the actor may see and link: not merged, and he holds the permission. */
	private Ticket changeable(long id, TicketActor actor, Permission permission) {
		Ticket ticket = this.access.visible(id, actor);
		actor.require(permission);
		if (ticket.mergedIntoId() != null) {
			throw ApiException.conflict("ticket_merged", "This ticket was merged into another")
				.with("mergedInto", ticket.mergedIntoId());
		}
		return ticket;
	}

}
