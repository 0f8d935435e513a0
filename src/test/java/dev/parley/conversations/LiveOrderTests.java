package dev.parley.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live {@code message} frames reach every receiver in sequence order and without gaps
 * while four senders (the visitor and the agent, each on a socket and over REST) write to
 * one conversation at once. The stored transcript was always right; the live frames were
 * not (about one in ten out of order): each sender's thread published after its own batch
 * had committed, and the threads raced.
 */
class LiveOrderTests extends ChatTest {

	private static final int PER_SENDER = 25;

	@Test
	void everyReceiverGetsTheMessagesInSequenceOrderWithoutGaps() throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		long conversation = visitor.conversationId();
		ApiClient agent = signedInAs("agent");
		take(agent, conversation);
		ApiClient supervisor = signedInAs("supervisor");
		long before = transcript(agent, "/api/v1/conversations/", conversation).size();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token());
				SocketClient agentSocket = SocketClient.staff(this.port, agent);
				SocketClient watching = SocketClient.staff(this.port, supervisor)) {
			watching.send(Map.of("type", "watch", "conversationId", conversation));
			watching.send(Map.of("type", "ping"));
			watching.expect("pong");

			List<Future<?>> senders = new ArrayList<>();
			senders.add(pool.submit(() -> sendOnSocket(visitorSocket, conversation, "vs")));
			senders.add(pool.submit(() -> sendOnSocket(agentSocket, conversation, "as")));
			senders.add(pool.submit(() -> sendOverRest(visitor.api(),
					"/api/v1/widget/conversations/" + conversation + "/messages", "vr")));
			senders.add(pool
				.submit(() -> sendOverRest(agent, "/api/v1/conversations/" + conversation + "/messages", "ar")));
			for (Future<?> sender : senders) {
				sender.get();
			}
			long last = before + 4 * PER_SENDER;
			for (SocketClient receiver : List.of(visitorSocket, agentSocket, watching)) {
				List<Long> seen = messagesUpTo(receiver, last);
				assertThat(seen).as("sequence numbers as they arrived").isSorted().doesNotHaveDuplicates();
				assertThat(seen).as("no gap").hasSize((int) (last - seen.get(0) + 1));
				assertThat(seen.get(0)).as("from the first message sent").isLessThanOrEqualTo(before + 1);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/** Sends without waiting for each ack, within the connection's frame rate. */
	private static void sendOnSocket(SocketClient socket, long conversation, String prefix) {
		for (int i = 0; i < PER_SENDER; i++) {
			socket.send(text(conversation, prefix + "-" + i, prefix + " " + i));
		}
	}

	private static void sendOverRest(ApiClient client, String path, String prefix) {
		for (int i = 0; i < PER_SENDER; i++) {
			ApiClient.Response sent = client.post(path, Map.of("clientId", prefix + "-" + i, "text", prefix + " " + i));
			assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		}
	}

	/**
	 * The sequence numbers of the message frames a connection received, up to the last.
	 */
	private static List<Long> messagesUpTo(SocketClient receiver, long last) {
		List<Long> seqs = new ArrayList<>();
		long newest = 0;
		while (newest < last) {
			JsonNode frame = receiver.expect((f) -> f.path("type").asString().equals("message"), "message " + last);
			newest = frame.path("message").path("seq").asLong();
			seqs.add(newest);
		}
		return seqs;
	}

}
