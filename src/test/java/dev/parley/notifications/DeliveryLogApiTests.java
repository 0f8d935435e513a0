package dev.parley.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery log's filters and keyset paging, its refusal of bad filters, and who may
 * use the notification APIs at all: nobody signed in gets 401, an agent 403, the support
 * role (which has notification.manage) 200, on every endpoint.
 */
class DeliveryLogApiTests extends IntegrationTest {

	private static MailServer mail;

	@Autowired
	private Notifications notifications;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private MailAccountRepository accounts;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void noMailAccount() {
		this.accounts.save(MailAccount.none(), "test");
	}

	/** A notification stored while e-mail is not set up: suppressed at once. */
	private long suppressed(String template, Audience audience, String to) {
		NotificationRequest request = new NotificationRequest(unique("log"), NotificationChannel.EMAIL, to, audience,
				null, template, "en", Map.of("name", "Li"), null, null);
		return this.transactions.execute((tx) -> this.notifications.enqueue(request)).orElseThrow();
	}

	@Test
	void theLogIsFilteredAndPagedNewestFirst() {
		String tag = unique("paged").toLowerCase();
		String to = tag + "@example.com";
		long first = suppressed("message-left-ack", Audience.CUSTOMER, to);
		long second = suppressed("mention", Audience.STAFF, to);
		long third = suppressed("message-left-ack", Audience.CUSTOMER, to);
		long other = suppressed("message-left-ack", Audience.CUSTOMER, tag + "-other@example.com");
		ApiClient admin = admin();

		JsonNode page = admin.get("/api/v1/notifications?limit=2&recipient=" + to.toUpperCase()).json();
		assertThat(ids(page)).as("the whole address, in any case").containsExactly(third, second);
		assertThat(page.path("nextCursor").asLong()).isEqualTo(second);
		JsonNode entry = page.path("items").get(0);
		assertThat(entry.path("status").asString()).isEqualTo("suppressed");
		assertThat(entry.path("channel").asString()).isEqualTo("email");
		assertThat(entry.path("template").asString()).isEqualTo("message-left-ack");
		assertThat(entry.path("recipient").asString()).isEqualTo(to);
		assertThat(entry.path("lastError").asString()).isNotBlank();
		assertThat(entry.has("values")).as("values stay on the server").isFalse();

		JsonNode next = admin.get("/api/v1/notifications?limit=2&recipient=" + to + "&cursor=" + second).json();
		assertThat(ids(next)).containsExactly(first);
		assertThat(next.path("nextCursor").isNull()).isTrue();

		assertThat(ids(admin.get("/api/v1/notifications?template=mention&recipient=" + to).json()))
			.containsExactly(second);
		assertThat(ids(admin.get("/api/v1/notifications?status=suppressed&channel=email&recipient=" + to).json()))
			.containsExactly(third, second, first);
		assertThat(ids(admin.get("/api/v1/notifications?status=sent&recipient=" + to).json())).isEmpty();
		assertThat(ids(admin.get("/api/v1/notifications?channel=sms&recipient=" + to).json())).isEmpty();
		assertThat(ids(admin.get("/api/v1/notifications?status=&channel=&template=&recipient=" + to).json()))
			.as("empty filters are no filters")
			.hasSize(3);
		assertThat(ids(admin.get("/api/v1/notifications?recipient=" + tag).json()))
			.as("recipients are stored sealed: a part of an address finds nothing")
			.isEmpty();
		assertThat(ids(admin.get("/api/v1/notifications?recipient=" + tag + "-other@example.com").json()))
			.containsExactly(other);
		assertThat(admin.get("/api/v1/notifications/" + first).json().path("recipient").asString()).isEqualTo(to);
	}

	@Test
	void badFiltersAreRefusedWithTheirField() {
		ApiClient admin = admin();
		Map<String, String> bad = Map.of("status=lost", "status", "channel=fax", "channel", "limit=0", "limit",
				"limit=201", "limit", "recipient=" + "r".repeat(255), "recipient", "template=" + "t".repeat(65),
				"template");
		for (Map.Entry<String, String> query : bad.entrySet()) {
			ApiClient.Response refused = admin.get("/api/v1/notifications?" + query.getKey());
			assertThat(refused.status()).as(query.getKey()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("validation_failed");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(query.getValue());
		}
		for (String query : new String[] { "cursor=x", "limit=many", "conversationId=x" }) {
			ApiClient.Response refused = admin.get("/api/v1/notifications?" + query);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.header("Content-Type")).contains("json");
		}
		assertThat(admin.get("/api/v1/notifications/999999999").status()).isEqualTo(404);
		assertThat(admin.post("/api/v1/notifications/999999999/resend", Map.of()).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/notifications/abc").status()).isEqualTo(400);
	}

	/** Every endpoint of the notification APIs, with a body that succeeds. */
	private List<Object[]> endpoints(long resendable) {
		Map<String, Object> texts = Map.of("subject", "Hi {{name}}", "html", "<p>Hi {{name}}</p>", "text", "Hi");
		Map<String, Object> account = new HashMap<>(mail.account("support@acme.test"));
		List<Object[]> endpoints = new ArrayList<>();
		endpoints.add(new Object[] { "GET", "/api/v1/mail-account", null });
		endpoints.add(new Object[] { "PUT", "/api/v1/mail-account", account });
		endpoints.add(new Object[] { "POST", "/api/v1/mail-account/test", Map.of("to", "ops@example.com") });
		endpoints.add(new Object[] { "GET", "/api/v1/notification-templates", null });
		endpoints.add(new Object[] { "GET", "/api/v1/notification-templates/mention/en", null });
		endpoints.add(new Object[] { "PUT", "/api/v1/notification-templates/mention/en", texts });
		endpoints.add(new Object[] { "POST", "/api/v1/notification-templates/mention/en/preview", texts });
		endpoints.add(new Object[] { "DELETE", "/api/v1/notification-templates/mention/en", null });
		endpoints.add(new Object[] { "GET", "/api/v1/notifications", null });
		endpoints.add(new Object[] { "GET", "/api/v1/notifications/" + resendable, null });
		endpoints.add(new Object[] { "POST", "/api/v1/notifications/" + resendable + "/resend", Map.of() });
		return endpoints;
	}

	@Test
	void onlyStaffWithNotificationManageUseTheNotificationApis() {
		long resendable = suppressed("message-left-ack", Audience.CUSTOMER, unique("perm") + "@example.com");
		ApiClient nobody = client();
		nobody.get("/api/v1/session");
		ApiClient agent = signedInAs("agent");
		ApiClient support = signedInAs("support");
		for (Object[] endpoint : endpoints(resendable)) {
			String what = endpoint[0] + " " + endpoint[1];
			ApiClient.Response anonymous = nobody.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null);
			assertThat(anonymous.status()).as("nobody: " + what).isEqualTo(401);
			assertThat(anonymous.code()).isEqualTo("unauthenticated");
			ApiClient.Response refused = agent.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null);
			assertThat(refused.status()).as("agent: " + what).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("forbidden");
		}
		assertThat(mail.messagesTo("ops@example.com")).as("nothing sent for the refused").isEmpty();
		for (Object[] endpoint : endpoints(resendable)) {
			ApiClient.Response allowed = support.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null);
			assertThat(allowed.status()).as("support: " + endpoint[0] + " " + endpoint[1] + " -> " + allowed)
				.isEqualTo(200);
		}
		assertThat(mail.awaitMessagesTo("ops@example.com", 1)).hasSize(1);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

}
