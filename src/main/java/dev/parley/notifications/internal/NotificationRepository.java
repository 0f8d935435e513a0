package dev.parley.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;
import dev.parley.platform.PersonalData;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code notification} table: the outbox and the delivery log. */
@Repository
public class NotificationRepository {

	static final String COLUMNS = "id, idempotency_key, channel, recipient_sealed, audience, staff_user_id, template, "
			+ "language, payload, conversation_id, status, attempts, next_attempt_at, last_error, "
			+ "provider_message_id, message_id, created_at, sent_at, recipient, thread";

	/** Which blind index recipients are found by (platform.PersonalData). */
	static final String RECIPIENT = "notification-recipient";

	private final JdbcClient jdbc;

	/**
	 * A savepoint in the caller's transaction: an insert that meets an existing key
	 * fails, and on PostgreSQL that would spoil the whole transaction.
	 */
	private final TransactionTemplate savepoint;

	private final PersonalData personal;

	NotificationRepository(JdbcClient jdbc, PlatformTransactionManager transactions, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * A new row, as the outbox stores it.
	 *
	 * @param thread another module's mail thread it belongs to (MailThread#name, e.g.
	 * t42), or null
	 */
	record NewNotification(String idempotencyKey, NotificationChannel channel, String recipient, Audience audience,
			Long staffUserId, String template, String language, String payload, Long conversationId,
			NotificationStatus status, Instant nextAttemptAt, String lastError, Instant createdAt, String thread) {

		NewNotification(String idempotencyKey, NotificationChannel channel, String recipient, Audience audience,
				Long staffUserId, String template, String language, String payload, Long conversationId,
				NotificationStatus status, Instant nextAttemptAt, String lastError, Instant createdAt) {
			this(idempotencyKey, channel, recipient, audience, staffUserId, template, language, payload, conversationId,
					status, nextAttemptAt, lastError, createdAt, null);
		}

	}

