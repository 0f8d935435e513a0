package dev.parley.tickets.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.PublicNames;
import dev.parley.platform.ApiException;
import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's own tickets as the portal shows them: his tickets only (another's is not
 * found), the public articles only (never an internal note), agents by their public name
 * only. He writes as the requester: a new ticket (origin PORTAL), a reply (which reopens
 * a pending or solved ticket), marking one solved. A blocked customer reads but writes
 * nothing ({@code customer_blocked}, as in his conversations).
 */
@Service
public class PortalTickets {

	/** The most tickets one customer opens in the portal within an hour. */
	public static final int CREATED_PER_HOUR = 10;

	/** The most tickets one page of the list holds. */
	public static final int PAGE_MAX = 50;

	private static final Set<String> NEW_FIELDS = Set.of("subject", "description");

	private final JdbcClient jdbc;

	private final TicketAccess access;

	private final TicketChanges changes;

	private final TicketArticles articles;

	private final PublicNames publicNames;

	private final CustomerLinks customers;

	private final Clock clock;

	private final TicketAttachments attachments;

	PortalTickets(JdbcClient jdbc, TicketAccess access, TicketChanges changes, TicketArticles articles,
			PublicNames publicNames, CustomerLinks customers, Clock clock, TicketAttachments attachments) {
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.access = access;
		this.changes = changes;
		this.articles = articles;
		this.publicNames = publicNames;
		this.customers = customers;
		this.clock = clock;
	}

	/** A ticket in his list. */
	public record Summary(long id, String number, String subject, TicketStatus status, PendingOn pendingOn,
			Instant createdAt, Instant updatedAt) {
	}

	/**
	 * @param next the cursor of the next (older) page, or null at the end
	 */
	public record Page(List<Summary> items, String next) {
	}

	/**
	 * Something written on the ticket, as he sees it.
	 *
	 * @param side {@code customer} (his own), {@code agent} or {@code system}
	 * @param name the agent's public name; null for his own lines and Parley's
	 */
	public record Line(long id, String side, String name, String body, Instant createdAt,
			List<TicketAttachments.Attachment> files) {
	}

	/**
	 * One of his tickets.
	 *
	 * @param descriptionSide who wrote the description: {@code customer} for a ticket he
	 * opened (portal, e-mail, a left message), {@code agent} for one staff made for him
	 * @param agentName the assignee's public name, or null
	 * @param mayReply whether he may write on it (not closed, not merged)
	 * @param maySolve whether he may mark it solved now
	 * @param lines the public articles after the one asked for, oldest first
	 * @param lastId the id of the last line read (where the next page starts)
	 */
	public record View(long id, String number, String subject, String description, String descriptionSide,
			TicketStatus status, PendingOn pendingOn, String agentName, Instant createdAt, Instant updatedAt,
			Instant solvedAt, Instant closedAt, boolean mayReply, boolean maySolve, List<Line> lines, long lastId) {
	}

