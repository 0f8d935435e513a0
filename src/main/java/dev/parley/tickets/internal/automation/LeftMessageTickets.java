package dev.parley.tickets.internal.automation;

import java.util.Optional;

import dev.parley.conversations.CustomerVisitors;
import dev.parley.conversations.MessageLeft;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.internal.NewTicket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketNames;
import dev.parley.tickets.internal.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A message a visitor left (outside business hours, after waiting too long) becomes a
 * ticket when {@code tickets.fromLeftMessages} is on: origin LEFT_MESSAGE, the
 * conversation linked, its customer the requester, the first line of the message the
 * subject, in the conversation's group. A conversation already linked to a ticket (a
 * second delivery of the event, or an agent made one) makes none.
 */
@Component
class LeftMessageTickets {

	private static final Logger log = LoggerFactory.getLogger(LeftMessageTickets.class);

	/** The longest subject (TicketInput.SUBJECT_MAX). */
	private static final int SUBJECT_MAX = 250;

	private final TicketSettings settings;

	private final TicketRepository tickets;

	private final TicketChanges changes;

	private final TicketNames names;

	private final CustomerVisitors visitors;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	LeftMessageTickets(TicketSettings settings, TicketRepository tickets, TicketChanges changes, TicketNames names,
			CustomerVisitors visitors, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.tickets = tickets;
		this.changes = changes;
		this.names = names;
		this.visitors = visitors;
	}

	@ApplicationModuleListener
	void on(MessageLeft event) {
		if (!this.settings.fromLeftMessages()
				|| !this.tickets.ticketsOfConversation(event.conversationId()).isEmpty()) {
			return;
		}
		Optional<Long> customer = this.visitors.customerOfConversation(event.conversationId());
		if (customer.isEmpty()) {
			log.warn("Conversation {} has no customer; its left message makes no ticket", event.conversationId());
			return;
		}
		String text = (event.text() != null && !event.text().isBlank()) ? event.text().strip() : null;
		Long group = (event.groupId() != null && this.names.group(event.groupId()).isPresent()) ? event.groupId()
				: null;
		if (!claim("left:" + event.conversationId(), event.at())) {
			return; // another delivery of this event made the ticket
		}
		NewTicket form = NewTicket
			.of(subject(text, event.conversationId()), text, customer.get(), TicketOrigin.LEFT_MESSAGE)
			.inGroup(group)
			.fromConversation(event.conversationId());
		this.changes.create(form, TicketActor.system());
	}

	/**
	 * Takes the key of what the ticket is made from (table ticket_origin_key) in this
	 * transaction: a concurrent delivery waits on it and then finds it taken.
	 * @return whether it was free
	 */
	private boolean claim(String key, java.time.Instant at) {
		try {
			this.jdbc.sql("INSERT INTO ticket_origin_key (origin_key, claimed_at) VALUES (?, ?)")
				.params(key, at.toEpochMilli())
				.update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	/** The message's first line, on one line and clipped; a stand-in for an empty one. */
	static String subject(String text, long conversationId) {
		String line = (text != null) ? text.lines().filter((l) -> !l.isBlank()).findFirst().orElse("") : "";
		line = line.replaceAll("\\p{Cntrl}+", " ").strip();
		if (line.isEmpty()) {
			return "Message left in conversation #" + conversationId;
		}
		return (line.length() > SUBJECT_MAX) ? line.substring(0, SUBJECT_MAX - 1) + "…" : line;
	}

}
