package dev.parley.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;
import dev.parley.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The delivery log: every notification, newest first, filtered; and resending. */
@Service
public class DeliveryLog {

	private final JdbcClient jdbc;

	private final NotificationRepository repository;

	private final OutboxWorker worker;

	private final AuditLog audit;

	private final Clock clock;

	DeliveryLog(JdbcClient jdbc, NotificationRepository repository, OutboxWorker worker, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.worker = worker;
		this.audit = audit;
		this.clock = clock;
	}

	/** What to list: each criterion null for any. */
	public record Filter(NotificationStatus status, NotificationChannel channel, String template, String recipient,
			Long conversationId) {
	}

	/** One page, and the cursor of the next (null at the end). */
	public record Page(List<Notification> items, Long nextCursor) {
	}

	public Page page(Filter filter, Long before, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + NotificationRepository.COLUMNS + " FROM notification WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (before != null) {
			sql.append(" AND id < ?");
			params.add(before);
		}
		if (filter.status() != null) {
			sql.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.channel() != null) {
			sql.append(" AND channel = ?");
			params.add(filter.channel().name());
		}
		if (filter.template() != null) {
			sql.append(" AND template = ?");
			params.add(filter.template());
		}
		if (filter.recipient() != null) {
			// recipients are sealed: found by the whole address or number only
			sql.append(" AND recipient_index = ?");
			params.add(this.repository.recipientIndex(filter.recipient()));
		}
		if (filter.conversationId() != null) {
			sql.append(" AND conversation_id = ?");
			params.add(filter.conversationId());
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit + 1);
		List<Notification> rows = this.jdbc.sql(sql.toString()).params(params).query(this.repository::map).list();
		boolean more = rows.size() > limit;
		List<Notification> items = more ? rows.subList(0, limit) : rows;
		return new Page(items, more ? items.get(items.size() - 1).id() : null);
	}

	public Notification get(long id) {
		return this.repository.find(id).orElseThrow(() -> ApiException.notFound("Notification"));
	}

	/**
	 * Sends a failed or suppressed notification again (once more through the outbox, with
	 * fresh attempts). A sent or pending one is not sent twice.
	 */
	public Notification resend(long id, String actor) {
		Notification notification = get(id);
		boolean secret = TemplateKey.of(notification.template()).map(TemplateKey::secret).orElse(false);
		if (secret || !this.repository.requeue(id, this.clock.instant())) {
			throw ApiException.conflict("not_resendable", "Only a failed or suppressed notification can be sent again");
		}
		this.audit.record(actor, "notification.resent", notification.template() + " #" + id, AuditResult.SUCCESS, null);
		this.worker.wake();
		return get(id);
	}

}
