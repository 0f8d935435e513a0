package dev.parley.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff are told by e-mail: a message left in their group (members or supervisors,
 * by setting, and as each chose), a mention while they are away from the console, a
 * conversation transferred to them while away, and a conversation waiting too long with
 * nobody online (supervisors).
 */
class StaffMailTests extends MailServerTest {

	@Override
	String fromAddress() {
		return "help@acme.test";
	}

	@Autowired
	private WaitingAlerts waitingAlerts;

	@AfterEach
	void settingsAsTheyWere() {
		eventsHandled();
		admin().put("/api/v1/settings", Map.of(StaffMails.LEFT_MESSAGE_STAFF, "members", WaitingAlerts.MINUTES, "10"));
	}

	record Member(long id, String username, String email, ApiClient api) {
	}

	private Member member(String role) {
		String username = unique(role);
		long id = createUser(username, role).path("id").asLong();
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		return new Member(id, username, username + "@example.com", api);
	}

	/**
	 * A website channel answered by a group of these members; returns the channel key.
	 */
	private String channelOf(Member supervisor, Member... agents) {
		ApiClient admin = admin();
		ApiClient.Response channel = admin.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		List<Map<String, Object>> members = new java.util.ArrayList<>();
		members.add(Map.of("userId", supervisor.id(), "supervisor", true));
		for (Member agent : agents) {
			members.add(Map.of("userId", agent.id(), "supervisor", false));
		}
		ApiClient.Response group = admin.post("/api/v1/groups", Map.of("name", unique("Sales"), "routing", "least_busy",
				"members", members, "channelIds", List.of(channel.json().path("id").asLong())));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

	private ApiClient visitor(String key) {
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of("name", "Li Lei"))
			.json()
			.path("token")
			.asString();
		return client().withHeader("X-Parley-Visitor", token);
	}

	private long leaveMessage(String key, String text) {
		ApiClient.Response left = visitor(key).post("/api/v1/widget/messages",
				Map.of("clientId", "l-1", "email", unique("li") + "@example.com", "text", text));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		return left.json().path("id").asLong();
	}

	@Test
	void aMessageLeftInAGroupReachesItsMembersOrItsSupervisorsAsEachChose() throws Exception {
		Member supervisor = member("supervisor");
		Member agent = member("agent");
		Member quiet = member("agent");
		assertThat(quiet.api()
			.put("/api/v1/me/notification-preferences",
					Map.of("preferences",
							List.of(Map.of("event", "left_message", "channel", "email", "enabled", false))))
			.status()).isEqualTo(200);
		String key = channelOf(supervisor, agent, quiet);

		leaveMessage(key, "Please call me <back>");
		MimeMessage toAgent = mail.awaitMessagesTo(agent.email(), 1).get(0);
		assertThat(toAgent.getSubject()).startsWith("Li Lei left a message for Sales");
		assertThat(MailServer.part(toAgent, "text/plain")).contains("Please call me <back>")
			.contains("http://localhost:8080/console/inbox?conversation=");
		mail.awaitMessagesTo(supervisor.email(), 1);
		eventsHandled();
		assertThat(mail.messagesTo(quiet.email())).as("turned off").isEmpty();

		admin().put("/api/v1/settings", Map.of(StaffMails.LEFT_MESSAGE_STAFF, "supervisors"));
		leaveMessage(key, "Second");
		mail.awaitMessagesTo(supervisor.email(), 2);
		eventsHandled();
		assertThat(mail.messagesTo(agent.email())).hasSize(1);
	}

	@Test
	void aMentionReachesAColleagueWhoIsNotInTheConsole() throws Exception {
		Member supervisor = member("supervisor");
		Member agent = member("agent");
		String key = channelOf(supervisor, agent);
		long id = visitor(key).post("/api/v1/widget/conversations", Map.of("question", "Refund?"))
			.json()
			.path("id")
			.asLong();
		assertThat(agent.api().post("/api/v1/conversations/" + id + "/assign", Map.of()).status()).isEqualTo(200);
		ApiClient.Response note = agent.api()
			.post("/api/v1/conversations/" + id + "/notes",
					Map.of("text", "@" + supervisor.username() + " could you approve the refund?"));
		assertThat(note.status()).as(note.toString()).isEqualTo(201);
		MimeMessage mention = mail.awaitMessagesTo(supervisor.email(), 1).get(0);
		assertThat(mention.getSubject()).isEqualTo("User " + agent.username() + " mentioned you");
		assertThat(MailServer.part(mention, "text/plain")).contains("Li Lei")
			.doesNotContain("approve the refund")
			.contains("/console/mentions");
		eventsHandled();
		assertThat(mail.messagesTo(agent.email())).as("the author, who took it himself").isEmpty();
	}

	@Test
	void aConversationTransferredToAnAgentWhoIsAwayReachesHimByMail() throws Exception {
		Member supervisor = member("supervisor");
		Member agent = member("agent");
		Member away = member("agent");
		String key = channelOf(supervisor, agent, away);
		long id = visitor(key).post("/api/v1/widget/conversations", Map.of("question", "Hi"))
			.json()
			.path("id")
			.asLong();
		agent.api().post("/api/v1/conversations/" + id + "/assign", Map.of());
		ApiClient.Response transferred = agent.api()
			.post("/api/v1/conversations/" + id + "/transfer", Map.of("toAgentId", away.id()));
		assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
		MimeMessage assigned = mail.awaitMessagesTo(away.email(), 1).get(0);
		assertThat(assigned.getSubject()).isEqualTo("A conversation with Li Lei is yours");
	}

	@Test
	void supervisorsHearOfAConversationWaitingTooLongWithNobodyOnline() throws Exception {
		Member supervisor = member("supervisor");
		Member agent = member("agent");
		String key = channelOf(supervisor, agent);
		visitor(key).post("/api/v1/widget/conversations", Map.of("question", "Anyone?"));
		eventsHandled();
		assertThat(this.waitingAlerts.check()).as("not waiting long yet").isZero();
		this.clock.advance(Duration.ofMinutes(11));
		try {
			assertThat(this.waitingAlerts.check()).isGreaterThanOrEqualTo(1);
			MimeMessage alert = mail.awaitMessagesTo(supervisor.email(), 1).get(0);
			assertThat(alert.getSubject()).endsWith("and no agent online");
			assertThat(MailServer.part(alert, "text/plain")).contains("more than 11 minutes");
			this.waitingAlerts.check();
			eventsHandled();
			assertThat(mail.messagesTo(supervisor.email())).as("once per waiting conversation").hasSize(1);
			assertThat(mail.messagesTo(agent.email())).as("supervisors only").isEmpty();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-11));
		}
	}

}
