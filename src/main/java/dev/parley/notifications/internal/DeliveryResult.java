package dev.parley.notifications.internal;

/**
 * What one attempt to hand a notification to its provider (the SMTP server, the SMS
 * gateway) came to.
 */
public sealed interface DeliveryResult {

	/** Accepted by the provider; the id it gave the message, if any. */
	record Delivered(String providerMessageId) implements DeliveryResult {
	}

	/**
	 * Not accepted this time (the provider unreachable, a timeout, a 5xx or a 4xx SMTP
	 * reply): worth trying again later.
	 */
	record Retry(String error) implements DeliveryResult {
	}

	/**
	 * Refused for good (an address that does not exist, a 4xx from an HTTP gateway, a
	 * message the provider will never take): trying again would not help.
	 */
	record Refused(String error) implements DeliveryResult {
	}

	static DeliveryResult delivered(String providerMessageId) {
		return new Delivered(providerMessageId);
	}

	static DeliveryResult retry(String error) {
		return new Retry(error);
	}

	static DeliveryResult refused(String error) {
		return new Refused(error);
	}

}
