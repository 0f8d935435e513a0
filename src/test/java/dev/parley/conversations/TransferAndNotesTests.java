package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers to an agent or back to a group's queue, with the visitor seeing a system
 * line; internal notes that never reach the visitor; mentions; and the refusals.
 */
class TransferAndNotesTests extends ChatTest {

	@Test
	void anAgentTransfersToAColleagueWithANoteTheVisitorSeesOnlyTheSystemLine() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient owner = signedInAs("agent");
		take(owner, visitor.conversationId());
		String colleagueName = unique("agent");
		long colleague = createUser(colleagueName, "agent").path("id").asLong();
		String path = "/api/v1/conversations/" + visitor.conversationId();
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			ApiClient.Response moved = owner.post(path + "/transfer",
					Map.of("toAgentId", colleague, "note", "VIP customer, refund approved @" + colleagueName));
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			assertThat(moved.json().path("assignee").path("id").asLong()).isEqualTo(colleague);
			JsonNode line = visitorSocket.expect(
					(f) -> f.path("type").asString().equals("message")
							&& f.path("message").path("event").path("type").asString().equals("transferred"),
					"transfer line");
			assertThat(line.path("message").path("event").path("agent").asString()).isEqualTo("User " + colleagueName);
			visitorSocket.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", 0));
			visitorSocket.expect("synced");
			assertThat(visitorSocket.seen().toString()).doesNotContain("VIP customer");
		}
		assertThat(owner.get(path).status()).as("no longer the owner's").isEqualTo(404);
		assertThat(transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId()).toString())
			.doesNotContain("VIP customer");
		JsonNode notes = admin().get(path + "/notes").json();
		assertThat(notes.size()).isEqualTo(1);
		assertThat(notes.get(0).path("text").asString()).startsWith("VIP customer");
		assertThat(notes.get(0).path("mentions").get(0).path("id").asLong()).isEqualTo(colleague);
	}

	@Test
	void transferToAGroupPutsTheConversationBackIntoItsQueue() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient owner = signedInAs("agent");
		take(owner, visitor.conversationId());
		String groupName = unique("Escalations-internal");
		long group = admin().post("/api/v1/groups", Map.of("name", groupName, "routing", "manual"))
			.json()
			.path("id")
			.asLong();
		ApiClient.Response moved;
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			moved = owner.post("/api/v1/conversations/" + visitor.conversationId() + "/transfer",
					Map.of("toGroupId", group));
			visitorSocket.expect(
					(f) -> f.path("type").asString().equals("message")
							&& f.path("message").path("event").path("type").asString().equals("transferred"),
					"transfer line");
			assertThat(visitorSocket.seen().toString()).as("the group's name is internal").doesNotContain(groupName);
		}
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("status").asString()).isEqualTo("waiting");
		assertThat(moved.json().path("assignee").isNull()).isTrue();
		assertThat(transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId()).toString())
			.doesNotContain(groupName);
		assertThat(transcript(admin(), "/api/v1/conversations/", visitor.conversationId()).toString())
			.as("staff see where it went")
			.contains(groupName);
	}

	@Test
	void aSupervisorTakesOverAnAgentsConversationRecordedAsATakeOverNotATransfer() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Staff owner = staff("agent", "Lily");
		take(owner.api(), visitor.conversationId());
		String path = "/api/v1/conversations/" + visitor.conversationId();
		Staff supervisor = staff("supervisor", "Grace");
		ApiClient.Response taken;
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			taken = supervisor.api().post(path + "/take-over", Map.of());
			JsonNode line = visitorSocket.expect(
					(f) -> f.path("type").asString().equals("message")
							&& f.path("message").path("event").path("type").asString().equals("taken_over"),
					"take-over line");
			assertThat(line.path("message").path("event").path("agent").asString()).isEqualTo("Grace");
			assertThat(line.path("message").path("event").path("from").asString()).isEqualTo("Lily");
			assertThat(visitorSocket.seen().toString()).as("only public names")
				.doesNotContain(owner.displayName())
				.doesNotContain(supervisor.displayName());
		}
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
		assertThat(taken.json().path("assignee").path("id").asLong()).isEqualTo(supervisor.id());
		JsonNode staffLine = transcript(admin(), "/api/v1/conversations/", visitor.conversationId()).stream()
			.filter((m) -> m.path("event").path("type").asString().equals("taken_over"))
			.findFirst()
			.orElseThrow();
		assertThat(staffLine.path("event").path("agent").asString()).isEqualTo(supervisor.displayName());
		assertThat(staffLine.path("event").path("from").asString()).isEqualTo(owner.displayName());
		assertThat(transcript(admin(), "/api/v1/conversations/", visitor.conversationId()))
			.noneMatch((m) -> m.path("event").path("type").asString().equals("transferred"));
		JsonNode audit = admin()
			.get("/api/v1/audit-events?action=conversation.taken_over&actor=" + supervisor.username())
			.json()
			.path("items");
		assertThat(audit.size()).isEqualTo(1);
		assertThat(audit.get(0).path("target").asString()).isEqualTo("#" + visitor.conversationId());
		assertThat(audit.get(0).path("detail").asString()).isEqualTo(owner.username());
		assertThat(owner.api().get(path).status()).as("no longer the agent's").isEqualTo(404);
		assertThat(supervisor.api()
			.post(path + "/messages", Map.of("clientId", "take-over-1", "text", "I am taking over"))
			.status()).isEqualTo(201);
	}

	@Test
	void takeOverIsRefusedWithoutThePermissionsAndForBadConversations() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String path = "/api/v1/conversations/" + visitor.conversationId();
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.post(path + "/take-over", Map.of()).code()).as("waiting: take it instead")
			.isEqualTo("conversation_waiting");
		ApiClient owner = signedInAs("agent");
		take(owner, visitor.conversationId());
		ApiClient colleague = signedInAs("agent");
		long colleagueId = colleague.get("/api/v1/session").json().path("user").path("id").asLong();
		assertThat(colleague.post(path + "/take-over", Map.of()).status()).isEqualTo(404);
		assertThat(colleague.post(path + "/transfer", Map.of("toAgentId", colleagueId)).status()).isEqualTo(404);
		String monitorRole = unique("monitor");
		assertThat(admin().post("/api/v1/roles", Map.of("name", monitorRole, "description", "watches", "permissions",
				List.of("conversation.view_all", "conversation.monitor")))
			.status()).isEqualTo(201);
		ApiClient watcher = signedInAs(monitorRole);
		assertThat(watcher.post(path + "/take-over", Map.of()).status()).as("reads but may not reply").isEqualTo(403);
		assertThat(supervisor.post(path + "/take-over", Map.of("note", "x".repeat(2001))).status()).isEqualTo(400);
		assertThat(admin().get(path).json().path("assignee").path("id").asLong()).as("nothing changed")
			.isEqualTo(owner.get("/api/v1/session").json().path("user").path("id").asLong());
		assertThat(supervisor.post(path + "/take-over", Map.of()).status()).isEqualTo(200);
		assertThat(supervisor.post(path + "/take-over", Map.of()).code()).as("already his")
			.isEqualTo("already_assigned");
		supervisor.post(path + "/close", Map.of());
		assertThat(admin().post(path + "/take-over", Map.of()).code()).isEqualTo("conversation_closed");
	}

	@Test
	void badTransfersAreRefusedAndChangeNothing() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String ownerName = unique("agent");
		long ownerId = createUser(ownerName, "agent").path("id").asLong();
		ApiClient owner = client();
		owner.login(ownerName, INITIAL_PASSWORD);
		owner.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		take(owner, visitor.conversationId());
		String path = "/api/v1/conversations/" + visitor.conversationId() + "/transfer";
		String disabledName = unique("agent");
		JsonNode disabled = createUser(disabledName, "agent");
		admin().put("/api/v1/users/" + disabled.path("id").asLong(),
				Map.of("displayName", "Gone", "roleId", roleId("agent"), "enabled", false));
		List<Map<String, Object>> bad = List.of(Map.of("toAgentId", ownerId), Map.of(), Map.of("toAgentId", 987654),
				Map.of("toAgentId", disabled.path("id").asLong()), Map.of("toGroupId", 987654),
				Map.of("toAgentId", ownerId, "toGroupId", 1), Map.of("toAgentId", "someone"));
		for (Map<String, Object> body : bad) {
			ApiClient.Response response = owner.post(path, body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
		}
		ApiClient other = signedInAs("agent");
		assertThat(other.post(path, Map.of("toAgentId", ownerId)).status()).isEqualTo(404);
		JsonNode after = owner.get("/api/v1/conversations/" + visitor.conversationId()).json();
		assertThat(after.path("assignee").path("id").asLong()).isEqualTo(ownerId);
		assertThat(owner.post("/api/v1/conversations/" + visitor.conversationId() + "/notes", Map.of("text", " "))
			.status()).isEqualTo(400);
		assertThat(owner
			.post("/api/v1/conversations/" + visitor.conversationId() + "/notes", Map.of("text", "x".repeat(2001)))
			.status()).isEqualTo(400);
		assertThat(other.get("/api/v1/conversations/" + visitor.conversationId() + "/notes").status()).isEqualTo(404);
		owner.post("/api/v1/conversations/" + visitor.conversationId() + "/close", Map.of());
		ApiClient.Response closed = admin().post(path, Map.of("toAgentId", ownerId));
		assertThat(closed.code()).isEqualTo("conversation_closed");
	}

	@Test
	void aMentionedColleagueIsToldOnTheStaffSocket() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient owner = signedInAs("agent");
		take(owner, visitor.conversationId());
		String supervisorName = unique("supervisor");
		createUser(supervisorName, "supervisor");
		ApiClient supervisor = client();
		supervisor.login(supervisorName, INITIAL_PASSWORD);
		supervisor.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		try (SocketClient socket = SocketClient.staff(this.port, supervisor)) {
			ApiClient.Response note = owner.post("/api/v1/conversations/" + visitor.conversationId() + "/notes",
					Map.of("text", "@" + supervisorName + " can you approve <b>this</b>?"));
			assertThat(note.status()).as(note.toString()).isEqualTo(201);
			JsonNode mention = socket.expect("mention");
			assertThat(mention.path("conversationId").asLong()).isEqualTo(visitor.conversationId());
			assertThat(mention.path("note").path("text").asString()).contains("<b>this</b>");
		}
	}

	record Staff(long id, String username, String displayName, ApiClient api) {
	}

	/** A signed-in staff member whose public name differs from the display name. */
	private Staff staff(String role, String publicName) {
		String username = unique(role);
		JsonNode user = createUser(username, role);
		long id = user.path("id").asLong();
		ApiClient.Response profile = admin().put("/api/v1/agents/" + id,
				Map.of("publicName", publicName, "capacity", 5));
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		return new Staff(id, username, user.path("displayName").asString(), api);
	}

	@Test
	void mentionsMatchAnyCaseAndAreKeptForTheMentionedAloneWithUnreadCounts() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String ownerName = unique("agent");
		createUser(ownerName, "agent");
		ApiClient owner = named(ownerName);
		take(owner, visitor.conversationId());
		String colleagueName = unique("agent");
		long colleague = createUser(colleagueName, "agent").path("id").asLong();
		ApiClient mentioned = named(colleagueName);

		// the suggestions: names and usernames only, whatever the case typed; never
		// oneself
		ApiClient.Response colleagues = owner.get("/api/v1/colleagues?q=" + colleagueName.toUpperCase());
		assertThat(colleagues.status()).as(colleagues.toString()).isEqualTo(200);
		assertThat(colleagues.json().size()).isEqualTo(1);
		assertThat(colleagues.json().get(0).path("username").asString()).isEqualTo(colleagueName);
		assertThat(colleagues.json().get(0).path("displayName").asString()).isEqualTo("User " + colleagueName);
		assertThat(colleagues.body()).doesNotContain("@example.com").doesNotContain("role");
		assertThat(owner.get("/api/v1/colleagues?q=" + ownerName).json().size()).isZero();
		assertThat(owner.get("/api/v1/colleagues?limit=0").status()).isEqualTo(400);
		assertThat(signedInAs("support").get("/api/v1/colleagues").status()).isEqualTo(403);

		String notes = "/api/v1/conversations/" + visitor.conversationId() + "/notes";
		ApiClient.Response note = owner.post(notes,
				Map.of("text", "Please look, @" + colleagueName.toUpperCase() + " and @" + ownerName));
		assertThat(note.status()).as(note.toString()).isEqualTo(201);
		assertThat(note.json().path("mentions").get(0).path("id").asLong()).isEqualTo(colleague);

		JsonNode kept = mentioned.get("/api/v1/mentions").json();
		assertThat(kept.path("unread").asLong()).isEqualTo(1);
		JsonNode first = kept.path("items").get(0);
		assertThat(first.path("conversationId").asLong()).isEqualTo(visitor.conversationId());
		assertThat(first.path("author").path("displayName").asString()).isEqualTo("User " + ownerName);
		assertThat(first.path("excerpt").asString()).startsWith("Please look, @");
		assertThat(first.path("available").asBoolean()).isTrue();
		assertThat(first.path("read").asBoolean()).isFalse();
		// a mention asks him to look: he reads the conversation and may answer in a note,
		// but not write to the visitor
		String conversation = "/api/v1/conversations/" + visitor.conversationId();
		assertThat(mentioned.get(conversation).status()).isEqualTo(200);
		assertThat(mentioned.get(conversation + "/notes").status()).isEqualTo(200);
		assertThat(mentioned.post(notes, Map.of("text", "On it.")).status()).isEqualTo(201);
		assertThat(mentioned.post(conversation + "/messages", Map.of("clientId", "m-1", "text", "Hi")).status())
			.isEqualTo(404);
		String bystander = unique("agent");
		createUser(bystander, "agent");
		assertThat(named(bystander).get(conversation).status()).as("not mentioned").isEqualTo(404);
		assertThat(mentioned.get("/api/v1/mentions/unread").json().path("unread").asLong()).isEqualTo(1);
		assertThat(owner.get("/api/v1/mentions").json().path("items").size()).as("not his own mention").isZero();

		String read = "/api/v1/mentions/" + first.path("id").asLong() + "/read";
		ApiClient.Response othersMention = owner.post(read, Map.of());
		assertThat(othersMention.status()).isEqualTo(404);
		assertThat(othersMention.code()).isEqualTo("not_found");
		assertThat(mentioned.get("/api/v1/mentions?after=x").status()).isEqualTo(400);
		assertThat(mentioned.get("/api/v1/mentions?limit=101").status()).isEqualTo(400);
		assertThat(mentioned.get("/api/v1/mentions/unread").json().path("unread").asLong()).isEqualTo(1);
		assertThat(mentioned.post(read, Map.of()).status()).isEqualTo(204);
		assertThat(mentioned.get("/api/v1/mentions/unread").json().path("unread").asLong()).isZero();
		assertThat(mentioned.get("/api/v1/mentions").json().path("items").get(0).path("read").asBoolean()).isTrue();

		// someone without chat permissions is kept told, but gets nothing of the note
		String supportName = unique("support");
		createUser(supportName, "support");
		owner.post(notes, Map.of("text", "Can you check, @" + supportName + "?"));
		JsonNode supportsMentions = named(supportName).get("/api/v1/mentions").json();
		assertThat(supportsMentions.path("items").get(0).path("excerpt").isNull()).isTrue();
		assertThat(supportsMentions.path("items").get(0).path("available").asBoolean()).isFalse();
		assertThat(supportsMentions.toString()).doesNotContain("Can you check");

		owner.post(notes, Map.of("text", "@" + colleagueName + " again"));
		owner.post(notes, Map.of("text", "@" + colleagueName + " and again"));
		assertThat(mentioned.get("/api/v1/mentions/unread").json().path("unread").asLong()).isEqualTo(2);
		ApiClient.Response allRead = mentioned.post("/api/v1/mentions/read", Map.of());
		assertThat(allRead.json().path("unread").asLong()).isZero();
	}

	private ApiClient named(String username) {
		ApiClient client = client();
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		client.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		return client;
	}

}
