package dev.parley.tickets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.customers.CustomerDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.StaffNews;
import dev.parley.notifications.StaffNotices;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What staff are told of tickets, each on the channels he chose in his profile: a ticket
 * someone else assigned or transferred to him; a colleague's {@code @mention} in an
 * internal note (the mentioned colleague also becomes a follower, so he may open the
 * ticket whatever its group); the requester's message, to the assignee and the followers.
 * Nobody is told of his own doing.
 */
@Component
@Order(100)
class TicketStaffNews implements TicketHooks {

	/** Mentions per note at most. */
	static final int MAX_MENTIONS = 20;

	private final StaffNotices notices;

	private final StaffDirectory staff;

	private final TicketRepository tickets;

	private final TicketHistory history;

	private final CustomerDirectory customers;

	private final Settings settings;

	TicketStaffNews(StaffNotices notices, StaffDirectory staff, TicketRepository tickets, TicketHistory history,
			CustomerDirectory customers, Settings settings) {
		this.notices = notices;
		this.staff = staff;
		this.tickets = tickets;
		this.history = history;
		this.customers = customers;
		this.settings = settings;
	}

	@Override
	public void changed(Ticket before, Ticket after, TicketActor actor) {
		Long to = after.assigneeId();
		if (to == null || to.equals(before.assigneeId()) || to.equals(actor.staffId())) {
			return;
		}
		Map<String, Object> values = values(after);
		values.put("by", actor.staff() ? actor.name() : "Parley");
		values.put("reason", lastReason(after.id()));
		this.notices.tell(List.of(to), StaffNews.TICKET_ASSIGNED, "ticket-assigned",
				"ticket-assigned:" + after.id() + ":" + to + ":" + after.version(), values);
	}

	@Override
	public void articleAdded(Ticket ticket, TicketArticle article, TicketActor actor) {
		if (article.kind() == ArticleKind.NOTE) {
			mentioned(ticket, article, actor);
		}
		else if (article.kind() == ArticleKind.CUSTOMER) {
			Set<Long> told = new LinkedHashSet<>(this.tickets.followers(ticket.id()));
			if (ticket.assigneeId() != null) {
				told.add(ticket.assigneeId());
			}
			Map<String, Object> values = values(ticket);
			values.put("customer",
					this.customers.card(ticket.customerId())
						.map(CustomerDirectory.Card::name)
						.filter((name) -> name != null)
						.orElse("#" + ticket.customerId()));
			this.notices.tell(told, StaffNews.TICKET_UPDATED, "ticket-updated",
					"ticket-updated:" + ticket.id() + ":" + article.id(), values);
		}
	}

	private void mentioned(Ticket ticket, TicketArticle note, TicketActor actor) {
		List<Long> mentioned = new ArrayList<>();
		for (StaffDirectory.StaffMember m : this.staff.mentionedIn(note.body(), MAX_MENTIONS)) {
			if (actor.staffId() == null || m.id() != actor.staffId()) {
				mentioned.add(m.id());
			}
		}
		if (mentioned.isEmpty()) {
			return;
		}
		Set<Long> followers = new LinkedHashSet<>(this.tickets.followers(ticket.id()));
		if (followers.addAll(mentioned)) {
			this.tickets.replaceFollowers(ticket.id(), followers);
			this.history.record(ticket.id(), actor.name(), "mentioned", "followers", null,
					String.join(", ", this.staff.displayNames(mentioned).values()), null, note.createdAt());
		}
		Map<String, Object> values = values(ticket);
		values.put("author", actor.name());
		this.notices.tell(mentioned, StaffNews.TICKET_MENTION, "ticket-mention", "ticket-mention:" + note.id(), values);
	}

	private Map<String, Object> values(Ticket ticket) {
		Map<String, Object> values = new HashMap<>();
		values.put("number", ticket.number());
		values.put("subject", ticket.subject());
		values.put("link", this.settings.get("organisation.publicUrl") + "/console/tickets/" + ticket.id());
		return values;
	}

	private String lastReason(long ticketId) {
		List<TicketHistory.Entry> entries = this.history.latest(ticketId, 3);
		for (TicketHistory.Entry entry : entries) {
			if ("transferred".equals(entry.action()) && entry.detail() != null) {
				return entry.detail();
			}
		}
		return null;
	}

}