	/**
	 * @param before the cursor of the page before (null for the newest)
	 * @return his tickets, newest first
	 */
	@Transactional(readOnly = true)
	public Page list(long customerId, String before, int limit) {
		int size = Math.max(1, Math.min(limit, PAGE_MAX));
		long[] key = cursor(before);
		String after = (key != null) ? " AND (created_at < ? OR (created_at = ? AND id < ?))" : "";
		var query = this.jdbc
			.sql("SELECT id, number, subject, status, pending_on, created_at, updated_at FROM ticket "
					+ "WHERE customer_id = ?" + after + " ORDER BY created_at DESC, id DESC LIMIT " + (size + 1))
			.param(customerId);
		if (key != null) {
			query = query.param(key[0]).param(key[0]).param(key[1]);
		}
		List<Summary> found = query
			.query((rs, row) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
					TicketStatus.valueOf(rs.getString(4)),
					(rs.getString(5) != null) ? PendingOn.valueOf(rs.getString(5)) : null,
					Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7))))
			.list();
		if (found.size() <= size) {
			return new Page(found, null);
		}
		List<Summary> page = found.subList(0, size);
		Summary last = page.get(size - 1);
		return new Page(List.copyOf(page), last.createdAt().toEpochMilli() + "-" + last.id());
	}

	private static long[] cursor(String before) {
		if (before == null || before.isBlank()) {
			return null;
		}
		String[] parts = before.split("-", -1);
		try {
			if (parts.length == 2) {
				return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiException.invalid("before", "is not a cursor of this list");
	}

	/**
	 * @param afterId lines after this article (0 for the start)
	 * @throws ApiException {@code not_found} when the ticket is not his
	 */
	@Transactional(readOnly = true)
	public View view(long customerId, long ticketId, long afterId, int limit) {
		return view(this.access.visible(ticketId, TicketActor.customer(customerId)), afterId, limit);
	}

	private View view(Ticket t, long afterId, int limit) {
		List<TicketArticle> found = this.articles.page(t.id(), afterId, limit, true);
		Set<Long> staff = new HashSet<>();
		if (t.assigneeId() != null) {
			staff.add(t.assigneeId());
		}
		found.stream().map(TicketArticle::authorStaffId).filter((id) -> id != null).forEach(staff::add);
		Map<Long, String> names = staff.isEmpty() ? Map.of() : this.publicNames.publicNames(staff);
		List<Line> lines = new ArrayList<>(found.size());
		Map<Long, List<TicketAttachments.Attachment>> files = this.attachments
			.ofArticles(found.stream().filter((a) -> a.kind().publicToCustomer()).map(TicketArticle::id).toList());
		for (TicketArticle a : found) {
			if (!a.kind().publicToCustomer()) {
				continue; // never an internal note, whatever the query did
			}
			String side = switch (a.kind()) {
				case CUSTOMER -> "customer";
				case SYSTEM -> "system";
				default -> "agent";
			};
			String name = (a.authorStaffId() != null) ? names.get(a.authorStaffId()) : null;
			lines.add(new Line(a.id(), side, name, a.body(), a.createdAt(), files.getOrDefault(a.id(), List.of())));
		}
		long lastId = found.isEmpty() ? afterId : found.get(found.size() - 1).id();
		boolean writable = t.mergedIntoId() == null && t.status() != TicketStatus.CLOSED;
		boolean maySolve = writable && t.status() != TicketStatus.SOLVED;
		boolean his = t.origin() == TicketOrigin.PORTAL || t.origin() == TicketOrigin.EMAIL
				|| t.origin() == TicketOrigin.LEFT_MESSAGE;
		return new View(t.id(), t.number(), t.subject(), t.description(), his ? "customer" : "agent", t.status(),
				t.pendingOn(), (t.assigneeId() != null) ? names.get(t.assigneeId()) : null, t.createdAt(),
				t.updatedAt(), t.solvedAt(), t.closedAt(), writable, maySolve, lines, lastId);
	}

	/**
	 * Opens a ticket for him (origin PORTAL, a question of normal priority, no group).
	 * @throws ApiException {@code too_many_tickets} (429) after {@link #CREATED_PER_HOUR}
	 * within an hour
	 */
	@Transactional
	public View create(long customerId, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("subject", "is required");
		}
		for (String field : body.propertyNames()) {
			if (!NEW_FIELDS.contains(field)) {
				throw ApiException.invalid(field, "is not a field of a ticket");
			}
		}
		String subject = TicketInput.subject(body.get("subject"));
		String description = TicketInput.body("description", body.get("description"), true);
		requireNotBlocked(customerId);
		Instant now = this.clock.instant();
		int recent = this.jdbc
			.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = ? AND created_at > ? AND origin = 'PORTAL'")
			.params(customerId, now.minus(Duration.ofHours(1)).toEpochMilli())
			.query(Integer.class)
			.single();
		if (recent >= CREATED_PER_HOUR) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_tickets",
					"You opened many tickets within the hour; please write on one of them or try later");
		}
		Ticket ticket = this.changes.create(NewTicket.of(subject, description, customerId, TicketOrigin.PORTAL),
				TicketActor.customer(customerId));
		return view(ticket, 0, 200);
	}

	/**
	 * Writes his reply (idempotent on the client id); a pending or solved ticket opens
	 * again.
	 * @throws ApiException {@code ticket_closed_customer} (409) on a closed ticket
	 */
	@Transactional
	public View reply(long customerId, long ticketId, String clientId, String text, List<String> attachmentIds,
			long afterId) {
		TicketActor actor = TicketActor.customer(customerId);
		Ticket ticket = writable(customerId, ticketId);
		TicketArticles.Written written = this.attachments.write(ticket.id(),
				new TicketArticles.Draft(ArticleKind.CUSTOMER, ArticleVia.PORTAL, text, clientId, false, null, null),
				attachmentIds, actor);
		return view(written.ticket(), afterId, 200);
	}

	/**
	 * @return his ticket, if he may write on it now
	 * @throws ApiException not found (not his), {@code customer_blocked},
	 * {@code ticket_closed_customer}
	 */
	public Ticket writable(long customerId, long ticketId) {
		Ticket ticket = this.access.visible(ticketId, TicketActor.customer(customerId));
		requireNotBlocked(customerId);
		requireOpen(ticket);
		return ticket;
	}

	/** Marks his ticket solved (nothing happens to one solved already). */
	@Transactional
	public View solve(long customerId, long ticketId) {
		TicketActor actor = TicketActor.customer(customerId);
		Ticket ticket = this.access.visible(ticketId, actor);
		requireNotBlocked(customerId);
		requireOpen(ticket);
		Ticket after = ticket;
		if (ticket.status() != TicketStatus.SOLVED) {
			var patch = JsonNodeFactory.instance.objectNode();
			patch.put("version", ticket.version());
			patch.put("status", TicketStatus.SOLVED.name());
			after = this.changes.update(ticketId, patch, actor);
		}
		return view(after, 0, 200);
	}

	private static void requireOpen(Ticket ticket) {
		if (ticket.status() == TicketStatus.CLOSED) {
			// not ticket_closed, whose text tells staff to reopen it: the customer cannot
			throw ApiException.conflict("ticket_closed_customer",
					"This ticket is closed; please open a new ticket if you still need help");
		}
	}

	private void requireNotBlocked(long customerId) {
		var block = this.customers.block(customerId);
		if (block.isPresent()) {
			ApiException refusal = new ApiException(HttpStatus.FORBIDDEN, "customer_blocked",
					"This customer may not write to support");
			if (block.get().until() != null) {
				refusal.with("until", block.get().until());
			}
			throw refusal;
		}
	}

}
