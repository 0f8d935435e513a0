package dev.parley.tickets.internal;

import java.time.Instant;

/**
 * Something written on a ticket.
 *
 * @param alsoSms a public reply that goes out by text message as well as by e-mail
 * @param messageId the e-mail's Message-ID for one that came by mail, else null
 */
public record TicketArticle(long id, long ticketId, ArticleKind kind, ArticleVia via, Long authorStaffId,
		Long authorCustomerId, String body, String messageId, String clientId, boolean alsoSms, Instant createdAt) {

	/** Who wrote it and who may read it. */
	public enum ArticleKind {

		/** The requester's message (the portal, a mail). */
		CUSTOMER,
		/** A public reply to the requester. */
		REPLY,
		/** An internal note: staff only. */
		NOTE,
		/** A line Parley wrote (a merge, a follow-up). */
		SYSTEM;

		public boolean publicToCustomer() {
			return this != NOTE;
		}

	}

	/** How it came or went. */
	public enum ArticleVia {

		CONSOLE, EMAIL, SMS, PORTAL, API, CHAT

	}

}
