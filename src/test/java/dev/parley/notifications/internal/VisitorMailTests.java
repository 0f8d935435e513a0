package dev.parley.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatMessages;
import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What visitors get by e-mail: the acknowledgement of a message they left, in their
 * language; the agent's answers they have not read, threaded; an agent's follow-up after
 * the conversation closed; and the transcript they asked for.
 */
class VisitorMailTests extends MailServerTest {

	@Override
	String fromAddress() {
		return "help@acme.test";
	}

	@Autowired
	NotificationRepository notificationRows;

	@Autowired
	private ReplyMailer replies;

	@Autowired
	private ChatMessages chat;

	@Autowired
	private JdbcClient jdbc;

	record Visitor(ApiClient api, long conversationId, String email) {
	}

	private String channelKey() {
		ApiClient.Response channel = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

	private ApiClient arrive(String language) {
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + channelKey() + "/visitors",
				Map.of("name", "Li Lei", "language", language));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
	}

	private Visitor leaveMessage(String language, String text) {
		ApiClient api = arrive(language);
		String email = unique("li") + "@example.com";
		ApiClient.Response left = api.post("/api/v1/widget/messages",
				Map.of("clientId", "left-1", "email", email, "text", text));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		return new Visitor(api, left.json().path("id").asLong(), email);
	}

	private void reply(ApiClient agent, long conversationId, String clientId, String text) {
		ApiClient.Response sent = agent.post("/api/v1/conversations/" + conversationId + "/messages",
				Map.of("clientId", clientId, "text", text));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
	}

	@Test
	void aVisitorWhoLeftAMessageGetsAnAcknowledgementAndTheAnswersInHisLanguage() throws Exception {
		Visitor visitor = leaveMessage("zh-CN", "蓝色款能寄到杭州吗？");
		MimeMessage ack = mail.awaitMessagesTo(visitor.email(), 1).get(0);
		assertThat(ack.getSubject()).isEqualTo("我们已收到您的留言 - Acme Support");
		assertThat(MailServer.part(ack, "text/plain")).contains("蓝色款能寄到杭州吗？");
		assertThat(ack.getHeader("Reply-To")[0])
			.matches("help\\+c" + visitor.conversationId() + "\\.[a-z2-7]{16}@acme\\.test");

		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/conversations/" + visitor.conversationId() + "/assign", Map.of()).status())
			.isEqualTo(200);
		reply(admin, visitor.conversationId(), "a-1", "可以，两天内送达。");
		reply(admin, visitor.conversationId(), "a-2", "还有其他问题吗？");
		assertThat(this.replies.scan()).isEqualTo(1);
		MimeMessage answer = mail.awaitMessagesTo(visitor.email(), 2).get(1);
		assertThat(answer.getSubject()).endsWith("回复了您 - Acme Support");
		assertThat(MailServer.part(answer, "text/plain")).contains("可以，两天内送达。").contains("还有其他问题吗？");
		assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(ack.getHeader("Message-ID")[0]);

		assertThat(this.replies.scan()).as("nothing new").isZero();
		reply(admin, visitor.conversationId(), "a-3", "订单号是 42。");
		assertThat(this.replies.scan()).isEqualTo(1);
		MimeMessage third = mail.awaitMessagesTo(visitor.email(), 3).get(2);
		assertThat(MailServer.part(third, "text/plain")).contains("订单号是 42。").doesNotContain("还有其他问题吗？");
	}

	@Test
	void aVisitorWhoGaveOnlyAPhoneNumberGetsTheAcknowledgementBySmsThroughTheGateway() throws Exception {
		try (FakeGateway gateway = new FakeGateway()) {
			gateway.answer(200, "{\"sid\":\"SM42\"}");
			Map<String, Object> form = new java.util.HashMap<>();
			form.put("enabled", true);
			form.put("url", gateway.base() + "/sms");
			form.put("method", "POST");
			form.put("contentType", "json");
			form.put("bodyTemplate", "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}");
			form.put("messageIdPointer", "/sid");
			form.put("allowPrivateNetwork", true);
			assertThat(admin().put("/api/v1/sms-gateway", form).status()).isEqualTo(200);
			try {
				ApiClient api = arrive("zh-CN");
				ApiClient.Response left = api.post("/api/v1/widget/messages",
						Map.of("clientId", "left-1", "phone", "+86 138 0000 0000", "text", "请回电"));
				assertThat(left.status()).as(left.toString()).isEqualTo(201);
				dev.parley.testing.Eventually.until("the SMS reached the gateway", () -> !gateway.received().isEmpty());
				assertThat(gateway.last().body()).contains("+86 138 0000 0000").contains("请回电").doesNotContain("退订");
				dev.parley.testing.Eventually.until("recorded as sent", () -> this.jdbc
					.sql("SELECT COUNT(*) FROM notification WHERE channel = 'SMS' AND provider_message_id = 'SM42' "
							+ "AND status = 'SENT'")
					.query(Integer.class)
					.single() == 1);
			}
			finally {
				admin().put("/api/v1/sms-gateway", Map.of("enabled", false));
			}
		}
	}

