package dev.parley.conversations.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining and leaving a conversation are atomic: a connection that joins at the moment
 * another one leaves (a page reload does it) is never lost with the set that is being
 * removed, so it receives every live frame from then on.
 */
class ConnectionRegistryTests {

	private static final int ROUNDS = 5_000;

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aConnectionJoiningWhileAnotherLeavesAlwaysStaysJoined() throws Exception {
		ConnectionRegistry registry = new ConnectionRegistry(
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		Connection leaving = visitor(registry);
		Connection joining = visitor(registry);
		for (long conversation = 1; conversation <= ROUNDS; conversation++) {
			registry.join(leaving, conversation);
		}
		Phaser together = new Phaser(2);
		List<Throwable> failures = new ArrayList<>();
		Thread leaver = new Thread(
				() -> run(together, failures, (conversation) -> registry.leave(leaving, conversation)));
		Thread joiner = new Thread(
				() -> run(together, failures, (conversation) -> registry.join(joining, conversation)));
		leaver.start();
		joiner.start();
		leaver.join();
		joiner.join();
		assertThat(failures).isEmpty();
		List<Long> missed = new ArrayList<>();
		for (long conversation = 1; conversation <= ROUNDS; conversation++) {
			if (!registry.visitorsIn(conversation).contains(joining)) {
				missed.add(conversation);
			}
			assertThat(registry.visitorsIn(conversation)).doesNotContain(leaving);
		}
		assertThat(missed).as("conversations whose live frames the joining connection would miss").isEmpty();
	}

	@Test
	void theFirstToJoinAndTheLastToLeaveAreTold() {
		ConnectionRegistry registry = new ConnectionRegistry(
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		Connection first = visitor(registry);
		Connection second = visitor(registry);
		assertThat(registry.join(first, 9)).isTrue();
		assertThat(registry.join(second, 9)).isFalse();
		assertThat(registry.join(second, 9)).as("joined already").isFalse();
		assertThat(registry.leave(first, 9)).isFalse();
		assertThat(registry.leave(second, 9)).isTrue();
		assertThat(registry.leave(second, 9)).as("left already").isFalse();
		assertThat(registry.visitorsIn(9)).isEmpty();
	}

	@Test
	void aClosedConnectionLeavesEverythingAndSaysWhereItWasTheLast() {
		ConnectionRegistry registry = new ConnectionRegistry(
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		Connection alone = visitor(registry);
		Connection company = visitor(registry);
		registry.join(alone, 1);
		registry.join(alone, 2);
		registry.join(company, 2);
		assertThat(registry.closed(alone)).containsExactly(1L);
		assertThat(registry.all()).containsExactly(company);
		assertThat(registry.visitorsIn(2)).containsExactly(company);
	}

	private static void run(Phaser together, List<Throwable> failures, java.util.function.LongConsumer step) {
		try {
			for (long conversation = 1; conversation <= ROUNDS; conversation++) {
				together.arriveAndAwaitAdvance();
				step.accept(conversation);
			}
		}
		catch (Throwable ex) {
			synchronized (failures) {
				failures.add(ex);
			}
		}
	}

	private static Connection visitor(ConnectionRegistry registry) {
		Connection connection = new Connection(new FakeSession(), false, null, 0);
		connection.authenticateVisitor(new VisitorIdentity(1, 1));
		registry.opened(connection);
		registry.visitorAuthenticated(connection);
		return connection;
	}

}
