package dev.parley.notifications.internal;

import java.time.Instant;

import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;

/**
 * One row of the outbox, as the worker and the delivery log see it.
 *
 * @param thread another module's mail thread (MailThread#name, e.g. t42), or null
 */
public record Notification(long id, String idempotencyKey, NotificationChannel channel, String recipient,
		Audience audience, Long staffUserId, String template, String language, String payload, Long conversationId,
		NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError, String providerMessageId,
		String messageId, Instant createdAt, Instant sentAt, String thread) {
}
