package dev.parley.conversations;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every live frame is checked against the same access rule as REST at the moment it is
 * sent: a staff connection that loses access to a conversation stops receiving it at once
 * and may no longer {@code sync} it; an account that lost a permission or may no longer
 * chat has its sockets ended (close code 4403) and REST refused.
 *
 * <p>
 * "Nothing arrived" is asserted without waiting: the recipient who does get a later frame
 * of the same conversation proves the fan-out of the earlier ones has finished (each
 * conversation's frames are sent in order, one after the other), and a ping answered on
 * the other connection then comes after anything that was sent to it.
 */
class LiveAccessTests extends ChatTest {

	@Test
	void afterATransferTheFormerAssigneeNoLongerReceivesTheConversation() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient first = signedInAs("agent");
		take(first, visitor.conversationId());
		String secondName = unique("agent");
		long secondId = createUser(secondName, "agent").path("id").asLong();
		ApiClient second = signIn(secondName);
		try (SocketClient former = SocketClient.staff(this.port, first);
				SocketClient successor = SocketClient.staff(this.port, second);
				SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			ApiClient.Response moved = first.post(path(visitor) + "/transfer",
					Map.of("toAgentId", secondId, "note", "over to you"));
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
			visitorSocket.send(text(visitor.conversationId(), "v-after-1", "are you there?"));
			visitorSocket.send(text(visitor.conversationId(), "v-after-2", "hello?"));
			visitorSocket.expect("ack");
			visitorSocket.expect("ack");
			ApiClient.Response note = second.post(path(visitor) + "/notes", Map.of("text", "for the successor only"));
			assertThat(note.status()).as(note.toString()).isEqualTo(201);
			// the visitor's acks go out before the messages' fan-out to others, so the
			// note
			// may reach the successor before the second message: both arrive, in either
			// order
			successor.expect((f) -> isMessage(f, "v-after-2"), "the visitor's message at the new assignee");
			dev.parley.testing.Eventually.until("the new note at the new assignee",
					() -> successor.seen()
						.stream()
						.anyMatch((f) -> f.path("type").asString().equals("note")
								&& f.path("note").path("text").asString().equals("for the successor only")));

			List<JsonNode> seen = untilPong(former);
			assertThat(seen).noneMatch((f) -> isMessage(f, "v-after-1") || isMessage(f, "v-after-2"));
			assertThat(seen.toString()).doesNotContain("for the successor only");
			former.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", 0));
			former.expectError("not_found");
		}
	}

	@Test
	void anAgentWhoWatchedAWaitingConversationStopsReceivingItWhenAColleagueTakesIt() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient watcher = signedInAs("agent");
		ApiClient taker = signedInAs("agent");
		try (SocketClient watching = SocketClient.staff(this.port, watcher);
				SocketClient taking = SocketClient.staff(this.port, taker);
				SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			watch(watching, visitor.conversationId());
			visitorSocket.send(text(visitor.conversationId(), "v-waiting", "anyone?"));
			watching.expect((f) -> isMessage(f, "v-waiting"), "the waiting conversation's message");
			take(taker, visitor.conversationId());
			visitorSocket.send(text(visitor.conversationId(), "v-taken", "thanks"));
			taking.expect((f) -> isMessage(f, "v-taken"), "the message at the agent who took it");
			assertThat(untilPong(watching)).noneMatch((f) -> isMessage(f, "v-taken"));
		}
	}

	@Test
	void aSupervisorWhosePermissionsToWatchAreRemovedStopsReceivingAtOnce() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String supervisorName = unique("supervisor");
		long supervisorId = createUser(supervisorName, "supervisor").path("id").asLong();
		ApiClient supervisor = signIn(supervisorName);
		try (SocketClient monitoring = SocketClient.staff(this.port, supervisor);
				SocketClient assignee = SocketClient.staff(this.port, agent);
				SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			watch(monitoring, visitor.conversationId());
			visitorSocket.send(text(visitor.conversationId(), "v-watched", "first"));
			monitoring.expect((f) -> isMessage(f, "v-watched"), "the watched conversation's message");
			ApiClient.Response revoked = admin().put("/api/v1/users/" + supervisorId + "/permissions",
					Map.of("granted", List.of(), "revoked", List.of("conversation.view_all", "conversation.monitor")));
			assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
			// a permission taken away ends the sessions and their sockets (issue 17)
			assertThat(monitoring.awaitClose()).isEqualTo(4403);
			visitorSocket.send(text(visitor.conversationId(), "v-unwatched", "second"));
			assignee.expect((f) -> isMessage(f, "v-unwatched"), "the message at the assignee");
			assertThat(monitoring.seen()).noneMatch((f) -> isMessage(f, "v-unwatched"));
			assertThat(supervisor.get(path(visitor)).status()).isEqualTo(401);
			ApiClient again = client();
			assertThat(again.login(supervisorName, OWN_PASSWORD).status()).isEqualTo(200);
			assertThat(again.get(path(visitor)).status()).isEqualTo(404);
			try (SocketClient watchingAgain = SocketClient.staff(this.port, again)) {
				watchingAgain.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", 0));
				watchingAgain.expectError("not_found");
			}
		}
	}

	@Test
	void anAccountThatMayNoLongerChatHasItsSocketsEndedAndRestRefused() {
		// its own password changed: the other sessions' sockets end
		ApiClient changer = signedInAs("agent");
		ApiClient otherSession = signIn(changer);
		try (SocketClient elsewhere = SocketClient.staff(this.port, otherSession)) {
			ApiClient.Response changed = changer.post("/api/v1/session/password",
					Map.of("currentPassword", OWN_PASSWORD, "newPassword", "Third-Passw0rd!x"));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
			assertThat(elsewhere.awaitClose()).isEqualTo(4403);
			assertThat(otherSession.get("/api/v1/session").status()).isEqualTo(401);
		}
		for (Consumer<Long> change : List.<Consumer<Long>>of(
				(id) -> expect204(admin().post("/api/v1/users/" + id + "/password",
						Map.of("password", "Reset-By-Admin-Passw0rd!"))),
				(id) -> expect200(admin().put("/api/v1/users/" + id,
						Map.of("displayName", "Gone", "roleId", roleId("agent"), "enabled", false))),
				(id) -> expect204(admin().delete("/api/v1/users/" + id)),
				(id) -> expect200(admin().put("/api/v1/users/" + id + "/permissions", Map.of("granted", List.of(),
						"revoked", List.of("conversation.view", "conversation.reply", "conversation.transfer")))))) {
			String username = unique("agent");
			long id = createUser(username, "agent").path("id").asLong();
			ApiClient user = signIn(username);
			try (SocketClient socket = SocketClient.staff(this.port, user)) {
				change.accept(id);
				assertThat(socket.awaitClose()).isEqualTo(4403);
			}
			assertThat(user.get("/api/v1/conversations?view=mine").status()).isIn(401, 403);
		}
	}

	@Test
	void anAssigneeWithoutAnyConversationPermissionMayNoLongerReadIt() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String username = unique("agent");
		long id = createUser(username, "agent").path("id").asLong();
		ApiClient agent = signIn(username);
		take(agent, visitor.conversationId());
		assertThat(agent.get(path(visitor)).status()).isEqualTo(200);
		ApiClient.Response revoked = admin().put("/api/v1/users/" + id + "/permissions", Map.of("granted", List.of(),
				"revoked", List.of("conversation.view", "conversation.reply", "conversation.transfer")));
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(agent.get(path(visitor)).status()).isEqualTo(401);
		ApiClient again = client();
		assertThat(again.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		assertThat(again.get(path(visitor)).status()).isEqualTo(404);
		assertThat(again.get(path(visitor) + "/messages").status()).isEqualTo(404);
		assertThat(again.get(path(visitor) + "/notes").status()).isEqualTo(404);
	}

	@Test
	void aVisitorsHistoryShowsOnlyTheConversationsTheCallerMayOpen() {
		String key = channelKey();
		TestVisitor visitor = visitorWithConversation(key);
		ApiClient colleague = signedInAs("agent");
		take(colleague, visitor.conversationId());
		assertThat(colleague.post(path(visitor) + "/close", Map.of()).status()).isEqualTo(200);
		ApiClient.Response second = visitor.api().post("/api/v1/widget/conversations", Map.of());
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		long mine = second.json().path("id").asLong();
		ApiClient agent = signedInAs("agent");
		take(agent, mine);
		JsonNode history = agent.get("/api/v1/visitors/" + visitor.visitorId() + "/conversations").json().path("items");
		assertThat(history.size()).isOne();
		assertThat(history.get(0).path("id").asLong()).isEqualTo(mine);
		assertThat(
				admin().get("/api/v1/visitors/" + visitor.visitorId() + "/conversations").json().path("items").size())
			.isEqualTo(2);
		// all of them, newest first, a page at a time
		String pages = "/api/v1/visitors/" + visitor.visitorId() + "/conversations";
		JsonNode first = admin().get(pages + "?limit=1").json();
		assertThat(first.path("items").get(0).path("id").asLong()).isEqualTo(mine);
		JsonNode next = admin().get(pages + "?limit=1&after=" + first.path("nextCursor").asString()).json();
		assertThat(next.path("items").get(0).path("id").asLong()).isEqualTo(visitor.conversationId());
		assertThat(next.path("nextCursor").isNull() || next.path("nextCursor").isMissingNode()).isTrue();
		assertThat(admin().get(pages + "?limit=0").status()).isEqualTo(400);
		assertThat(admin().get(pages + "?after=not-a-cursor").status()).isEqualTo(400);
		ApiClient nobody = signedInAs("support");
		assertThat(nobody.get("/api/v1/visitors/" + visitor.visitorId() + "/conversations").status()).isEqualTo(403);
	}

	@Test
	void anAgentFindsAndOpensOnlyHisOwnAndHisGroupsTranscripts() {
		String word = unique("parcel");
		String annName = unique("agent");
		long ann = createUser(annName, "agent").path("id").asLong();
		ApiClient annApi = signIn(annName);
		String bobName = unique("agent");
		long bob = createUser(bobName, "agent").path("id").asLong();
		ApiClient bobApi = signIn(bobName);
		JsonNode grouped = createChannel(Map.of());
		ApiClient.Response group = admin().post("/api/v1/groups",
				Map.of("name", unique("Group"), "routing", "manual", "members",
						List.of(Map.of("userId", ann, "supervisor", false)), "channelIds",
						List.of(grouped.path("id").asLong())));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);

		// ann had this one before she transferred it to bob, who closed it
		TestVisitor hers = visitorSaying(channelKey(), word);
		take(annApi, hers.conversationId());
		assertThat(annApi.post(path(hers) + "/transfer", Map.of("toAgentId", bob)).status()).isEqualTo(200);
		assertThat(annApi.get(path(hers)).status()).as("open and someone else's: out of reach").isEqualTo(404);
		bobCloses(bobApi, hers);
		TestVisitor ofHerGroup = visitorSaying(grouped.path("key").asString(), word);
		take(bobApi, ofHerGroup.conversationId());
		ApiClient.Response file = ofHerGroup.api()
			.upload(path(ofHerGroup).replace("/api/v1/", "/api/v1/widget/") + "/attachments", "receipt.txt",
					"paid".getBytes(), Map.of("clientId", "f-1"));
		assertThat(file.status()).as(file.toString()).isEqualTo(201);
		String fileUrl = file.json().path("attachment").path("url").asString();
		bobCloses(bobApi, ofHerGroup);
		TestVisitor elsewhere = visitorSaying(channelKey(), word);
		take(bobApi, elsewhere.conversationId());
		bobCloses(bobApi, elsewhere);

		assertThat(found(annApi, word)).containsExactlyInAnyOrder(hers.conversationId(), ofHerGroup.conversationId());
		assertThat(found(admin(), word)).containsExactlyInAnyOrder(hers.conversationId(), ofHerGroup.conversationId(),
				elsewhere.conversationId());
		assertThat(annApi.get(path(hers) + "/messages").body()).contains(word);
		assertThat(annApi.get(path(ofHerGroup)).status()).isEqualTo(200);
		assertThat(annApi.get(fileUrl).status()).as("the files of a transcript she may open").isEqualTo(200);
		ApiClient.Response noteOnTranscript = annApi.post(path(ofHerGroup) + "/notes", Map.of("text", "mine?"));
		assertThat(noteOnTranscript.status()).as("a transcript of her group is read, not noted on").isEqualTo(404);
		TestVisitor elsewhereWithFile = visitorSaying(channelKey(), unique("other"));
		take(bobApi, elsewhereWithFile.conversationId());
		ApiClient.Response otherFile = elsewhereWithFile.api()
			.upload(path(elsewhereWithFile).replace("/api/v1/", "/api/v1/widget/") + "/attachments", "other.txt",
					"secret".getBytes(), Map.of("clientId", "f-1"));
		assertThat(otherFile.status()).as(otherFile.toString()).isEqualTo(201);
		bobCloses(bobApi, elsewhereWithFile);
		assertThat(annApi.get(otherFile.json().path("attachment").path("url").asString()).status()).isEqualTo(404);
		for (String outside : List.of(path(elsewhere), path(elsewhere) + "/messages", path(elsewhere) + "/notes")) {
			ApiClient.Response refused = annApi.get(outside);
			assertThat(refused.status()).as(outside).isEqualTo(404);
			assertThat(refused.code()).isEqualTo("not_found");
		}
		assertThat(annApi.get("/api/v1/conversations/search?limit=0").status()).isEqualTo(400);
		ApiClient.Response noChat = signedInAs("support").get("/api/v1/conversations/search?q=" + word);
		assertThat(noChat.status()).isEqualTo(403);
		assertThat(noChat.code()).isEqualTo("forbidden");
	}

	private TestVisitor visitorSaying(String key, String word) {
		TestVisitor visitor = visitorWithConversation(key);
		ApiClient.Response sent = visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "w-1", "text", "Where is my " + word + "?"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return visitor;
	}

	private static void bobCloses(ApiClient bob, TestVisitor visitor) {
		ApiClient.Response closed = bob.post(path(visitor) + "/close", Map.of());
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
	}

	private static List<Long> found(ApiClient staff, String word) {
		ApiClient.Response page = staff.get("/api/v1/conversations/search?q=" + word);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<Long> ids = new java.util.ArrayList<>();
		page.json().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	// ---- helpers

	private static String path(TestVisitor visitor) {
		return "/api/v1/conversations/" + visitor.conversationId();
	}

	private static boolean isMessage(JsonNode frame, String clientId) {
		return frame.path("type").asString().equals("message")
				&& frame.path("message").path("clientId").asString().equals(clientId);
	}

	/** Follows a conversation; the pong tells the server has done it. */
	private static void watch(SocketClient socket, long conversationId) {
		socket.send(Map.of("type", "watch", "conversationId", conversationId));
		socket.send(Map.of("type", "ping"));
		socket.expect("pong");
	}

	/** Every frame that reaches the connection before the answer to a ping. */
	private static List<JsonNode> untilPong(SocketClient socket) {
		socket.send(Map.of("type", "ping"));
		socket.expect("pong");
		return socket.seen();
	}

	/** A user signed in with the initial password, choosing their own as required. */
	private ApiClient signIn(String username) {
		ApiClient client = client();
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response change = client.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(change.status()).as(change.toString()).isEqualTo(204);
		return client;
	}

	/** A second session of a signed-in user. */
	private ApiClient signIn(ApiClient user) {
		String username = user.get("/api/v1/session").json().path("user").path("username").asString();
		ApiClient client = client();
		assertThat(client.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		return client;
	}

	private static void expect204(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
	}

	private static void expect200(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

}
