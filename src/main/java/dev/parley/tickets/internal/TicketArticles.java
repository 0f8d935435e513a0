package dev.parley.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketArticleAdded;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is written on a ticket: public replies and internal notes by staff, the customer's
 * messages (portal, e-mail). A public reply opens a new ticket and counts as the first
 * response; the customer's message reopens a pending or solved ticket. Nothing is written
 * on a closed or merged ticket ({@code ticket_closed}, {@code ticket_merged}, 409). A
 * client id makes a resend store nothing twice.
 */
@Service
public class TicketArticles {

	private static final String COLUMNS = "id, ticket_id, kind, via, author_staff_id, author_customer_id, body, "
			+ "message_id, client_id, also_sms, created_at";

	private final JdbcClient jdbc;

	private final TicketRepository tickets;

	private final TicketAccess access;

	private final TicketChanges changes;

	private final TicketHistory history;

	private final List<TicketHooks> hooks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketArticles(JdbcClient jdbc, TicketRepository tickets, TicketAccess access, TicketChanges changes,
			TicketHistory history, List<TicketHooks> hooks, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.access = access;
		this.changes = changes;
		this.history = history;
		this.hooks = hooks;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Something to write.
	 *
	 * @param statusAfter for a staff reply: the status to leave the ticket in ("submit as
	 * pending"), or null
	 * @param messageId the mail's Message-ID for one that came by mail, or null
	 */
	public record Draft(ArticleKind kind, ArticleVia via, String body, String clientId, boolean alsoSms,
			TicketStatus statusAfter, String messageId) {
	}

	/** The article written, and the ticket after it. */
	public record Written(TicketArticle article, Ticket ticket, boolean duplicate) {
	}

	@Transactional
	public Written write(long ticketId, Draft draft, TicketActor actor) {
		return write(ticketId, draft, actor, (article) -> {
		});
	}

	/**
	 * As {@link #write(long, Draft, TicketActor)}, with a step run on the new article
	 * before anyone hears of it (its files put on it, so the mail of a reply names them).
	 */
	@Transactional
	Written write(long ticketId, Draft draft, TicketActor actor, Consumer<TicketArticle> completing) {
		this.access.visible(ticketId, actor);
		Ticket ticket = this.tickets.lock(ticketId).orElseThrow();
		check(ticket, draft, actor);
		if (draft.clientId() != null) {
			Optional<TicketArticle> earlier = byClientId(ticketId, draft.clientId());
			if (earlier.isPresent()) {
				return new Written(earlier.get(), ticket, true);
			}
		}
		Instant now = this.clock.instant();
		TicketArticle article = insert(ticket, draft, actor, now);
		completing.accept(article);
		this.history.record(ticketId, actor.name(), "article." + draft.kind().name().toLowerCase(java.util.Locale.ROOT),
				null, null, null, draft.via().name(), now);
		Ticket after = follow(ticket, draft, actor, now);
		this.events.publishEvent(
				new TicketArticleAdded(ticketId, article.id(), draft.kind().name(), article.authorStaffId(), now));
		for (TicketHooks hook : this.hooks) {
			hook.articleAdded(after, article, actor);
		}
		// read again: the hooks may have changed the row (the SLA due time after a reply)
		return new Written(article, this.tickets.find(ticketId).orElseThrow(), false);
	}

	private void check(Ticket ticket, Draft draft, TicketActor actor) {
		switch (draft.kind()) {
			case REPLY, NOTE -> {
				if (actor.kind() == TicketActor.Kind.CUSTOMER) {
					throw ApiException.forbidden(Permission.TICKET_REPLY.code());
				}
				actor.require(Permission.TICKET_REPLY);
			}
			case CUSTOMER -> {
				if (actor.kind() != TicketActor.Kind.CUSTOMER && actor.kind() != TicketActor.Kind.SYSTEM) {
					throw ApiException.invalid("kind", "must be REPLY or NOTE");
				}
			}
			case SYSTEM -> {
				if (actor.kind() != TicketActor.Kind.SYSTEM) {
					throw ApiException.invalid("kind", "must be REPLY or NOTE");
				}
			}
		}
		if (draft.body() == null || draft.body().isBlank()) {
			throw ApiException.invalid("body", "is required");
		}
		if (draft.body().length() > TicketInput.BODY_MAX) {
			throw ApiException.invalid("body", "must be at most 50000 characters");
		}
		if (ticket.mergedIntoId() != null) {
			throw ApiException.conflict("ticket_merged", "This ticket was merged into another")
				.with("mergedInto", ticket.mergedIntoId());
		}
		if (ticket.status() == TicketStatus.CLOSED) {
			throw ApiException.conflict("ticket_closed", "A closed ticket cannot be changed; reopen it first");
		}
		if (draft.statusAfter() != null && draft.kind() == ArticleKind.REPLY) {
			TicketStatus from = (ticket.status() == TicketStatus.NEW) ? TicketStatus.OPEN : ticket.status();
			if (draft.statusAfter() != from) {
				TicketFlow.check(from, draft.statusAfter(), actor);
			}
		}
	}

	private TicketArticle insert(Ticket ticket, Draft draft, TicketActor actor, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_article (ticket_id, kind, via, author_staff_id, author_customer_id, body, "
					+ "message_id, client_id, also_sms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticket.id(), draft.kind().name(), draft.via().name(), actor.staffId(), actor.customerId(),
					draft.body(), draft.messageId(), draft.clientId(), draft.alsoSms(), now.toEpochMilli())
			.update(key, "id");
		return new TicketArticle(key.getKey().longValue(), ticket.id(), draft.kind(), draft.via(), actor.staffId(),
				actor.customerId(), draft.body(), draft.messageId(), draft.clientId(), draft.alsoSms(), now);
	}

	/** What an article does to its ticket: reply times, and the status it leads to. */
	private Ticket follow(Ticket t, Draft draft, TicketActor actor, Instant now) {
		TicketStatus status = t.status();
		var pendingOn = t.pendingOn();
		Instant first = t.firstRespondedAt();
		Instant lastAgent = t.lastAgentReplyAt();
		Instant lastCustomer = t.lastCustomerReplyAt();
		if (draft.kind() == ArticleKind.REPLY) {
			first = (first != null) ? first : now;
			lastAgent = now;
			status = (draft.statusAfter() != null) ? draft.statusAfter()
					: (status == TicketStatus.NEW) ? TicketStatus.OPEN : status;
			if (status == TicketStatus.PENDING) {
				pendingOn = (t.status() == TicketStatus.PENDING && t.pendingOn() != null) ? t.pendingOn()
						: dev.parley.tickets.PendingOn.CUSTOMER;
			}
		}
		else if (draft.kind() == ArticleKind.CUSTOMER) {
			lastCustomer = now;
			if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
				status = TicketStatus.OPEN;
			}
		}
		else {
			return t;
		}
		if (status != TicketStatus.PENDING) {
			pendingOn = null;
		}
		List<String> fields = new ArrayList<>();
		if (status != t.status()) {
			fields.add("status");
		}
		Instant solvedAt = (status == TicketStatus.SOLVED) ? ((t.status() == TicketStatus.SOLVED) ? t.solvedAt() : now)
				: (status == TicketStatus.CLOSED) ? t.solvedAt() : null;
		Instant closedAt = (status == TicketStatus.CLOSED) ? now : null;
		Ticket after = new Ticket(t.id(), t.number(), t.subject(), t.description(), t.customerId(), t.origin(),
				t.type(), t.categoryId(), t.priority(), status, pendingOn, t.groupId(), t.assigneeId(), t.dueAt(),
				t.slaDueAt(), t.slaPolicyId(), t.mergedIntoId(), t.parentId(), t.createdAt(), now, first, lastCustomer,
				lastAgent, solvedAt, closedAt, t.createdBy(), t.version() + 1);
		if (!this.tickets.update(after, t.version())) {
			throw TicketChanges.stale(this.tickets.find(t.id()).orElse(t));
		}
		if (!fields.isEmpty()) {
			String action = (t.status().finished() && status == TicketStatus.OPEN) ? "reopened" : "status";
			this.history.record(t.id(), actor.name(), action, "status", t.status().name(), status.name(), null, now);
			this.changes.publishChanged(t, after, fields, actor, now);
		}
		return this.tickets.find(t.id()).orElseThrow();
	}

	private Optional<TicketArticle> byClientId(long ticketId, String clientId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_article WHERE ticket_id = ? AND client_id = ?")
			.params(ticketId, clientId)
			.query(TicketArticles::map)
			.optional();
	}

	/**
	 * @param publicOnly only what the customer may read (no internal notes)
	 * @return the ticket's articles after {@code afterId}, oldest first
	 */
	public List<TicketArticle> page(long ticketId, long afterId, int limit, boolean publicOnly) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_article WHERE ticket_id = ? AND id > ?"
				+ (publicOnly ? " AND kind <> 'NOTE'" : "") + " ORDER BY id LIMIT " + Math.max(1, Math.min(limit, 200)))
			.params(ticketId, afterId)
			.query(TicketArticles::map)
			.list();
	}

	public Optional<TicketArticle> byMessageId(String messageId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_article WHERE message_id = ?")
			.param(messageId)
			.query(TicketArticles::map)
			.optional();
	}

	static TicketArticle map(ResultSet rs, int row) throws SQLException {
		return new TicketArticle(rs.getLong("id"), rs.getLong("ticket_id"), ArticleKind.valueOf(rs.getString("kind")),
				ArticleVia.valueOf(rs.getString("via")), TicketRepository.longOrNull(rs, "author_staff_id"),
				TicketRepository.longOrNull(rs, "author_customer_id"), rs.getString("body"), rs.getString("message_id"),
				rs.getString("client_id"), rs.getBoolean("also_sms"), Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