	@Test
	void aVisitorInTheChatGetsByMailOnlyWhatHeHasNotReadAfterTheDelay() throws Exception {
		ApiClient visitor = arrive("en");
		String email = unique("ann") + "@example.com";
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations",
				Map.of("question", "Is it in stock?", "email", email));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long id = started.json().path("id").asLong();
		ApiClient admin = admin();
		admin.post("/api/v1/conversations/" + id + "/assign", Map.of());
		reply(admin, id, "r-1", "Yes, it is.");
		assertThat(this.replies.scan()).as("he may still read it in the chat").isZero();

		reply(admin, id, "r-2", "Anything else?");
		JsonNode lines = admin.get("/api/v1/conversations/" + id + "/messages?after=0&limit=50").json().path("items");
		long lastSeq = lines.get(lines.size() - 1).path("seq").asLong();
		this.chat.markRead(id, Side.VISITOR, lastSeq - 1);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.replies.scan()).isEqualTo(1);
		MimeMessage message = mail.awaitMessagesTo(email, 1).get(0);
		assertThat(message.getSubject()).isEqualTo("Ada Admin answered you - Acme Support");
		assertThat(MailServer.part(message, "text/plain")).contains("Anything else?").doesNotContain("Yes, it is.");
	}

	@Test
	void anAgentFollowsUpAfterTheConversationClosedOnlyWhenTheVisitorCanBeReached() throws Exception {
		Visitor visitor = leaveMessage("en", "Please call me back");
		mail.awaitMessagesTo(visitor.email(), 1);
		ApiClient admin = admin();
		String path = "/api/v1/conversations/" + visitor.conversationId();
		admin.post(path + "/assign", Map.of());
		assertThat(admin.post(path + "/close", Map.of()).status()).isEqualTo(200);
		reply(admin, visitor.conversationId(), "f-1", "We found your parcel.");
		assertThat(admin.get(path).json().path("status").asString()).isEqualTo("closed");
		assertThat(this.replies.scan()).isEqualTo(1);
		MimeMessage followUp = mail.awaitMessagesTo(visitor.email(), 2).get(1);
		assertThat(MailServer.part(followUp, "text/plain")).contains("We found your parcel.");

		ApiClient anonymous = arrive("en");
		ApiClient.Response started = anonymous.post("/api/v1/widget/conversations", Map.of("question", "hi"));
		long id = started.json().path("id").asLong();
		admin.post("/api/v1/conversations/" + id + "/assign", Map.of());
		admin.post("/api/v1/conversations/" + id + "/close", Map.of());
		ApiClient.Response refused = admin.post("/api/v1/conversations/" + id + "/messages",
				Map.of("clientId", "f-2", "text", "Hello?"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("conversation_closed");
	}

	@Test
	void aVisitorGetsTheTranscriptHeAskedForWhenTheConversationCloses() throws Exception {
		ApiClient visitor = arrive("en");
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations",
				Map.of("question", "Is it <b>in stock</b>?"));
		long id = started.json().path("id").asLong();
		String path = "/api/v1/widget/conversations/" + id + "/transcript-request";
		assertThat(visitor.post(path, Map.of("email", "not-an-address")).code()).isEqualTo("validation_failed");
		assertThat(visitor.post(path, Map.of()).status()).isEqualTo(400);
		assertThat(arrive("en").post(path, Map.of("email", "x@example.com")).status()).isEqualTo(404);
		assertThat(client().post(path, Map.of("email", "x@example.com")).status()).isEqualTo(401);
		String email = unique("bob") + "@example.com";
		assertThat(visitor.post(path, Map.of("email", email)).status()).isEqualTo(204);

		ApiClient admin = admin();
		admin.post("/api/v1/conversations/" + id + "/assign", Map.of());
		reply(admin, id, "t-1", "Yes, it is.");
		assertThat(visitor.post("/api/v1/widget/conversations/" + id + "/close", Map.of()).status()).isEqualTo(204);
		MimeMessage transcript = mail.awaitMessagesTo(email, 1).get(0);
		assertThat(transcript.getSubject()).isEqualTo("Your conversation with Acme Support");
		String html = MailServer.part(transcript, "text/html");
		assertThat(html).contains("Is it &lt;b&gt;in stock&lt;/b&gt;?").contains("Ada Admin").contains("Yes, it is.");

		assertThat(visitor.post(path, Map.of("email", email)).status()).isEqualTo(204);
		eventsHandled();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_index = ?")
			.param(this.notificationRows.recipientIndex(email))
			.query(Integer.class)
			.single()).as("one transcript per closing").isEqualTo(1);
	}

}
