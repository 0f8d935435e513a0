package dev.parley.tickets.internal.mail;

import java.util.List;

/**
 * What the ticket core does with mail from customers (implemented by the core with
 * TicketChanges and TicketArticles: history, events, SLA clocks and the search terms
 * follow as for any other change). Both are idempotent on the mail's key: a mail handed
 * over again (a crash before its outcome was recorded) stores nothing twice.
 */
public interface TicketMailIntake {

	/**
	 * Creates a ticket (origin EMAIL, the requester the customer, the subject, the text
	 * as its description and as its first article: kind CUSTOMER, via EMAIL, with the
	 * mail's Message-ID and key) with the files that pass the ticket attachment checks.
	 * Actor: the customer.
	 * @param subject one line, 1 to 250 characters
	 * @param messageId the mail's Message-ID (ticket_article.message_id), or null
	 * @param messageKey the mail's key (64 characters: ticket_article.client_id)
	 */
	NewTicket createFromMail(long customerId, String subject, String text, List<MailFile> files, String messageId,
			String messageKey);

	/**
	 * Appends the customer's reply to the ticket (kind CUSTOMER, via EMAIL), with the
	 * files that pass the checks; as any customer reply, it may reopen a solved ticket
	 * and resumes an SLA paused while pending on the customer. Actor: the customer.
	 * @throws dev.parley.platform.ApiException a 4xx when the ticket takes no reply (e.g.
	 * closed for good): nothing is stored, the mail is recorded as refused
	 */
	Posted customerReplied(long ticketId, long customerId, String text, List<MailFile> files, String messageId,
			String messageKey);

	/** A file of the mail, with the name its sender gave it (not checked yet). */
	record MailFile(String fileName, byte[] content) {
	}

	/**
	 * @param duplicate the mail had made this ticket before; nothing was stored now
	 * @param refusedFiles the files left out, each with the reason
	 */
	record NewTicket(long ticketId, String number, boolean duplicate, List<String> refusedFiles) {
	}

	/**
	 * @param duplicate the mail had been posted before; nothing was stored now
	 * @param refusedFiles the files left out, each with the reason
	 */
	record Posted(boolean duplicate, List<String> refusedFiles) {
	}

}
