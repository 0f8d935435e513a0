package dev.parley.tickets.internal.mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.parley.customers.CustomerContacts;
import dev.parley.customers.CustomerContacts.MailContact;
import dev.parley.customers.CustomerContacts.MailSender;
import dev.parley.notifications.InboundMail;
import dev.parley.notifications.InboundMailHandler;
import dev.parley.platform.ApiException;
import dev.parley.tickets.internal.mail.TicketMailIntake.MailFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mail for tickets from the inbound mailbox: a new mail to a support address becomes a
 * ticket of the customer its sender's address finds (CustomerContacts#byEmail); a reply
 * carrying a ticket's token ({@code t<id>.<sig>}, signed for the ticket's customer) is
 * posted into the ticket when its sender is one of that customer's e-mail addresses.
 * Nothing is ever answered from here: the acknowledgement of a new ticket is a
 * notification of the ticket's creation (TicketMailer).
 */
@Component
class TicketMailHandler implements InboundMailHandler {

	/** The kind letter of tickets' mail threads. */
	static final String KIND = "t";

	private final TicketMailRows rows;

	private final CustomerContacts customers;

	private final ObjectProvider<TicketMailIntake> intake;

	TicketMailHandler(TicketMailRows rows, CustomerContacts customers, ObjectProvider<TicketMailIntake> intake) {
		this.rows = rows;
		this.customers = customers;
		this.intake = intake;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Set<Long> parties(long threadId) {
		return this.rows.ticket(threadId).map((t) -> {
			Set<Long> parties = new LinkedHashSet<>();
			parties.add(t.customerId());
			parties.addAll(this.customers.mergedInto(t.customerId()));
			return parties;
		}).orElse(Set.of());
	}

	@Override
	public Answer reply(long threadId, InboundMail mail) {
		TicketMailRows.TicketRow ticket = this.rows.live(threadId).orElse(null);
		if (ticket == null) {
			return new Answer(Outcome.REFUSED, threadId, "the ticket no longer exists");
		}
		if (!this.customers.hasEmail(ticket.customerId(), mail.from())) {
			return new Answer(Outcome.SENDER_MISMATCH, ticket.id(),
					"the sender is not an e-mail address of the ticket's customer");
		}
		MailContact customer = this.customers.mailContact(ticket.customerId()).orElse(null);
		if (customer == null || customer.blocked()) {
			return new Answer(Outcome.BLOCKED, ticket.id(), "the customer is blocked");
		}
		if (mail.text().isBlank() && mail.attachments().isEmpty()) {
			return new Answer(Outcome.EMPTY, ticket.id(), "neither text nor files");
		}
		TicketMailIntake core = this.intake.getIfAvailable();
		if (core == null) {
			return new Answer(Outcome.REFUSED, ticket.id(), "tickets take no mail yet");
		}
		try {
			// as the ticket's own customer record (the sender check followed any merge)
			TicketMailIntake.Posted posted = core.customerReplied(ticket.id(), ticket.customerId(), mail.text(),
					files(mail), mail.messageId(), mail.key());
			return new Answer(Outcome.POSTED, ticket.id(),
					(posted.duplicate() ? "posted before" : "posted into " + ticket.number())
							+ refused(posted.refusedFiles()));
		}
		catch (ApiException ex) {
			if (ex.status().is4xxClientError()) {
				return new Answer(Outcome.REFUSED, ticket.id(), "the ticket takes no reply: " + ex.code());
			}
			throw ex;
		}
	}

	@Override
	public boolean acceptsNewMail() {
		return this.intake.getIfAvailable() != null;
	}

	@Override
	public Answer newMail(InboundMail mail) {
		TicketMailIntake core = this.intake.getIfAvailable();
		if (core == null) {
			return new Answer(Outcome.REFUSED, null, "tickets take no mail yet");
		}
		String subject = subject(mail);
		if (mail.text().isBlank() && mail.attachments().isEmpty() && subject == null) {
			return new Answer(Outcome.EMPTY, null, "neither subject, text nor files");
		}
		MailSender sender = this.customers.byEmail(mail.from(), mail.fromName());
		if (sender.blocked()) {
			return new Answer(Outcome.BLOCKED, null, "the customer is blocked");
		}
		try {
			TicketMailIntake.NewTicket ticket = core.createFromMail(sender.customerId(),
					(subject != null) ? subject : firstLine(mail.text()), mail.text(), files(mail), mail.messageId(),
					mail.key());
			return new Answer(Outcome.CREATED, ticket.ticketId(),
					(ticket.duplicate() ? "created before: " : "created ") + ticket.number()
							+ (sender.created() ? " for a new customer" : "") + refused(ticket.refusedFiles()));
		}
		catch (ApiException ex) {
			if (ex.status().is4xxClientError()) {
				return new Answer(Outcome.REFUSED, null, "no ticket made: " + ex.code());
			}
			throw ex;
		}
	}

	/**
	 * The mail's subject as a ticket's: one line, at most 250 characters; null if none.
	 */
	static String subject(InboundMail mail) {
		String line = (mail.subject() != null) ? oneLine(mail.subject()) : "";
		return line.isEmpty() ? null : cut(line, 250);
	}

	private static String firstLine(String text) {
		String line = text.strip().lines().map(String::strip).filter((l) -> !l.isEmpty()).findFirst().orElse("");
		return line.isEmpty() ? "(no subject)" : cut(oneLine(line), 250);
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll("\\s{2,}", " ").strip();
	}

	private static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end);
	}

	private static List<MailFile> files(InboundMail mail) {
		return mail.attachments().stream().map((a) -> new MailFile(a.fileName(), a.content())).toList();
	}

	private static String refused(List<String> files) {
		return files.isEmpty() ? "" : "; refused " + String.join(", ", files);
	}

}
