package dev.parley.notifications.internal.inbound;

/** A mail that cannot be read: recorded as {@link InboundOutcome#MALFORMED}, skipped. */
class MalformedMail extends Exception {

	MalformedMail(String message) {
		super(message);
	}

	MalformedMail(String message, Throwable cause) {
		super(message, cause);
	}

}
