package dev.parley.notifications;

import java.util.regex.Pattern;

/**
 * A thread of e-mails that another module keeps with one party (e.g. a ticket with its
 * customer): every e-mail of it carries the thread's reply token {@code <kind><id>.<sig>}
 * (an HMAC over kind, id and party) in its Message-ID and its Reply-To address, and
 * answers the previous e-mail of the thread to the same address. A reply that carries the
 * token reaches the {@link InboundMailHandler} of the kind.
 *
 * @param kind one lower-case letter naming the module's kind of thread, e.g. {@code t}
 * for tickets; {@code c} is the conversations' and may not be used
 * @param id the thread's id in its module (the ticket's id)
 * @param party whom the token is signed for (the ticket's customer): a token copied to
 * another thread, or made for another party, is not genuine
 */
public record MailThread(String kind, long id, long party) {

	private static final Pattern KIND = Pattern.compile("[a-z]");

	public MailThread {
		if (kind == null || !KIND.matcher(kind).matches() || "c".equals(kind)) {
			throw new IllegalArgumentException("A thread's kind is one lower-case letter other than c: " + kind);
		}
		if (id <= 0) {
			throw new IllegalArgumentException("A thread's id is positive: " + id);
		}
	}

	/** How the thread is named in the log and on the notification row, e.g. t42. */
	public String name() {
		return this.kind + this.id;
	}

}
