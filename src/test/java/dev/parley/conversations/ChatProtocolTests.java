package dev.parley.conversations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime protocol over real WebSockets (docs/protocol.md): acknowledgement after
 * storing, de-duplication, resume without loss or repeats, ordering under concurrent
 * senders, and every kind of bad frame.
 */
class ChatProtocolTests extends ChatTest {

	@Test
	void storesThenAcknowledgesAndNeverStoresARepeatedClientIdTwice() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			socket.send(withRef(text(visitor.conversationId(), "m-1", "Hello"), "r1"));
			JsonNode ack = socket.expect("ack");
			assertThat(ack.path("ref").asString()).isEqualTo("r1");
			// 1 is the pre-chat question
			assertThat(ack.path("seq").asLong()).isEqualTo(2);
			assertThat(ack.path("duplicate").asBoolean()).isFalse();

			socket.send(text(visitor.conversationId(), "m-1", "Hello"));
			JsonNode again = socket.expect("ack");
			assertThat(again.path("seq").asLong()).isEqualTo(2);
			assertThat(again.path("duplicate").asBoolean()).isTrue();
			assertThat(again.path("messageId").asLong()).isEqualTo(ack.path("messageId").asLong());
		}
		List<JsonNode> messages = transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId());
		assertThat(messages).extracting((m) -> m.path("text").asString())
			.containsExactly("Where is my order?", "Hello");
	}

	@Test
	void agentAndVisitorSeeEachOthersMessagesTypingAndReadMarksLive() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token());
				SocketClient agentSocket = SocketClient.staff(this.port, agent)) {
			visitorSocket.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", 0));
			visitorSocket.expect("synced");

			visitorSocket.send(text(visitor.conversationId(), "v-1", "Is it shipped?"));
			JsonNode delivered = agentSocket.expect((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientId").asString().equals("v-1"), "visitor message");
			assertThat(delivered.path("message").path("sender").path("kind").asString()).isEqualTo("visitor");

			agentSocket.send(Map.of("type", "typing", "conversationId", visitor.conversationId(), "typing", true));
			JsonNode typing = visitorSocket.expect("typing");
			assertThat(typing.path("side").asString()).isEqualTo("agent");
			assertThat(typing.path("typing").asBoolean()).isTrue();

			agentSocket.send(Map.of("type", "read", "conversationId", visitor.conversationId(), "seq",
					delivered.path("message").path("seq").asLong()));
			JsonNode read = visitorSocket.expect("read");
			assertThat(read.path("side").asString()).isEqualTo("agent");
			assertThat(read.path("seq").asLong()).isEqualTo(delivered.path("message").path("seq").asLong());

			agentSocket.send(text(visitor.conversationId(), "a-1", "Yes, today."));
			agentSocket.expect("ack");
			JsonNode reply = visitorSocket.expect((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientId").asString().equals("a-1"), "agent reply");
			assertThat(reply.path("message").path("sender").path("name").asString()).startsWith("User agent-");
		}
	}

	@Test
	void resumesAfterADroppedConnectionWithNothingLostAndNothingRepeated() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		long lastSeen;
		SocketClient first = SocketClient.visitor(this.port, visitor.token());
		first.send(text(visitor.conversationId(), "v-1", "one"));
		lastSeen = first.expect("ack").path("seq").asLong();
		first.drop();

		// seq 1 is the pre-chat question, 2 the "assigned" event, the visitor's message
		// 3;
		// while the visitor is away: the agent answers twice, and the visitor's
		// unacknowledged
		// send is still in its outbox
		for (int i = 1; i <= 2; i++) {
			ApiClient.Response sent = agent.post("/api/v1/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "a-" + i, "text", "answer " + i));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
		try (SocketClient second = SocketClient.visitor(this.port, visitor.token())) {
			second.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", lastSeen));
			List<Long> replayed = new ArrayList<>();
			while (true) {
				JsonNode frame = second.expect((f) -> Set.of("message", "synced").contains(f.path("type").asString()),
						"replay");
				if (frame.path("type").asString().equals("synced")) {
					assertThat(frame.path("lastSeq").asLong()).isEqualTo(replayed.get(replayed.size() - 1));
					break;
				}
				replayed.add(frame.path("message").path("seq").asLong());
			}
			assertThat(replayed).containsExactly(lastSeen + 1, lastSeen + 2);
			second.send(text(visitor.conversationId(), "v-1", "one"));
			assertThat(second.expect("ack").path("duplicate").asBoolean()).isTrue();
			second.send(text(visitor.conversationId(), "v-2", "two"));
			assertThat(second.expect("ack").path("seq").asLong()).isEqualTo(lastSeen + 3);
		}
		List<JsonNode> messages = transcript(agent, "/api/v1/conversations/", visitor.conversationId());
		assertThat(messages.stream().map((m) -> m.path("seq").asLong()).toList()).containsExactly(1L, 2L, 3L, 4L, 5L,
				6L);
		assertThat(messages.stream().filter((m) -> "v-1".equals(m.path("clientId").asString()))).hasSize(1);
	}

	@Test
	void concurrentSendersGetGaplessOrderedSequenceNumbers() throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		int perSender = 20;
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try (SocketClient tabA = SocketClient.visitor(this.port, visitor.token());
				SocketClient tabB = SocketClient.visitor(this.port, visitor.token())) {
			List<Future<?>> jobs = new ArrayList<>();
			for (SocketClient tab : List.of(tabA, tabB)) {
				String prefix = (tab == tabA) ? "a" : "b";
				jobs.add(pool.submit(() -> {
					for (int i = 0; i < perSender; i++) {
						tab.send(text(visitor.conversationId(), prefix + "-" + i, prefix + " " + i));
						tab.expect("ack");
					}
				}));
			}
			jobs.add(pool.submit(() -> {
				for (int i = 0; i < perSender; i++) {
					agent.post("/api/v1/conversations/" + visitor.conversationId() + "/messages",
							Map.of("clientId", "agent-" + i, "text", "agent " + i));
				}
			}));
			for (Future<?> job : jobs) {
				job.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<JsonNode> messages = transcript(agent, "/api/v1/conversations/", visitor.conversationId());
		List<JsonNode> texts = messages.stream().filter((m) -> m.path("kind").asString().equals("text")).toList();
		// and the pre-chat question first
		assertThat(texts).hasSize(3 * perSender + 1);
		for (int i = 0; i < messages.size(); i++) {
			assertThat(messages.get(i).path("seq").asLong()).isEqualTo(i + 1);
		}
		Set<String> clientIds = new HashSet<>();
		texts.forEach((m) -> clientIds.add(m.path("clientId").asString()));
		assertThat(clientIds).hasSize(3 * perSender + 1);
		for (String prefix : List.of("a", "b", "agent")) {
			List<Integer> order = texts.stream()
				.map((m) -> m.path("clientId").asString())
				.filter((id) -> id.startsWith(prefix + "-"))
				.map((id) -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)))
				.toList();
			assertThat(order).as("%s's messages in the order sent", prefix).isSorted();
		}
	}

	@Test
	void badFramesGetErrorCodesStoreNothingAndLeaveTheConnectionUsable() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		TestVisitor stranger = visitorWithConversation(channelKey());
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			socket.sendText("this is not json");
			socket.expectError("bad_frame");
			socket.sendText("[1,2,3]");
			socket.expectError("bad_frame");
			socket.send(Map.of("type", "teleport"));
			socket.expectError("unknown_type");
			socket.send(Map.of("type", "send", "conversationId", visitor.conversationId(), "text", "no client id"));
			socket.expectError("validation_failed");
			socket.send(text(visitor.conversationId(), "bad id with spaces", "x"));
			socket.expectError("validation_failed");
			socket.send(Map.of("type", "send", "conversationId", "one", "clientId", "c-1", "text", "x"));
			socket.expectError("validation_failed");
			socket.send(text(visitor.conversationId(), "c-blank", "   "));
			socket.expectError("validation_failed");
			socket.send(text(visitor.conversationId(), "c-long", "x".repeat(4001)));
			socket.expectError("too_large");
			socket.send(text(visitor.conversationId(), "c-huge", "y".repeat(20_000)));
			socket.expectError("too_large");
			// far beyond the read buffer: read in parts, refused, the connection stays
			socket.send(text(visitor.conversationId(), "c-enormous", "z".repeat(500_000)));
			socket.expectError("too_large");
			socket.send(text(stranger.conversationId(), "c-other", "let me in"));
			socket.expectError("not_found");
			socket.send(text(999_999, "c-none", "anyone?"));
			socket.expectError("not_found");
			socket.send(Map.of("type", "sync", "conversationId", stranger.conversationId(), "afterSeq", 0));
			socket.expectError("not_found");
			socket.send(Map.of("type", "read", "conversationId", visitor.conversationId(), "seq", -3));
			socket.expectError("validation_failed");
			socket.send(Map.of("type", "watch", "conversationId", visitor.conversationId()));
			socket.expectError("unknown_type");
			socket.assertStillUsable();
		}
		assertThat(transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId()))
			.as("only the pre-chat question")
			.hasSize(1);
		assertThat(transcript(stranger.api(), "/api/v1/widget/conversations/", stranger.conversationId())).hasSize(1);
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			// 3,000 two-byte characters: more bytes than the 4 KB socket buffers, a fine
			// frame; 4,000 three-byte ones: 12 KB, and more characters than the 4 K read
			// buffer once framed
			socket.send(text(visitor.conversationId(), "c-fine", "ü".repeat(3000)));
			socket.expect((frame) -> frame.path("type").asString().equals("ack")
					&& frame.path("clientId").asString().equals("c-fine"), "ack of c-fine");
			socket.send(text(visitor.conversationId(), "c-wide", "你".repeat(4000)));
			socket.expect((frame) -> frame.path("type").asString().equals("ack")
					&& frame.path("clientId").asString().equals("c-wide"), "ack of c-wide");
		}
		List<JsonNode> stored = transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId());
		assertThat(stored).extracting((m) -> m.path("text").asString())
			.containsExactly("Where is my order?", "ü".repeat(3000), "你".repeat(4000));
	}

	/**
	 * Browsers offer per-message compression on every socket; Parley declines it (a zlib
	 * pair per idle connection costs far more than chat frames would save) and the socket
	 * works uncompressed.
	 */
	@Test
	void compressionOfferedByABrowserIsDeclined() throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			String handshake = "GET /ws/visitor HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nOrigin: https://shop.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
			socket.getOutputStream().write(handshake.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			java.io.InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				assertThat(b).as("response so far: %s", head).isNotNegative();
				head.append((char) b);
			}
			assertThat(head.toString()).startsWith("HTTP/1.1 101")
				.doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
			byte[] hello = ("{\"type\":\"hello\",\"token\":\"" + visitor.token() + "\"}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			int header = (hello.length < 126) ? 2 : 4;
			byte[] frame = new byte[header + 4 + hello.length];
			frame[0] = (byte) 0x81;
			frame[1] = (byte) (0x80 | ((header == 2) ? hello.length : 126));
			if (header == 4) {
				frame[2] = (byte) (hello.length >> 8);
				frame[3] = (byte) hello.length;
			}
			byte[] mask = { 11, 22, 33, 44 };
			System.arraycopy(mask, 0, frame, header, 4);
			for (int i = 0; i < hello.length; i++) {
				frame[header + 4 + i] = (byte) (hello[i] ^ mask[i % 4]);
			}
			socket.getOutputStream().write(frame);
			int first = in.read();
			assertThat(first & 0x40).as("RSV1 (compressed) is not set").isZero();
			assertThat(first & 0x0F).as("a text frame").isEqualTo(1);
			int length = in.read() & 0x7F;
			byte[] payload = in.readNBytes((length == 126) ? ((in.read() << 8) | in.read()) : length);
			assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).contains("\"type\":\"ready\"");
		}
	}

	@Test
	void framesBeforeHelloOrWithAForgedTokenCloseTheConnection() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		try (SocketClient early = SocketClient.anonymous(this.port)) {
			early.send(text(visitor.conversationId(), "c-1", "sneaky"));
			early.expectError("unauthenticated");
			assertThat(early.awaitClose()).isEqualTo(4401);
		}
		String forged = visitor.token().substring(0, visitor.token().length() - 4) + "AAAA";
		try (SocketClient fake = SocketClient.anonymous(this.port)) {
			fake.send(Map.of("type", "hello", "token", forged));
			fake.expectError("unauthenticated");
			assertThat(fake.awaitClose()).isEqualTo(4401);
		}
		assertThat(transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId()))
			.as("only the pre-chat question")
			.hasSize(1);
	}

	@Test
	void staffSocketNeedsASignedInSession() {
		ApiClient stranger = client();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> SocketClient.staff(this.port, stranger))
			.hasStackTraceContaining("401");
	}

	@Test
	void anAgentCannotFollowAConversationAssignedToSomeoneElse() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient owner = signedInAs("agent");
		take(owner, visitor.conversationId());
		ApiClient other = signedInAs("agent");
		try (SocketClient socket = SocketClient.staff(this.port, other)) {
			socket.send(Map.of("type", "watch", "conversationId", visitor.conversationId()));
			socket.expectError("not_found");
			socket.send(text(visitor.conversationId(), "x-1", "I am not the owner"));
			socket.expectError("not_found");
			socket.assertStillUsable();
		}
		ApiClient supervisor = signedInAs("supervisor");
		try (SocketClient watcher = SocketClient.staff(this.port, supervisor)) {
			watcher.send(Map.of("type", "watch", "conversationId", visitor.conversationId()));
			// frames are handled in order: once the ping is answered, the watch is in
			// place
			watcher.assertStillUsable();
			visitor.api()
				.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
						Map.of("clientId", "v-9", "text", "anyone there?"));
			watcher.expect((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientId").asString().equals("v-9"), "watched message");
			watcher.send(text(visitor.conversationId(), "s-1", "supervisor butting in"));
			watcher.expectError("not_assigned");
		}
	}

	private static Map<String, Object> withRef(Map<String, Object> frame, String ref) {
		Map<String, Object> copy = new java.util.HashMap<>(frame);
		copy.put("ref", ref);
		return copy;
	}

	@Test
	void aReplayLongerThanTheSocketQueueArrivesWholeOnAnOpenConnection() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String path = "/api/v1/widget/conversations/" + visitor.conversationId() + "/messages";
		int count = 200;
		for (int i = 0; i < count; i++) {
			// 200 x 4,000 characters: more than the 512 K a connection may have queued
			ApiClient.Response sent = visitor.api()
				.post(path, Map.of("clientId", "long-" + i, "text", String.valueOf(i % 10).repeat(4000)));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			socket.send(Map.of("type", "sync", "conversationId", visitor.conversationId(), "afterSeq", 0));
			JsonNode synced = socket.expect("synced");
			// and the pre-chat question first
			assertThat(synced.path("lastSeq").asLong()).isEqualTo(count + 1);
			assertThat(socket.seen().stream().filter((f) -> f.path("type").asString().equals("message")))
				.hasSize(count + 1);
			socket.assertStillUsable();
		}
	}

}
