package dev.parley.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import dev.parley.notifications.MailAttachment;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.testing.Eventually;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files sent with an e-mail: stored sealed with the notification, attached with their
 * name and type, kept for a resend, forgotten with the notification; never on a text
 * message, and never more than an e-mail may carry.
 */
class MailAttachmentTests extends MailServerTest {

	@Autowired
	private Notifications notifications;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aFileGoesWithItsEMailAndStaysForAResend() {
		String to = unique("wang") + "@example.com";
		byte[] csv = "\uFEFFFigure,Value\r\nConversations,12\r\n".getBytes(StandardCharsets.UTF_8);
		long id = this.transactions.execute((tx) -> this.notifications.enqueue(OutboxTests.staffMail(unique("file"), to)
			.withAttachments(List
				.of(new MailAttachment("parley-overview-2026-12-01-2026-12-07.csv", "text/csv; charset=UTF-8", csv)))))
			.orElseThrow();
		assertThat(this.jdbc.sql("SELECT content FROM notification_attachment WHERE notification_id = ?")
			.param(id)
			.query(String.class)
			.single()).as("sealed at rest").startsWith("pd1:");

		MimeMessage message = mail.awaitMessagesTo(to, 1).get(0);
		List<MailServer.Attachment> files = MailServer.attachments(message);
		assertThat(files).hasSize(1);
		assertThat(files.get(0).fileName()).isEqualTo("parley-overview-2026-12-01-2026-12-07.csv");
		assertThat(files.get(0).contentType()).startsWith("text/csv");
		assertThat(files.get(0).content()).isEqualTo(csv);
		assertThat(MailServer.part(message, "text/plain")).as("the text is still there").isNotBlank();

		Eventually.until("sent", () -> "SENT".equals(
				this.jdbc.sql("SELECT status FROM notification WHERE id = ?").param(id).query(String.class).single()));
		this.jdbc.sql("UPDATE notification SET status = 'FAILED' WHERE id = ?").param(id).update();
		assertThat(admin().post("/api/v1/notifications/" + id + "/resend", Map.of()).status()).isLessThan(300);
		assertThat(MailServer.attachments(mail.awaitMessagesTo(to, 2).get(1)).get(0).content()).isEqualTo(csv);

		this.jdbc.sql("DELETE FROM notification WHERE id = ?").param(id).update();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification_attachment WHERE notification_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).as("forgotten with its notification").isZero();
	}

	@Test
	void onlyAnEMailCarriesFilesAndNotTooMany() {
		MailAttachment file = new MailAttachment("a.csv", "text/csv", new byte[] { 1 });
		assertThatThrownBy(() -> NotificationRequest
			.toStaff("k", NotificationChannel.SMS, "+8613800000000", 1L, "test-message", "en", Map.of(), null)
			.withAttachments(List.of(file))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboxTests.staffMail("k", "a@example.com")
			.withAttachments(List.of(file, file, file, file, file, file))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> OutboxTests.staffMail("k", "a@example.com")
					.withAttachments(List
						.of(new MailAttachment("big.csv", "text/csv", new byte[MailAttachment.MAX_TOTAL_BYTES + 1]))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MailAttachment("../etc/passwd", "text/plain", new byte[0]))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