	/**
	 * @return the new row's id, or empty when a row with the same key exists
	 */
	Optional<Long> insert(NewNotification n) {
		if (existsKey(n.idempotencyKey())) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.savepoint.execute((tx) -> {
				KeyHolder keys = new GeneratedKeyHolder();
				this.jdbc
					.sql("INSERT INTO notification (idempotency_key, channel, recipient, recipient_sealed, "
							+ "recipient_index, audience, staff_user_id, template, language, payload, conversation_id, "
							+ "status, attempts, next_attempt_at, last_error, created_at, thread) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")
					.params(n.idempotencyKey(), n.channel().name(), recipientIndex(n.recipient()),
							this.personal.seal(n.recipient()), recipientIndex(n.recipient()), n.audience().name(),
							n.staffUserId(), n.template(), n.language(), this.personal.seal(n.payload()),
							n.conversationId(), n.status().name(), n.nextAttemptAt().toEpochMilli(), n.lastError(),
							n.createdAt().toEpochMilli(), n.thread())
					.update(keys, "id");
				return keys.getKey().longValue();
			}));
		}
		catch (DuplicateKeyException ex) {
			// the same event for the same recipient, stored a moment ago by another node
			return Optional.empty();
		}
	}

	private boolean existsKey(String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * How many notifications went (or are going) to the recipient since a time, of one
	 * template or of all (null), not counting suppressed ones.
	 */
	int countRecent(String recipient, String template, Instant since) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE recipient_index = ? AND created_at >= ? "
					+ "AND status <> 'SUPPRESSED'" + ((template != null) ? " AND template = ?" : ""))
			.params((template != null) ? List.of(recipientIndex(recipient), since.toEpochMilli(), template)
					: List.of(recipientIndex(recipient), since.toEpochMilli()))
			.query(Integer.class)
			.single();
	}

	/**
	 * Claims up to {@code limit} due notifications for this node: pending ones whose time
	 * has come, and ones another node claimed but never finished (it died).
	 * @return the claimed rows, each with its attempt counted
	 */
	List<Notification> claimDue(String claimer, Instant now, Instant claimUntil, int limit) {
		List<Long> due = this.jdbc
			.sql("SELECT id FROM notification WHERE (status = 'PENDING' AND next_attempt_at <= ?) "
					+ "OR (status = 'SENDING' AND claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?")
			.params(now.toEpochMilli(), now.toEpochMilli(), limit)
			.query(Long.class)
			.list();
		if (due.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("UPDATE notification SET status = 'SENDING', claimed_by = :claimer, claimed_until = :until, "
				+ "attempts = attempts + 1 WHERE id IN (:ids) AND ((status = 'PENDING' AND next_attempt_at <= :now) "
				+ "OR (status = 'SENDING' AND claimed_until < :now))")
			.param("claimer", claimer)
			.param("until", claimUntil.toEpochMilli())
			.param("ids", due)
			.param("now", now.toEpochMilli())
			.update();
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notification WHERE claimed_by = :claimer "
					+ "AND status = 'SENDING' AND id IN (:ids) ORDER BY id")
			.param("claimer", claimer)
			.param("ids", due)
			.query(this::map)
			.list();
	}

	/**
	 * Extends this node's claim on rows it is about to send.
	 * @return those of the rows that are still this node's to send
	 */
	java.util.Set<Long> renewClaims(List<Long> ids, String claimer, Instant until) {
		this.jdbc
			.sql("UPDATE notification SET claimed_until = :until WHERE id IN (:ids) AND claimed_by = :claimer "
					+ "AND status = 'SENDING'")
			.param("until", until.toEpochMilli())
			.param("ids", ids)
			.param("claimer", claimer)
			.update();
		return new java.util.HashSet<>(this.jdbc
			.sql("SELECT id FROM notification WHERE id IN (:ids) AND claimed_by = :claimer AND status = 'SENDING'")
			.param("ids", ids)
			.param("claimer", claimer)
			.query(Long.class)
			.list());
	}

	/**
	 * Forgets the values (and files) of a sent notification that must not be kept (a
	 * password reset link): nothing of it can be read from the database or a backup
	 * afterwards.
	 */
	void forgetValues(long id) {
		this.jdbc.sql("UPDATE notification SET payload = '{}' WHERE id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM notification_attachment WHERE notification_id = ?").param(id).update();
	}

	/**
	 * Forgets the template values and files of every notification about a conversation
	 * (it was anonymised), and suppresses those not sent yet.
	 * @return how many rows it changed
	 */
	int forgetConversation(long conversationId, String reason) {
		this.jdbc
			.sql("UPDATE notification SET status = 'SUPPRESSED', last_error = ? "
					+ "WHERE conversation_id = ? AND status = 'PENDING'")
			.params(reason, conversationId)
			.update();
		this.jdbc
			.sql("DELETE FROM notification_attachment WHERE notification_id IN "
					+ "(SELECT id FROM notification WHERE conversation_id = ?)")
			.param(conversationId)
			.update();
		return this.jdbc.sql("UPDATE notification SET payload = '{}' WHERE conversation_id = ?")
			.param(conversationId)
			.update();
	}

	/** Records a delivery, unless another node took the row over meanwhile. */
	boolean markSent(long id, String claimer, String providerMessageId, String messageId, Instant at) {
		return this.jdbc
			.sql("UPDATE notification SET status = 'SENT', sent_at = ?, provider_message_id = ?, "
					+ "message_id = ?, last_error = NULL, claimed_by = NULL, claimed_until = NULL "
					+ "WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
			.params(at.toEpochMilli(), providerMessageId, messageId, id, claimer)
			.update() == 1;
	}

	/** Puts the row back for another attempt at {@code next}. */
	void markRetry(long id, String claimer, String error, Instant next) {
		this.jdbc
			.sql("UPDATE notification SET status = 'PENDING', next_attempt_at = ?, last_error = ?, "
					+ "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
			.params(next.toEpochMilli(), truncate(error), id, claimer)
			.update();
	}

	/** Gives up on the row: refused for good, or out of attempts; or suppressed. */
	void markFinal(long id, String claimer, NotificationStatus status, String error) {
		this.jdbc
			.sql("UPDATE notification SET status = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL "
					+ "WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
			.params(status.name(), truncate(error), id, claimer)
			.update();
	}

	/**
	 * Makes a failed or suppressed notification due again now (an administrator's
	 * resend), with its attempts counted from zero.
	 * @return whether it was in a state that may be sent again
	 */
	boolean requeue(long id, Instant now) {
		return this.jdbc
			.sql("UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
					+ "last_error = NULL WHERE id = ? AND status IN ('FAILED', 'SUPPRESSED')")
			.params(now.toEpochMilli(), id)
			.update() == 1;
	}

	Optional<Notification> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * The Message-ID of the last e-mail sent to the recipient about the conversation, for
	 * In-Reply-To.
	 */
	Optional<String> lastMessageId(long conversationId, String recipient) {
		return this.jdbc
			.sql("SELECT message_id FROM notification WHERE conversation_id = ? AND recipient_index = ? "
					+ "AND status = 'SENT' AND message_id IS NOT NULL ORDER BY sent_at DESC, id DESC LIMIT 1")
			.params(conversationId, recipientIndex(recipient))
			.query(String.class)
			.optional();
	}

	/**
	 * The Message-ID of the last e-mail sent to the recipient in another module's thread
	 * (e.g. t42), for In-Reply-To.
	 */
	Optional<String> lastMessageIdInThread(String thread, String recipient) {
		return this.jdbc
			.sql("SELECT message_id FROM notification WHERE thread = ? AND recipient_index = ? "
					+ "AND status = 'SENT' AND message_id IS NOT NULL ORDER BY sent_at DESC, id DESC LIMIT 1")
			.params(thread, recipientIndex(recipient))
			.query(String.class)
			.optional();
	}

	/** How many notifications wait to be sent (pending or being sent). */
	long backlog() {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE status IN ('PENDING', 'SENDING')")
			.query(Long.class)
			.single();
	}

	/** Seconds since the oldest notification still to send was queued, 0 when none is. */
	double oldestAge(java.time.Clock clock) {
		Long oldest = this.jdbc.sql("SELECT MIN(created_at) FROM notification WHERE status IN ('PENDING', 'SENDING')")
			.query(Long.class)
			.optional()
			.orElse(null);
		return (oldest != null) ? Math.max(0, (clock.millis() - oldest) / 1000.0) : 0;
	}

	static String truncate(String error) {
		if (error == null) {
			return null;
		}
		return (error.length() > 1000) ? error.substring(0, 997) + "..." : error;
	}

	/**
	 * The blind index of a recipient (e-mail addresses compare without case).
	 */
	String recipientIndex(String recipient) {
		return this.personal.index(RECIPIENT, recipient.strip().toLowerCase(Locale.ROOT));
	}

	/** A row of {@link #COLUMNS}, opened. */
	Notification map(ResultSet rs, int row) throws SQLException {
		long next = rs.getLong(13);
		long sent = rs.getLong(18);
		Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
		String sealed = rs.getString(4);
		// rows of the release before 19.4 that the migration has not sealed yet
		String recipient = (sealed != null) ? this.personal.open(sealed) : rs.getString(19);
		String payload = rs.getString(9);
		return new Notification(rs.getLong(1), rs.getString(2), NotificationChannel.of(rs.getString(3)), recipient,
				Audience.of(rs.getString(5)), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
				(payload != null && payload.startsWith("pd1:")) ? this.personal.open(payload) : payload,
				(Long) rs.getObject(10, Long.class), NotificationStatus.of(rs.getString(11)), rs.getInt(12),
				Instant.ofEpochMilli(next), rs.getString(14), rs.getString(15), rs.getString(16),
				Instant.ofEpochMilli(rs.getLong(17)), sentAt, rs.getString(20));
	}

}
