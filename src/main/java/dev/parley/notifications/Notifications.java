package dev.parley.notifications;

import java.util.Optional;

/**
 * Asks for notifications. Call it inside the transaction of the change that causes them
 * (a module listener's): the notification is stored with that change or not at all, and
 * sent afterwards by one node, with retries, never twice for one idempotency key.
 */
public interface Notifications {

	/**
	 * Stores the notification for sending. A recipient who opted out, a rate limit
	 * reached or a channel that is not set up stores it as
	 * {@link NotificationStatus#SUPPRESSED} with the reason, so the delivery log shows
	 * it.
	 * @return the notification's id, or empty when one with the same key exists already
	 */
	Optional<Long> enqueue(NotificationRequest request);

}
