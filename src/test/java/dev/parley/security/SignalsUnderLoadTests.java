package dev.parley.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting signals never stalls the connection pool: more simultaneous widget arrivals
 * and failed sign-ins (each a signal, counted while its request's transaction is open)
 * than the pool has connections are all answered. Counting in a transaction of its own
 * took a second connection per request, and a burst wider than the pool waited for
 * connections none would give back until the pool's timeout (the widget-arrival
 * benchmark, docs/performance.md).
 */
class SignalsUnderLoadTests extends IntegrationTest {

	/** Above the pool's ten connections (application.yml). */
	private static final int AT_ONCE = 24;

	@Test
	void aBurstWiderThanThePoolIsAnsweredInFull() throws Exception {
		ApiClient.Response channel = admin().post("/api/v1/channels",
				Map.of("kind", "website", "name", "Burst " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		String key = channel.json().path("key").asString();
		String prefix = "198.18." + (10 + Math.floorMod(UUID.randomUUID().hashCode(), 200)) + ".";
		assertThat(atOnce(
				(i) -> from(prefix + (i + 1)).post("/api/v1/widget/channels/" + key + "/visitors", Map.of()).status()))
			.containsOnly(200);
		assertThat(atOnce((i) -> from(prefix + (i + 101)).login("nobody-" + i, "wrong").status())).containsOnly(401);
	}

	private static List<Integer> atOnce(java.util.function.IntFunction<Integer> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < AT_ONCE; i++) {
				int n = i;
				calls.add(() -> request.apply(n));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : pool.invokeAll(calls)) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
