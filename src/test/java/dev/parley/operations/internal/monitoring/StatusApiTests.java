package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ClusterNodes;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status figures: what a node samples from its meters, the cluster's own figures, the
 * history over a range for one node and aggregated over two, thinning, the rules' bad
 * input and the permission.
 */
class StatusApiTests extends IntegrationTest {

	@Autowired
	private Sampler sampler;

	@Autowired
	private ClusterNodes nodes;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNodeSamplesItsMetersAndTheStatusShowsThemPerNodeAndForTheCluster() {
		Instant now = this.clock.instant().plusSeconds(3600);
		this.clock.set(now);
		ApiClient admin = admin();
		this.sampler.sampleNode(now);
		admin.get("/api/v1/session");
		this.clock.set(now.plusSeconds(60));
		this.sampler.sampleNode(this.clock.instant());
		this.sampler.sampleCluster(this.clock.instant());
		String self = this.nodes.thisNode().id();
		Map<String, BigDecimal> mine = latestOf(self, this.clock.instant());
		assertThat(mine).containsKeys("system.cpu|", "process.cpu|", "jvm.heap.used|", "jvm.heap.bytes|",
				"jvm.nonheap.bytes|", "disk.used|data", "disk.free|data", "disk.used|backup", "disk.used|log",
				"db.pool.used|", "db.connection.time|", "http.rate|all", "http.p99|all", "http.errors|all",
				"ws.visitors|", "ws.staff|");
		assertThat(mine.get("system.cpu|")).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
		assertThat(mine.get("jvm.heap.used|")).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
		assertThat(mine.get("http.rate|all")).isPositive();
		Map<String, BigDecimal> cluster = latestOf(Sampler.CLUSTER, this.clock.instant());
		assertThat(cluster).containsKeys("queue.waiting|all", "queue.longest_wait|all", "outbox.backlog|",
				"events.backlog|", "backup.failed|", "nodes.gone|");

		ApiClient.Response status = admin.get("/api/v1/operations/status?range=1h");
		assertThat(status.status()).as(status.toString()).isEqualTo(200);
		JsonNode body = status.json();
		assertThat(body.path("nodes").findValuesAsString("id")).contains(self);
		assertThat(body.path("series").findValuesAsString("metric")).contains("system.cpu", "queue.waiting");
		ApiClient.Response one = admin
			.get("/api/v1/operations/status?range=24h&node=" + self + "&metrics=system.cpu&metrics=disk.used");
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.json().path("series").findValuesAsString("metric")).containsOnly("system.cpu", "disk.used");
		assertThat(one.json().path("series").findValuesAsString("dim")).contains("data", "backup", "log");
	}

	@Test
	void theClusterIsTheNodesTogetherEachByItsOwnRule() {
		long minute = Sampler.minute(this.clock.instant()) + 120;
		this.clock.set(Instant.ofEpochSecond((minute + 1) * 60));
		write("two-a", minute, "system.cpu", "", 40);
		write("two-b", minute, "system.cpu", "", 80);
		write("two-a", minute, "ws.visitors", "", 100);
		write("two-b", minute, "ws.visitors", "", 250);
		write("two-a", minute, "disk.used", "data", 30);
		write("two-b", minute, "disk.used", "data", 95);
		ApiClient admin = admin();
		JsonNode cluster = admin
			.get("/api/v1/operations/status?range=1h&metrics=system.cpu&metrics=ws.visitors&metrics=disk.used")
			.json();
		assertThat(pointAt(cluster, "system.cpu", "", minute)).isEqualByComparingTo("60");
		assertThat(pointAt(cluster, "ws.visitors", "", minute)).isEqualByComparingTo("350");
		assertThat(pointAt(cluster, "disk.used", "data", minute)).isEqualByComparingTo("95");
		JsonNode nodeA = admin.get("/api/v1/operations/status?range=1h&node=two-a&metrics=system.cpu").json();
		assertThat(pointAt(nodeA, "system.cpu", "", minute)).isEqualByComparingTo("40");
	}

	@Test
	void minutesOlderThanSevenDaysAreFoldedIntoSlotsAndSlotsOlderThanNinetyDaysForgotten() {
		Instant now = this.clock.instant().plusSeconds(7200);
		long old = Sampler.minute(now.minus(Sampler.MINUTES_KEPT)) - 60;
		old -= Math.floorMod(old, 15);
		for (int i = 0; i < 15; i++) {
			write("thin-node", old + i, "system.cpu", "", 10 + i);
		}
		write("thin-node", Sampler.minute(now) - 5, "system.cpu", "", 50);
		long ancient = Sampler.minute(now.minus(Sampler.SLOTS_KEPT)) - 30;
		this.jdbc
			.sql("INSERT INTO ops_sample_slot (metric, dim, node, slot, avg_val, max_val) VALUES (?, ?, ?, ?, ?, ?)")
			.params("system.cpu", "", "thin-node", ancient, 1, 1)
			.update();
		this.sampler.thin(now);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ops_sample WHERE node = 'thin-node'").query(Long.class).single())
			.isEqualTo(1);
		List<Map<String, Object>> slots = this.jdbc
			.sql("SELECT slot, avg_val, max_val FROM ops_sample_slot WHERE node = 'thin-node' ORDER BY slot")
			.query()
			.listOfRows();
		assertThat(slots).hasSize(1);
		assertThat(((Number) slots.get(0).get("SLOT")).longValue()).isEqualTo(old);
		assertThat(new BigDecimal(slots.get(0).get("AVG_VAL").toString())).isEqualByComparingTo("17");
		assertThat(new BigDecimal(slots.get(0).get("MAX_VAL").toString())).isEqualByComparingTo("24");
		this.clock.set(now);
		JsonNode thinned = admin().get("/api/v1/operations/status?range=30d&node=thin-node&metrics=system.cpu").json();
		assertThat(thinned.path("series").get(0).path("stepSeconds").asLong()).isEqualTo(3600);
		// the slot long ago and the minute kept as it is: the range reaches to now
		List<Long> times = new java.util.ArrayList<>();
		thinned.path("series").get(0).path("points").forEach((point) -> times.add(point.get(0).asLong()));
		assertThat(times).hasSize(2);
		assertThat(times.get(0)).isEqualTo((old - Math.floorMod(old, 60)) * 60_000);
		assertThat(times.get(1)).isGreaterThan(now.minus(Sampler.MINUTES_KEPT).toEpochMilli());
	}

	@Test
	void badRangesNodesAndMetricsAreRefusedAndOnlySystemMonitorSeesTheStatus() {
		ApiClient admin = admin();
		assertThat(admin.get("/api/v1/operations/status?range=2h").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/status?range=99999d").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/status?node=../../etc").status()).isEqualTo(400);
		ApiClient.Response unknown = admin.get("/api/v1/operations/status?metrics=cpu.temperature");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("must be a known metric");
		assertThat(signedInAs("agent").get("/api/v1/operations/status").status()).isEqualTo(403);
		assertThat(signedInAs("support").get("/api/v1/operations/status").status()).isEqualTo(200);
	}

	@Test
	void ruleChangesOutOfRangeAreRefusedAndChangeNothing() {
		ApiClient admin = admin();
		JsonNode cpu = rule(admin, "system.cpu");
		long id = cpu.path("id").asLong();
		int version = cpu.path("version").asInt();
		Map<String, Object> valid = Map.of("comparison", "ABOVE", "threshold", 80, "durationMinutes", 3, "severity",
				"CRITICAL", "enabled", true, "notifyEmail", true, "version", version);
		for (Map<String, Object> bad : List.of(with(valid, "threshold", 150), with(valid, "threshold", -1),
				with(valid, "durationMinutes", 0), with(valid, "durationMinutes", 100_000),
				with(valid, "comparison", "SIDEWAYS"), with(valid, "severity", "APOCALYPTIC"),
				with(valid, "recipients", List.of(987_654_321)), with(valid, "dim", "data"))) {
			ApiClient.Response refused = admin.put("/api/v1/operations/alert-rules/" + id, bad);
			assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
		}
		assertThat(rule(admin, "system.cpu")).isEqualTo(cpu);
		assertThat(admin.put("/api/v1/operations/alert-rules/987654", valid).status()).isEqualTo(404);
		assertThat(signedInAs("agent").put("/api/v1/operations/alert-rules/" + id, valid).status()).isEqualTo(403);
		ApiClient.Response saved = admin.put("/api/v1/operations/alert-rules/" + id, valid);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("threshold").decimalValue()).isEqualByComparingTo("80");
		assertThat(admin.put("/api/v1/operations/alert-rules/" + id, valid).status()).as("stale version")
			.isEqualTo(409);
		assertThat(admin
			.put("/api/v1/operations/alert-rules/" + id, with(with(valid, "threshold", 85), "version", version + 1))
			.status()).isEqualTo(200);
		assertThat(admin
			.put("/api/v1/operations/alert-rules/" + id,
					with(with(with(valid, "threshold", 85), "version", version + 2), "durationMinutes", 5))
			.status()).isEqualTo(200);
	}

	private static JsonNode rule(ApiClient admin, String metric) {
		for (JsonNode rule : admin.get("/api/v1/operations/alert-rules").json()) {
			if (rule.path("metric").asString().equals(metric)) {
				return rule;
			}
		}
		throw new AssertionError("no rule for " + metric);
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new java.util.HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

	private void write(String node, long minute, String metric, String dim, double value) {
		this.jdbc.sql("INSERT INTO ops_sample (metric, dim, node, at_minute, val) VALUES (?, ?, ?, ?, ?)")
			.params(metric, dim, node, minute, BigDecimal.valueOf(value))
			.update();
	}

	private Map<String, BigDecimal> latestOf(String node, Instant now) {
		Map<String, BigDecimal> values = new java.util.TreeMap<>();
		for (MetricHistory.Value value : this.history.latest(now)) {
			if (value.node().equals(node)) {
				values.put(value.metric().key() + "|" + value.dim(), value.value());
			}
		}
		return values;
	}

	@Autowired
	private MetricHistory history;

	private static BigDecimal pointAt(JsonNode status, String metric, String dim, long minute) {
		for (JsonNode series : status.path("series")) {
			if (series.path("metric").asString().equals(metric) && series.path("dim").asString().equals(dim)) {
				for (JsonNode point : series.path("points")) {
					if (point.get(0).asLong() == minute * 60_000) {
						return point.get(1).decimalValue();
					}
				}
			}
		}
		throw new AssertionError("no point of " + metric + " at " + minute + " in " + status);
	}

}
