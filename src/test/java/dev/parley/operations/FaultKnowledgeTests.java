package dev.parley.operations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.parley.operations.FaultApiTests.FAULTS;
import static dev.parley.operations.FaultApiTests.draft;
import static dev.parley.operations.FaultApiTests.move;
import static dev.parley.operations.FaultApiTests.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding faults: the list's filters and text search, the known issues built from
 * reviewed faults and the suggestions while reporting (English and Chinese), and faults
 * opened by alerts (once per alert, noted when the alert resolves).
 */
class FaultKnowledgeTests extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListFiltersByTextStatusClassSeverityAndPeriod() {
		ApiClient admin = admin();
		String word = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		Instant now = this.clock.instant();
		Map<String, Object> first = draft("Disk full " + word, "Uploads fail", now.minus(Duration.ofDays(3)));
		first.put("faultClass", "HARDWARE");
		first.put("severity", "CRITICAL");
		JsonNode disk = report(admin, first);
		JsonNode slow = report(admin, draft("Slow pages " + word, "Console slow", now.minus(Duration.ofHours(1))));
		move(admin, slow, "INVESTIGATING", Map.of());

		assertThat(ids(admin, "?q=" + word)).containsExactly(id(slow), id(disk));
		assertThat(ids(admin, "?q=" + word + "&status=INVESTIGATING")).containsExactly(id(slow));
		assertThat(ids(admin, "?q=" + word + "&class=HARDWARE")).containsExactly(id(disk));
		assertThat(ids(admin, "?q=" + word + "&severity=MAJOR")).containsExactly(id(slow));
		assertThat(ids(admin, "?q=" + word + "&from=" + now.minus(Duration.ofDays(1)))).containsExactly(id(slow));
		assertThat(ids(admin, "?q=" + word + "&to=" + now.minus(Duration.ofDays(1)))).containsExactly(id(disk));
		assertThat(ids(admin, "?q=uploads%20" + word)).containsExactly(id(disk));
		// paging by cursor
		JsonNode page = admin.get(FAULTS + "?q=" + word + "&limit=1").json();
		assertThat(page.path("items").size()).isEqualTo(1);
		assertThat(ids(admin, "?q=" + word + "&limit=1&before=" + page.path("nextCursor").asString()))
			.containsExactly(id(disk));
	}

	@Test
	void reviewedFaultsAreKnownIssuesSuggestedForSimilarWordsInEnglishAndChinese() {
		ApiClient admin = admin();
		Instant started = this.clock.instant().minus(Duration.ofHours(2));
		JsonNode pool = review(admin,
				report(admin, draft("Database connection pool exhausted",
						"Chat messages fail with timeout errors while the connection pool is exhausted", started)),
				"Long transactions held connections", "Shortened the transactions and raised the pool size");
		JsonNode chinese = review(admin, report(admin, draft("数据库连接池耗尽", "客服发送消息超时，数据库连接池已满", started)), "长事务占用连接",
				"缩短事务并扩大连接池");
		// similar, but not reviewed: not a known issue
		JsonNode open = report(admin, draft("Connection pool exhausted on node 3", "Timeouts", started));

		List<Long> english = suggested(admin, "connection pool exhausted again", "timeout errors in chat");
		assertThat(english).contains(id(pool)).doesNotContain(id(open), id(chinese));
		JsonNode first = admin
			.post(FAULTS + "/suggestions",
					Map.of("title", "connection pool exhausted again", "observed", "timeout errors in chat"))
			.json()
			.get(0);
		assertThat(first.path("cause").asString()).isNotEmpty();
		assertThat(first.path("fix").asString()).isNotEmpty();
		assertThat(first.path("symptom").asString()).isNotEmpty();

		List<Long> zh = suggested(admin, "连接池又耗尽了", "消息发送超时");
		assertThat(zh).contains(id(chinese)).doesNotContain(id(pool), id(open));
		assertThat(suggested(admin, "打印机卡纸", "")).doesNotContain(id(chinese), id(pool));

		List<Long> known = new ArrayList<>();
		admin.get(FAULTS + "/known-issues?q=connection%20pool")
			.json()
			.path("items")
			.forEach((item) -> known.add(item.path("id").asLong()));
		assertThat(known).contains(id(pool)).doesNotContain(id(open));
		assertThat(admin
			.get(FAULTS + "/known-issues?q="
					+ java.net.URLEncoder.encode("连接池", java.nio.charset.StandardCharsets.UTF_8))
			.json()
			.path("items")
			.toString()).contains("缩短事务并扩大连接池");
	}

	@Test
	void anAlertOpensOneFaultHoweverOftenItIsDeliveredAndItsResolutionIsNoted() {
		long alertId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
		Instant startedAt = this.clock.instant().minus(Duration.ofMinutes(7));
		AlertFired fired = new AlertFired(alertId, 3, "db.pool.pending", "node-2", AlertSeverity.CRITICAL,
				new BigDecimal("14"), new BigDecimal("5"), startedAt, this.clock.instant(), true);
		publish(fired);
		Eventually.until("a fault for alert " + alertId, () -> faultsOf(alertId) == 1);
		publish(fired);
		eventsHandled();
		assertThat(faultsOf(alertId)).isEqualTo(1);

		long id = this.jdbc.sql("SELECT id FROM fault WHERE alert_id = ?").param(alertId).query(Long.class).single();
		JsonNode fault = admin().get(FAULTS + "/" + id).json();
		assertThat(fault.path("title").asString()).isEqualTo("Waiting for a connection on node-2");
		assertThat(fault.path("faultClass").asString()).isEqualTo("DATABASE");
		assertThat(fault.path("severity").asString()).isEqualTo("CRITICAL");
		assertThat(fault.path("alertId").asLong()).isEqualTo(alertId);
		assertThat(fault.path("reportedBy").isNull()).isTrue();
		assertThat(Instant.parse(fault.path("startedAt").asString()).toEpochMilli())
			.isEqualTo(startedAt.toEpochMilli());
		assertThat(admin().get(FAULTS + "/" + id + "/evidence").json().size()).isGreaterThanOrEqualTo(3);

		AlertResolved resolved = new AlertResolved(alertId, 3, this.clock.instant());
		publish(resolved);
		Eventually.until("a note that alert " + alertId + " resolved",
				() -> admin().get(FAULTS + "/" + id).json().path("steps").toString().contains("resolved"));
		// delivered again: noted once
		publish(resolved);
		eventsHandled();
		assertThat(admin().get(FAULTS + "/" + id).json().path("steps").toString().split("resolved", -1)).hasSize(2);
		assertThat(admin().get(FAULTS + "/" + id).json().path("status").asString()).isEqualTo("REPORTED");

		long other = alertId - 1;
		publish(new AlertFired(other, 4, "system.cpu", null, AlertSeverity.WARNING, BigDecimal.TEN, BigDecimal.ONE,
				startedAt, this.clock.instant(), false));
		eventsHandled();
		assertThat(faultsOf(other)).isZero();
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
	}

	private long faultsOf(long alertId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM fault WHERE alert_id = ?").param(alertId).query(Long.class).single();
	}

	private static JsonNode review(ApiClient admin, JsonNode fault, String cause, String fix) {
		JsonNode resolved = move(admin, fault, "RESOLVED",
				Map.of("note", "Found it", "cause", cause, "fix", fix, "impact", "Chat down", "prevention", "Alert"));
		return move(admin, resolved, "REVIEWED", Map.of());
	}

	private static List<Long> suggested(ApiClient admin, String title, String observed) {
		List<Long> ids = new ArrayList<>();
		ApiClient.Response response = admin.post(FAULTS + "/suggestions", Map.of("title", title, "observed", observed));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		response.json().forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private static List<Long> ids(ApiClient admin, String query) {
		ApiClient.Response response = admin.get(FAULTS + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	private static long id(JsonNode fault) {
		return fault.path("id").asLong();
	}

}
