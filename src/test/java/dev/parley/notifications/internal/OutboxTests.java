package dev.parley.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server: stored in the caller's transaction, sent once,
 * retried while the server is away, suppressed for a reason, and listed in the delivery
 * log.
 */
class OutboxTests extends MailServerTest {

	@Autowired
	private Notifications notifications;

	@Autowired
	private OutboxWorker worker;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	private Optional<Long> enqueue(NotificationRequest request) {
		return this.transactions.execute((tx) -> this.notifications.enqueue(request));
	}

	private static NotificationRequest ack(String key, String to, Map<String, Object> values) {
		return NotificationRequest.emailToCustomer(key, to, "message-left-ack", "zh-CN", values, null);
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM notification WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void anEMailIsSentOnceWithItsHeadersAndEscapedValues() throws Exception {
		String to = unique("li") + "@example.com";
		String key = unique("left");
		Map<String, Object> values = Map.of("name", "<script>alert(1)</script>", "text",
				"Bcc: victim@example.com\r\nSubject: forged", "replyToken", "c42.abcdefghijklmnop");
		long id = enqueue(ack(key, to, values)).orElseThrow();
		assertThat(enqueue(ack(key, to, values))).as("the same key again").isEmpty();

		MimeMessage message = mail.awaitMessagesTo(to, 1).get(0);
		assertThat(message.getSubject()).isEqualTo("我们已收到您的留言 - Acme Support");
		assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(message.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/unsubscribe/");
		assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("Message-ID")[0]).startsWith("<parley.c42.abcdefghijklmnop.n" + id + ".")
			.endsWith("@acme.test>");
		assertThat(message.getHeader("Reply-To")[0]).isEqualTo("support+c42.abcdefghijklmnop@acme.test");
		assertThat(message.getHeader("Bcc")).as("no header from a value").isNull();
		assertThat(MailServer.part(message, "text/html")).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(MailServer.part(message, "text/plain")).contains("<script>alert(1)</script>")
			.contains("Bcc: victim@example.com");

		Eventually("sent", () -> "SENT".equals(status(id)));
		assertThat(this.worker.drain()).isZero();
		assertThat(mail.messagesTo(to)).hasSize(1);
	}

	@Test
	void aPasswordResetLinkIsForgottenOnceSentAndNeverSentAgain() throws Exception {
		String to = unique("staff") + "@example.com";
		long id = enqueue(new NotificationRequest(unique("reset"), NotificationChannel.EMAIL, to, Audience.STAFF, 7L,
				"staff-password-reset", "en", Map.of("name", "Wang", "link",
						"http://localhost:8080/console/reset-password#token=SECRET-TOKEN", "expiresInMinutes", 30),
				null, null))
			.orElseThrow();
		assertThat(MailServer.part(mail.awaitMessagesTo(to, 1).get(0), "text/plain")).contains("SECRET-TOKEN");
		Eventually("sent", () -> "SENT".equals(status(id)));
		assertThat(
				this.jdbc.sql("SELECT payload FROM notification WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("{}");
		this.jdbc.sql("UPDATE notification SET status = 'FAILED' WHERE id = ?").param(id).update();
		assertThat(admin().post("/api/v1/notifications/" + id + "/resend", Map.of()).code())
			.isEqualTo("not_resendable");
	}

	@Autowired
	private NotificationRetention retention;

	@Test
	void notificationsThatAreDoneAreForgottenAfterTheRetention() {
		String to = unique("old") + "@example.com";
		long done = enqueue(ack(unique("left"), to, Map.of())).orElseThrow();
		mail.awaitMessagesTo(to, 1);
		Eventually("sent", () -> "SENT".equals(status(done)));
		this.jdbc.sql("UPDATE notification SET created_at = ? WHERE id = ?")
			.params(this.clock.instant().minus(Duration.ofDays(91)).toEpochMilli(), done)
			.update();
		assertThat(this.retention.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = ?")
			.param(done)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void threadedEMailsBeyondThePoolSizeAllGoOut() {
		// each e-mail about a conversation reads the thread's previous Message-ID: more
		// of
		// them than the connection pool holds must not use it up
		List<String> recipients = new java.util.ArrayList<>();
		for (int i = 0; i < 15; i++) {
			String to = unique("thread") + "@example.com";
			recipients.add(to);
			enqueue(NotificationRequest.emailToCustomer(unique("left"), to, "message-left-ack", "en", Map.of(),
					1000L + i));
		}
		recipients.forEach((to) -> mail.awaitMessagesTo(to, 1));
		assertThat(admin().get("/api/v1/notifications?limit=1").status()).isEqualTo(200);
	}

	@Test
	void aMailServerThatIsAwayGetsTheMessageOnceWhenItIsBack() {
		String to = unique("away") + "@example.com";
		mail.stop();
		long id;
		try {
			id = enqueue(ack(unique("left"), to, Map.of("text", "hello"))).orElseThrow();
			Eventually("tried once",
					() -> this.jdbc.sql("SELECT attempts FROM notification WHERE id = ? AND status = 'PENDING'")
						.param(id)
						.query(Integer.class)
						.optional()
						.orElse(0) == 1);
			JsonNode entry = admin().get("/api/v1/notifications/" + id).json();
			assertThat(entry.path("lastError").asString()).startsWith("SMTP");
			assertThat(this.worker.drain()).as("not due before its backoff").isZero();
		}
		finally {
			mail.start();
		}
		this.clock.advance(Duration.ofMinutes(1));
		this.worker.drain();
		assertThat(mail.awaitMessagesTo(to, 1)).hasSize(1);
		assertThat(status(id)).isEqualTo("SENT");
		this.clock.advance(Duration.ofHours(2));
		this.worker.drain();
		assertThat(mail.messagesTo(to)).hasSize(1);
	}

	@Test
	void whatCannotBeSentIsSuppressedWithItsReasonAndMayBeSentAgain() {
		this.accounts.save(MailAccount.none(), "test");
		String to = unique("later") + "@example.com";
		long id = enqueue(ack(unique("left"), to, Map.of("text", "hi"))).orElseThrow();
		JsonNode entry = admin().get("/api/v1/notifications/" + id).json();
		assertThat(entry.path("status").asString()).isEqualTo("suppressed");
		assertThat(entry.path("lastError").asString()).isEqualTo("E-mail is not set up");
		sendThroughTheMailServer();
		assertThat(admin().post("/api/v1/notifications/" + id + "/resend", Map.of()).status()).isEqualTo(200);
		assertThat(mail.awaitMessagesTo(to, 1)).hasSize(1);
		ApiClient.Response again = admin().post("/api/v1/notifications/" + id + "/resend", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("not_resendable");

		long bad = enqueue(ack(unique("left"), "not an address", Map.of())).orElseThrow();
		assertThat(status(bad)).isEqualTo("SUPPRESSED");
	}

	@Test
	void anUnsubscribedCustomerGetsNothingMore() {
		String to = unique("bye") + "@example.com";
		enqueue(ack(unique("left"), to, Map.of("text", "first")));
		MimeMessage first = mail.awaitMessagesTo(to, 1).get(0);
		String link = header(first, "List-Unsubscribe").replaceAll("[<>]", "");
		String path = link.substring(link.indexOf("/unsubscribe/"));

		ApiClient visitor = client();
		ApiClient.Response page = visitor.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(to).contains("<form method=\"post\">");
		assertThat(visitor.withoutCsrf()
			.sendRaw("POST", path, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
			.status()).isEqualTo(200);
		assertThat(visitor.get("/unsubscribe/" + "x" + path.substring(13)).status()).isEqualTo(404);
		assertThat(visitor.get("/unsubscribe/bm9ib2R5QGV4YW1wbGUuY29t.forged").status()).isEqualTo(404);

		long id = enqueue(ack(unique("left"), to.toUpperCase(), Map.of("text", "second"))).orElseThrow();
		assertThat(status(id)).isEqualTo("SUPPRESSED");
		assertThat(mail.messagesTo(to)).hasSize(1);
	}

	@Test
	void aRecipientGetsAtMostTheLimitOfOneKindPerHour() {
		String to = unique("busy") + "@example.com";
		assertThat(admin().put("/api/v1/settings", Map.of(Outbox.MAX_PER_TEMPLATE, "2")).status()).isEqualTo(200);
		try {
			List<Long> ids = List.of(enqueue(ack(unique("l"), to, Map.of())).orElseThrow(),
					enqueue(ack(unique("l"), to, Map.of())).orElseThrow(),
					enqueue(ack(unique("l"), to, Map.of())).orElseThrow());
			assertThat(status(ids.get(2))).isEqualTo("SUPPRESSED");
			assertThat(mail.awaitMessagesTo(to, 2)).hasSize(2);
		}
		finally {
			admin().put("/api/v1/settings", Map.of(Outbox.MAX_PER_TEMPLATE, "10"));
		}
	}

	@Test
	void afterItsLastAttemptANotificationFails() {
		assertThat(admin().put("/api/v1/settings", Map.of(Outbox.MAX_ATTEMPTS, "2")).status()).isEqualTo(200);
		String to = unique("never") + "@example.com";
		mail.stop();
		try {
			long id = enqueue(ack(unique("left"), to, Map.of())).orElseThrow();
			Eventually("first attempt",
					() -> this.jdbc.sql("SELECT attempts FROM notification WHERE id = ? AND status = 'PENDING'")
						.param(id)
						.query(Integer.class)
						.optional()
						.orElse(0) == 1);
			this.clock.advance(Duration.ofMinutes(2));
			this.worker.drain();
			assertThat(status(id)).isEqualTo("FAILED");
		}
		finally {
			mail.start();
			admin().put("/api/v1/settings", Map.of(Outbox.MAX_ATTEMPTS, "10"));
		}
	}

	@Test
	void onlyAdministratorsOfNotificationsSeeTheLogAndBadFiltersAreRefused() {
		assertThat(client().get("/api/v1/notifications").status()).isEqualTo(401);
		assertThat(signedInAs("agent").get("/api/v1/notifications").status()).isEqualTo(403);
		assertThat(signedInAs("agent").get("/api/v1/mail-account").status()).isEqualTo(403);
		assertThat(signedInAs("support").get("/api/v1/notifications").status()).isEqualTo(200);
		ApiClient admin = admin();
		assertThat(admin.get("/api/v1/notifications?status=lost").code()).isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/notifications?limit=0").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/notifications?cursor=x").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/notifications/999999999").status()).isEqualTo(404);

		String to = unique("listed") + "@example.com";
		long id = enqueue(ack(unique("left"), to, Map.of())).orElseThrow();
		JsonNode page = admin.get("/api/v1/notifications?channel=email&recipient=" + to).json();
		assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(id);
		assertThat(page.path("items").get(0).has("payload")).isFalse();
	}

	private static void Eventually(String what, java.util.function.BooleanSupplier condition) {
		dev.parley.testing.Eventually.until(what, condition);
	}

	private static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name)[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	static NotificationRequest staffMail(String key, String to) {
		return new NotificationRequest(key, NotificationChannel.EMAIL, to, Audience.STAFF, null, "test-message", "en",
				Map.of(), null, null);
	}

}
