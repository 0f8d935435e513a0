package dev.parley.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.MailServer;
import dev.parley.testing.ServerProcess;
import dev.parley.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never lost, never sent twice" across a crash: a real Parley process on its H2 file
 * database stores the acknowledgement of a left message and starts sending it to an SMTP
 * server that does not answer; it is killed (SIGKILL) in the middle of that, the mail
 * server comes back, Parley starts again, and the visitor gets the e-mail exactly once.
 */
@Timeout(300)
class NotificationCrashProcessTests {

	@TempDir
	Path dataDir;

	@Test
	void aNotificationBeingSentWhenTheProcessIsKilledIsDeliveredOnceAfterTheRestart() {
		try (MailServer mail = MailServer.onFreePorts();
				TcpProxy smtp = new TcpProxy("127.0.0.1", mail.smtpPort());
				ServerProcess server = ServerProcess.start(this.dataDir.resolve("parley"),
						"--parley.notifications.claim-duration=5s", "--parley.notifications.poll-interval=1s")) {
			ApiClient admin = server.admin();
			Map<String, Object> account = new java.util.HashMap<>(mail.account("help@acme.test"));
			account.put("smtpPort", smtp.port());
			assertThat(admin.put("/api/v1/mail-account", account).status()).isEqualTo(200);
			smtp.hang();

			String key = admin
				.post("/api/v1/channels", Map.of("kind", "website", "name", "Crash", "allowedOrigins", List.of("*")))
				.json()
				.path("key")
				.asString();
			String token = new ApiClient(server.port()).post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
				.json()
				.path("token")
				.asString();
			ApiClient.Response left = new ApiClient(server.port()).withHeader("X-Parley-Visitor", token)
				.post("/api/v1/widget/messages",
						Map.of("clientId", "left-1", "email", "crash@example.com", "text", "Call me back"));
			assertThat(left.status()).as(left.toString()).isEqualTo(201);
			Eventually.until(() -> "the acknowledgement being sent:\n" + server.log(),
					() -> "sending".equals(entry(server.admin()).path("status").asString()), Duration.ofSeconds(30));

			server.kill();
			smtp.restore();
			server.restart();

			assertThat(mail.awaitMessagesTo("crash@example.com", 1)).hasSize(1);
			Eventually.until(() -> "recorded as sent: " + entry(server.admin()),
					() -> "sent".equals(entry(server.admin()).path("status").asString()), Duration.ofSeconds(30));
			JsonNode sent = entry(server.admin());
			assertThat(sent.path("attempts").asInt()).as("the killed attempt and the one after").isEqualTo(2);
			assertThat(mail.messagesTo("crash@example.com")).hasSize(1);
		}
	}

	private static JsonNode entry(ApiClient admin) {
		JsonNode items = admin.get("/api/v1/notifications?recipient=crash@example.com").json().path("items");
		return items.isEmpty() ? items : items.get(0);
	}

}
