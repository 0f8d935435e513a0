package dev.parley.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging a ticket into another (a duplicate): the merged one is closed, points at the
 * survivor and takes no change any more, its articles stay readable; both get a SYSTEM
 * article and a history entry; the survivor gets its linked conversations and followers.
 * Needs {@code ticket.merge}. Tickets of two customers are merged only when the request
 * says so ({@code differentCustomer: true}): the survivor keeps its own customer.
 */
@Service
public class TicketMerges {

	private final TicketRepository tickets;

	private final TicketAccess access;

	private final TicketArticles articles;

	private final TicketHistory history;

	private final TicketChanges changes;

	private final TicketLinks links;

	private final Clock clock;

	TicketMerges(TicketRepository tickets, TicketAccess access, TicketArticles articles, TicketHistory history,
			TicketChanges changes, TicketLinks links, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.articles = articles;
		this.history = history;
		this.changes = changes;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * Merges ticket {@code id} (as of {@code version}) into {@code intoId}.
	 * @return the survivor
	 * @throws ApiException invalid {@code into} (itself, not a ticket one may see,
	 * another customer's without {@code differentCustomer}); {@code ticket_merged} or
	 * {@code ticket_closed} (409) when either is merged or closed; {@code stale_version}
	 */
	@Transactional
	public Ticket merge(long id, Long intoId, Integer version, boolean differentCustomer, TicketActor actor) {
		Ticket source = this.access.visible(id, actor);
		actor.require(Permission.TICKET_MERGE);
		// merging closes the merged ticket: the flow's permission for closing applies too
		actor.require(Permission.TICKET_CLOSE);
		if (intoId == null) {
			throw ApiException.invalid("into", "is required");
		}
		if (version == null) {
			throw ApiException.invalid("version", "is required (the version you edited)");
		}
		if (intoId == id) {
			throw ApiException.invalid("into", "cannot be the ticket itself");
		}
		Ticket target = this.tickets.find(intoId)
			.filter((t) -> this.access.canSee(t, actor))
			.orElseThrow(() -> ApiException.invalid("into", "is not a ticket"));
		requireOpen(source);
		requireOpen(target);
		boolean sameCustomer = this.links.live(source.customerId()) == this.links.live(target.customerId());
		if (!sameCustomer && !differentCustomer) {
			throw ApiException.invalid("into", "is a ticket of another customer (send differentCustomer: true)");
		}
		if (source.version() != version) {
			throw TicketChanges.stale(source);
		}
		Instant now = this.clock.instant();
		String line = source.number() + " merged into " + target.number();
		TicketArticles.Draft note = new TicketArticles.Draft(ArticleKind.SYSTEM, ArticleVia.CONSOLE, line, null, false,
				null, null);
		this.articles.write(source.id(), note, TicketActor.system());
		this.articles.write(target.id(), note, TicketActor.system());
		Ticket before = this.tickets.find(id).orElseThrow();
		Ticket after = with(before, TicketStatus.CLOSED, target.id(), before.parentId(), now, now);
		if (!this.tickets.update(after, before.version())) {
			throw TicketChanges.stale(before);
		}
		for (Long conversation : this.tickets.conversations(source.id())) {
			if (this.tickets.linkConversation(target.id(), conversation, now)) {
				this.history.record(target.id(), actor.name(), "conversation.linked", null, null, "#" + conversation,
						source.number(), now);
			}
		}
		Set<Long> followers = new LinkedHashSet<>(this.tickets.followers(target.id()));
		if (followers.addAll(this.tickets.followers(source.id()))) {
			this.tickets.replaceFollowers(target.id(), followers);
		}
		String detail = sameCustomer ? null : "different customer";
		this.history.record(source.id(), actor.name(), "merged", "mergedInto", null, target.number(), detail, now);
		this.history.record(target.id(), actor.name(), "merged.from", null, null, source.number(), detail, now);
		this.changes.publishChanged(before, after, List.of("status", "mergedInto"), actor, now);
		return this.tickets.find(target.id()).orElseThrow();
	}

	private static void requireOpen(Ticket ticket) {
		if (ticket.mergedIntoId() != null) {
			throw ApiException.conflict("ticket_merged", "Ticket " + ticket.number() + " was merged into another")
				.with("mergedInto", ticket.mergedIntoId());
		}
		if (ticket.status() == TicketStatus.CLOSED) {
			throw ApiException.conflict("ticket_closed", "Ticket " + ticket.number() + " is closed");
		}
	}

	/** The ticket with a new status, merge, parent and close time, changed now. */
	static Ticket with(Ticket t, TicketStatus status, Long mergedIntoId, Long parentId, Instant closedAt, Instant now) {
		return new Ticket(t.id(), t.number(), t.subject(), t.description(), t.customerId(), t.origin(), t.type(),
				t.categoryId(), t.priority(), status, (status == TicketStatus.PENDING) ? t.pendingOn() : null,
				t.groupId(), t.assigneeId(), t.dueAt(), t.slaDueAt(), t.slaPolicyId(), mergedIntoId, parentId,
				t.createdAt(), now, t.firstRespondedAt(), t.lastCustomerReplyAt(), t.lastAgentReplyAt(), t.solvedAt(),
				closedAt, t.createdBy(), t.version() + 1);
	}

}
