package dev.parley.notifications.internal.inbound;

/**
 * What became of one mail read from the inbound mailbox. Only {@link #POSTED} puts
 * anything into a conversation or another module's thread, and {@link #CREATED} makes a
 * new thread (a ticket); every other outcome is recorded and the mail left alone (never
 * answered).
 */
public enum InboundOutcome {

	/** A customer's reply, posted into his conversation (or another module's thread). */
	POSTED,

	/**
	 * New mail (no token) to a support address, made into a new thread by the module that
	 * takes new mail (a ticket).
	 */
	CREATED,

	/** A genuine reply or new mail that the module would not take (see the detail). */
	REFUSED,

	/** An out-of-office answer, a bounce, a delivery report, or a mail loop. */
	AUTO_REPLY,

	/**
	 * No reply token in its addresses or headers (and not new mail to a support address
	 * that a module takes).
	 */
	NO_TOKEN,

	/** A token whose signature is not Parley's for that conversation and its visitor. */
	FORGED_TOKEN,

	/** A genuine token, but the mail is not from the conversation's visitor. */
	SENDER_MISMATCH,

	/** Larger than the inbound limit: not read. */
	TOO_LARGE,

	/** Not a mail that can be read (broken MIME, unreadable sender). */
	MALFORMED,

	/** The same mail (Message-ID) was read before. */
	DUPLICATE,

	/** A genuine reply with neither text nor files. */
	EMPTY,

	/** A genuine reply from a customer who is blocked. */
	BLOCKED

}
