package dev.parley.tickets.internal.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.conversations.PublicNames;
import dev.parley.customers.CustomerContacts;
import dev.parley.customers.CustomerContacts.MailContact;
import dev.parley.notifications.MailThread;
import dev.parley.administration.Settings;
import dev.parley.customers.CustomerDirectory;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.stereotype.Component;

/**
 * Tickets' e-mails to their customers, through the notifications outbox: the
 * acknowledgement of a ticket made from a mail ({@code ticket-created}, with its number)
 * and each public reply of an agent ({@code ticket-reply}, the agent by his public name
 * only). Every one is in the ticket's mail thread ({@code t<id>}, signed for the ticket's
 * customer), so the customer's answer comes back into the ticket. Called in the
 * transaction of the change (TicketMailHooks): the outbox row is written with it.
 */
@Component
public class TicketMailer {

	static final String CREATED = "ticket-created";

	static final String REPLY = "ticket-reply";

	static final String REPLY_SMS = "ticket-reply-sms";

	private final TicketMailRows rows;

	private final CustomerContacts customers;

	private final Notifications notifications;

	private final PublicNames names;

	private final CustomerDirectory directory;

	private final Settings settings;

	TicketMailer(TicketMailRows rows, CustomerContacts customers, Notifications notifications, PublicNames names,
			CustomerDirectory directory, Settings settings) {
		this.directory = directory;
		this.settings = settings;
		this.rows = rows;
		this.customers = customers;
		this.notifications = notifications;
		this.names = names;
	}

	/**
	 * Acknowledges a new ticket to its customer, with the number to quote.
	 * @return the notification's id; empty when the customer has no e-mail address, or it
	 * was asked for before
	 */
	public Optional<Long> acknowledgeCreated(long ticketId) {
		TicketMailRows.TicketRow ticket = this.rows.ticket(ticketId).orElse(null);
		if (ticket == null) {
			return Optional.empty();
		}
		return send(CREATED + ":" + ticket.id(), CREATED, ticket, values(ticket, null, null));
	}

	/**
	 * Mails a public reply (article kind REPLY) to the ticket's customer.
	 * @return the notification's id; empty for an article that is no public reply, a
	 * customer without an e-mail address, or one asked for before
	 */
	public Optional<Long> replyAdded(long articleId) {
		TicketMailRows.ArticleRow article = this.rows.article(articleId).orElse(null);
		if (article == null || !"REPLY".equals(article.kind())) {
			return Optional.empty();
		}
		TicketMailRows.TicketRow ticket = this.rows.ticket(article.ticketId()).orElse(null);
		if (ticket == null) {
			return Optional.empty();
		}
		String agent = (article.authorStaffId() != null) ? this.names.publicName(article.authorStaffId()) : "";
		if (article.alsoSms()) {
			textMessage(article, ticket, agent);
		}
		Map<String, Object> values = values(ticket, agent, article.body());
		// the files themselves stay in the ticket: named here, opened in the portal
		List<String> files = this.rows.fileNames(article.id());
		if (!files.isEmpty()) {
			values.put("files", String.join(", ", files));
			values.put("link", portalLink(ticket));
		}
		return send(REPLY + ":" + article.id(), REPLY, ticket, values);
	}

	private String portalLink(TicketMailRows.TicketRow ticket) {
		return this.settings.get("organisation.publicUrl") + "/portal/tickets/" + ticket.id();
	}

	/**
	 * A public reply the agent chose to send by text message as well, to the customer's
	 * phone number (none: nothing), with the portal's link to the ticket.
	 */
	private void textMessage(TicketMailRows.ArticleRow article, TicketMailRows.TicketRow ticket, String agent) {
		CustomerDirectory.Card card = this.directory.card(ticket.customerId()).orElse(null);
		if (card == null || card.phone() == null) {
			return;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", card.name());
		values.put("number", ticket.number());
		values.put("agent", (agent == null || agent.isBlank()) ? null : agent);
		values.put("text", article.body());
		values.put("link", portalLink(ticket));
		this.notifications.enqueue(new NotificationRequest(REPLY_SMS + ":" + article.id(), NotificationChannel.SMS,
				card.phone(), Audience.CUSTOMER, null, REPLY_SMS, card.language(), values, null, null));
	}

	private static Map<String, Object> values(TicketMailRows.TicketRow ticket, String agent, String text) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("number", ticket.number());
		values.put("subject", ticket.subject());
		values.put("agent", (agent == null || agent.isBlank()) ? null : agent);
		values.put("text", text);
		return values;
	}

	private Optional<Long> send(String key, String template, TicketMailRows.TicketRow ticket,
			Map<String, Object> values) {
		MailContact customer = this.customers.mailContact(ticket.customerId()).orElse(null);
		if (customer == null || customer.email() == null) {
			return Optional.empty();
		}
		values.put("name", customer.name());
		// signed for the customer the ticket had when it was mailed; parties() also
		// accepts records merged into him later
		MailThread thread = new MailThread(TicketMailHandler.KIND, ticket.id(), ticket.customerId());
		return this.notifications.enqueue(NotificationRequest.emailInThread(key, customer.email(), template,
				customer.language(), values, thread));
	}

}
