package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.parley.platform.Words;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketHooks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search terms of tickets ({@code ticket_term}, {@link Words}), written in the
 * ticket's transaction: its number, subject, description, tags, and what was written on
 * it, internal notes included (the list is for staff). An article adds its words to the
 * ticket's (the others are not read again); a new subject or description rewrites them
 * all. A tag taken off leaves its word until then (the tag filter itself is exact).
 */
@Component
class TicketIndex implements TicketHooks {

	/** At most this many terms from one text (a long article is cut). */
	static final int MAX_TERMS = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Words words;

	TicketIndex(JdbcClient jdbc, JdbcTemplate template, Words words) {
		this.jdbc = jdbc;
		this.template = template;
		this.words = words;
	}

	/**
	 * @return the term under which a ticket is found by its number's digits
	 * ({@code #123}: no word of a text begins with {@code #})
	 */
	static String numberTerm(long ticketId) {
		return "#" + ticketId;
	}

	@Override
	public void created(Ticket ticket, TicketActor actor) {
		reindex(ticket.id());
	}

	@Override
	public void changed(Ticket before, Ticket after, TicketActor actor) {
		if (!Objects.equals(before.subject(), after.subject())
				|| !Objects.equals(before.description(), after.description())) {
			reindex(after.id());
		}
		else {
			add(after.id(), fieldTerms(after.id(), after.number(), after.subject(), after.description()));
		}
	}

	@Override
	public void articleAdded(Ticket ticket, TicketArticle article, TicketActor actor) {
		add(ticket.id(), this.words.index(article.body(), MAX_TERMS));
	}

	/** Rewrites a ticket's terms from what it is now, every article read. */
	@Transactional
	public void reindex(long ticketId) {
		lock(ticketId);
		this.jdbc.sql("DELETE FROM ticket_term WHERE ticket_id = ?").param(ticketId).update();
		List<String[]> ticket = this.jdbc.sql("SELECT number, subject, description FROM ticket WHERE id = ?")
			.param(ticketId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		if (ticket.isEmpty()) {
			return;
		}
		Set<String> terms = fieldTerms(ticketId, ticket.get(0)[0], ticket.get(0)[1], ticket.get(0)[2]);
		this.jdbc.sql("SELECT body FROM ticket_article WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query(String.class)
			.list()
			.forEach((body) -> terms.addAll(this.words.index(body, MAX_TERMS)));
		insert(ticketId, terms);
	}

	private Set<String> fieldTerms(long ticketId, String number, String subject, String description) {
		Set<String> terms = new LinkedHashSet<>();
		terms.add(numberTerm(ticketId));
		List<String> texts = new ArrayList<>();
		texts.add(number);
		texts.add(subject);
		if (description != null) {
			texts.add(description);
		}
		texts.addAll(this.jdbc.sql("SELECT tag FROM ticket_tag WHERE ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.list());
		terms.addAll(this.words.index(String.join("\n", texts), MAX_TERMS));
		return terms;
	}

	/** Adds the terms the ticket does not have yet. */
	private void add(long ticketId, Set<String> terms) {
		if (terms.isEmpty()) {
			return;
		}
		lock(ticketId);
		Set<String> missing = new LinkedHashSet<>(terms);
		missing.removeAll(new HashSet<>(this.jdbc.sql("SELECT term FROM ticket_term WHERE ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.list()));
		insert(ticketId, missing);
	}

	/** One writer of a ticket's terms at a time: two would insert the same term. */
	private void lock(long ticketId) {
		this.jdbc.sql("SELECT id FROM ticket WHERE id = ? FOR UPDATE").param(ticketId).query(Long.class).list();
	}

	private void insert(long ticketId, Set<String> terms) {
		List<Object[]> rows = new ArrayList<>(terms.size());
		terms.forEach((term) -> rows.add(new Object[] { term, ticketId }));
		if (!rows.isEmpty()) {
			this.template.batchUpdate("INSERT INTO ticket_term (term, ticket_id) VALUES (?, ?)", rows);
		}
	}

}
