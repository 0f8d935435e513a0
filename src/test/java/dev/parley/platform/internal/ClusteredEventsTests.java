package dev.parley.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.parley.ParleyApplication;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database resubmit failed module events at the same time:
 * each publication is taken by one node only, so its listener completes exactly once
 * (docs/decisions/0005).
 */
@Timeout(300)
class ClusteredEventsTests {

	private static final int EVENTS = 40;

	@Test
	void twoNodesResubmittingAtOnceRunEachFailedListenerOnce() throws Exception {
		EventProbe.reset();
		EventProbe.failuresPerPoke = 1;
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (ConfigurableApplicationContext nodeA = start(database);
				ConfigurableApplicationContext nodeB = start(database)) {
			Object[] pokes = new Object[EVENTS];
			for (int i = 0; i < EVENTS; i++) {
				pokes[i] = new EventProbe.Poked("cluster-" + i);
			}
			DurableModuleEventsTests.publish(nodeA, pokes);
			DurableModuleEventsTests.awaitTrue(() -> failed(nodeA) == EVENTS, "every first attempt failed");

			CountDownLatch together = new CountDownLatch(1);
			List<Future<?>> rounds = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				EventPublications publications = node.getBean(EventPublications.class);
				rounds.add(pool.submit(() -> {
					together.await();
					for (int round = 0; round < 20; round++) {
						publications.resubmitFailed();
					}
					return null;
				}));
			}
			together.countDown();
			for (Future<?> round : rounds) {
				round.get(120, TimeUnit.SECONDS);
			}
			DurableModuleEventsTests.awaitTrue(() -> incomplete(nodeA) == 0, "every publication completed");
			for (int i = 0; i < EVENTS; i++) {
				String id = "cluster-" + i;
				assertThat(EventProbe.pokeRuns.get(id).get()).as(id + " completed").isOne();
				assertThat(EventProbe.pokeAttempts.get(id).get()).as(id + " tried").isEqualTo(2);
			}
		}
		finally {
			pool.shutdownNow();
			database.drop();
		}
	}

	private static ConfigurableApplicationContext start(ExternalServices.TestDatabase database) {
		return new SpringApplicationBuilder(ParleyApplication.class, EventProbe.class).run("--server.port=0",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=", "--parley.events.resubmit-incomplete-at-start=false",
				"--parley.events.resubmit-interval=1h", "--parley.routing.sweep=1h", "--logging.level.root=WARN");
	}

	private static long failed(ConfigurableApplicationContext node) {
		return count(node, "status = 'FAILED'");
	}

	private static long incomplete(ConfigurableApplicationContext node) {
		return count(node, "completion_date IS NULL");
	}

	private static long count(ConfigurableApplicationContext node, String where) {
		Map<String, Object> row = node.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) AS n FROM event_publication WHERE " + where)
			.query()
			.singleRow();
		return ((Number) row.values().iterator().next()).longValue();
	}

}
