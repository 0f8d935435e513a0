package dev.parley.notifications.internal;

import java.util.Base64;
import java.util.List;

import dev.parley.notifications.MailAttachment;
import dev.parley.platform.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files of e-mails in the outbox: stored with their notification (in the same
 * transaction), sealed like its values, read when it is sent (and sent again), deleted
 * with it (a foreign key) or when its values are forgotten (NotificationRepository).
 */
@Repository
class NotificationAttachments {

	private final JdbcClient jdbc;

	private final PersonalData personal;

	NotificationAttachments(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	void store(long notificationId, List<MailAttachment> files) {
		for (int i = 0; i < files.size(); i++) {
			MailAttachment file = files.get(i);
			this.jdbc
				.sql("INSERT INTO notification_attachment (notification_id, seq, file_name, content_type, size_bytes, "
						+ "content) VALUES (?, ?, ?, ?, ?, ?)")
				.params(notificationId, i, file.fileName(), file.contentType(), file.content().length,
						this.personal.seal(Base64.getEncoder().encodeToString(file.content())))
				.update();
		}
	}

	List<MailAttachment> of(long notificationId) {
		return this.jdbc
			.sql("SELECT file_name, content_type, content FROM notification_attachment WHERE notification_id = ? "
					+ "ORDER BY seq")
			.param(notificationId)
			.query((rs, row) -> new MailAttachment(rs.getString(1), rs.getString(2),
					Base64.getDecoder().decode(this.personal.open(rs.getString(3)))))
			.list();
	}

}
