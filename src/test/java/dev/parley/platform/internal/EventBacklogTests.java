package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The backlog of a node that cannot reach RabbitMQ keeps events in order, stays within
 * its bound by dropping the oldest, and reports that it dropped some once.
 */
class EventBacklogTests {

	@Test
	void keepsEventsInOrderAndPutsARetriedOneBackInFront() {
		EventBacklog backlog = new EventBacklog(10);
		backlog.add(message("1"));
		backlog.add(message("2"));
		Message first = backlog.poll();
		backlog.putBack(first);

		assertThat(body(backlog.poll())).isEqualTo("1");
		assertThat(body(backlog.poll())).isEqualTo("2");
		assertThat(backlog.poll()).isNull();
		assertThat(backlog.takeOverflow()).isFalse();
	}

	@Test
	void dropsTheOldestWhenFullAndReportsTheOverflowOnce() {
		EventBacklog backlog = new EventBacklog(2);
		backlog.add(message("1"));
		backlog.add(message("2"));
		backlog.add(message("3"));

		assertThat(backlog.size()).isEqualTo(2);
		assertThat(backlog.dropped()).isEqualTo(1);
		assertThat(body(backlog.poll())).isEqualTo("2");
		assertThat(backlog.takeOverflow()).isTrue();
		assertThat(backlog.takeOverflow()).isFalse();
	}

	@Test
	void refusesABoundBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventBacklog(0));
	}

	private static Message message(String body) {
		return new Message(body.getBytes(StandardCharsets.UTF_8), new MessageProperties());
	}

	private static String body(Message message) {
		return new String(message.getBody(), StandardCharsets.UTF_8);
	}

}
