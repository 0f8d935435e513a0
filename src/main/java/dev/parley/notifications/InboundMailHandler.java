package dev.parley.notifications;

import java.util.Set;

/**
 * A module that takes mail from the inbound mailbox (a Spring bean of the module; the
 * notifications module finds them all). Replies carry the token of one of the module's
 * {@link MailThread}s; new mail (no token) to one of the mail account's support addresses
 * goes to the one handler that {@link #acceptsNewMail() accepts} it. Each mail is handed
 * over once per key, except after a crash before its outcome was recorded: store nothing
 * twice for one {@link InboundMail#key()}. Throw nothing for a mail that is merely
 * unwelcome: answer with an outcome (an exception is retried a few times, then logged as
 * malformed).
 */
public interface InboundMailHandler {

	/** The kind letter of this module's threads ({@link MailThread#kind()}). */
	String kind();

	/**
	 * The parties a thread's token may be signed for, to verify a token that names the
	 * thread: its party now (the ticket's customer) and any it had when it was mailed
	 * (customer records merged into him since).
	 * @return empty for a thread that does not exist (the token is then forged)
	 */
	Set<Long> parties(long threadId);

	/**
	 * A reply whose token is genuine for the thread. The handler checks the sender (only
	 * the party's own address may write as the party).
	 */
	Answer reply(long threadId, InboundMail mail);

	/** Whether new mail to a support address is for this module. */
	default boolean acceptsNewMail() {
		return false;
	}

	/**
	 * A mail with no token to a support address, from a person.
	 * @return {@link Outcome#CREATED} with the new thread's id, or another outcome
	 */
	default Answer newMail(InboundMail mail) {
		return new Answer(Outcome.REFUSED, null, "new mail is not taken");
	}

	/**
	 * What became of a mail.
	 *
	 * @param threadId the thread it went into (or was refused from), or null
	 * @param detail for the inbound mail log (one line, at most 500 characters kept)
	 */
	record Answer(Outcome outcome, Long threadId, String detail) {
	}

	/** The outcomes a handler may give (recorded in the inbound mail log as they are). */
	enum Outcome {

		/** Posted into the thread. */
		POSTED,

		/** A new thread was made from it (a ticket). */
		CREATED,

		/** The sender is not the thread's party. */
		SENDER_MISMATCH,

		/** The party is blocked. */
		BLOCKED,

		/** Neither text nor files. */
		EMPTY,

		/** The module does not take it (e.g. a thread that is closed for good). */
		REFUSED

	}

}
