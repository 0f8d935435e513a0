package dev.parley.notifications.internal;

import java.time.Clock;
import java.util.Optional;

import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.NotificationStatus;
import dev.parley.notifications.Notifications;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Stores notifications in the outbox as pending and nothing more, for as long as no
 * outbox with a worker is there: a stand-in of the staff-notifications branch, used only
 * when no other {@link Notifications} exists ({@link Fallback}). Delete it once the
 * outbox implementation is merged.
 */
@Component
@Fallback
class StoreOnlyNotifications implements Notifications {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	StoreOnlyNotifications(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Optional<Long> enqueue(NotificationRequest request) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ?")
			.param(request.idempotencyKey())
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return Optional.empty();
		}
		long now = this.clock.millis();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO notification (idempotency_key, channel, recipient, audience, staff_user_id, template, "
					+ "language, payload, conversation_id, status, attempts, next_attempt_at, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(request.idempotencyKey(), request.channel().name(), request.recipient(), request.audience().name(),
					request.staffUserId(), request.template(), (request.language() != null) ? request.language() : "en",
					this.json.writeValueAsString(request.values()), request.conversationId(),
					NotificationStatus.PENDING.name(),
					(request.notBefore() != null) ? request.notBefore().toEpochMilli() : now, now)
			.update(keys, "id");
		return Optional.of(keys.getKeyAs(Number.class).longValue());
	}

}
