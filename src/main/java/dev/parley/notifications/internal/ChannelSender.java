package dev.parley.notifications.internal;

import dev.parley.notifications.NotificationChannel;

/**
 * Hands a rendered notification to the provider of one channel (the SMTP server, the SMS
 * gateway). The outbox worker calls it outside any transaction, once per attempt.
 */
public interface ChannelSender {

	NotificationChannel channel();

	/**
	 * Whether the channel is set up and switched on; if not, nothing is sent through it.
	 */
	boolean ready();

	/**
	 * One attempt. Never throws for a provider's failure: says whether it is worth trying
	 * again.
	 */
	DeliveryResult send(Outgoing message);

	/**
	 * Several attempts at once (one connection to the provider, where it has such a
	 * thing).
	 * @return one result per message, in order
	 */
	default java.util.List<DeliveryResult> sendAll(java.util.List<Outgoing> batch) {
		return batch.stream().map(this::send).toList();
	}

}
