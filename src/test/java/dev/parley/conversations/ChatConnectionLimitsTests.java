package dev.parley.conversations;

import java.util.Map;

import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Idle connections are closed; a connection sending too fast is told to slow down. */
@TestPropertySource(properties = { "parley.realtime.idle-timeout=3s", "parley.realtime.max-frames-per-second=5",
		"parley.test.context=realtime-limits" })
class ChatConnectionLimitsTests extends ChatTest {

	@Test
	void aSilentConnectionIsClosedAsIdle() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			assertThat(socket.awaitClose()).isEqualTo(4408);
		}
	}

	@Test
	void tooManyFramesAreRefusedAndTheConnectionRecovers() throws InterruptedException {
		TestVisitor visitor = visitorWithConversation(channelKey());
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			for (int i = 0; i < 8; i++) {
				socket.send(Map.of("type", "ping"));
			}
			socket.expectError("rate_limited");
			Thread.sleep(1100);
			socket.assertStillUsable();
		}
	}

}
