package dev.parley.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault records over HTTP: the whole flow with its notes and summary, refused moves and
 * input with nothing changed, concurrent edits, the evidence of the window (the test
 * sources of {@code TestEvidenceSources}, one of which always fails) and who may see
 * faults.
 */
class FaultApiTests extends IntegrationTest {

	static final String FAULTS = "/api/v1/operations/faults";

	@Autowired
	JdbcClient jdbc;

	static Map<String, Object> draft(String title, String observed, Instant startedAt) {
		Map<String, Object> draft = new HashMap<>();
		draft.put("title", title);
		draft.put("observed", observed);
		draft.put("faultClass", "DATABASE");
		draft.put("severity", "MAJOR");
		draft.put("functions", List.of("CHAT", "TICKETS"));
		draft.put("startedAt", startedAt.toString());
		return draft;
	}

	static JsonNode report(ApiClient client, Map<String, Object> draft) {
		ApiClient.Response created = client.post(FAULTS, draft);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	static JsonNode move(ApiClient client, JsonNode fault, String to, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("to", to);
		body.put("version", fault.path("version").asInt());
		ApiClient.Response moved = client.post(FAULTS + "/" + fault.path("id").asLong() + "/transitions", body);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("status").asString()).isEqualTo(to);
		return moved.json();
	}

	@Test
	void aFaultGoesThroughEveryStepWithNotesActorsAndASummary() {
		ApiClient admin = admin();
		Instant started = this.clock.instant().minus(Duration.ofMinutes(40));
		JsonNode fault = report(admin, draft("Chat replies slow", "Agents wait 20 s for a reply to appear", started));
		assertThat(fault.path("status").asString()).isEqualTo("REPORTED");
		assertThat(fault.path("reportedBy").asString()).isEqualTo(ADMIN);
		assertThat(fault.path("functions").toString()).contains("CHAT", "TICKETS");
		assertThat(fault.path("next").toString()).contains("INVESTIGATING", "RESOLVED");

		fault = move(admin, fault, "INVESTIGATING", Map.of("note", "Looking at the pool"));
		fault = move(admin, fault, "FIXING", Map.of("note", "Pool too small"));
		fault = move(admin, fault, "INVESTIGATING", Map.of("note", "Not the pool after all"));
		fault = move(admin, fault, "FIXING", Map.of("note", "A slow query"));
		fault = move(admin, fault, "RECOVERING", Map.of("fix", "Index on message(conversation_id)"));
		fault = move(admin, fault, "FIXING", Map.of("note", "Still slow on node 2"));
		fault = move(admin, fault, "RECOVERING",
				Map.of("verification", "Replies appear within 1 s on both nodes for 30 minutes"));
		ApiClient.Response noSummary = admin.post(FAULTS + "/" + fault.path("id").asLong() + "/transitions",
				Map.of("to", "RESOLVED", "version", fault.path("version").asInt()));
		assertThat(noSummary.status()).as(noSummary.toString()).isEqualTo(400);
		assertThat(noSummary.body()).contains("cause");
		assertThat(admin.get(FAULTS + "/" + fault.path("id").asLong()).json().path("status").asString())
			.isEqualTo("RECOVERING");
		fault = move(admin, fault, "RESOLVED", Map.of("cause", "Missing index", "impact", "Chat slow for 40 minutes",
				"prevention", "Check query plans before release"));
		assertThat(fault.path("resolvedAt").isNull()).isFalse();
		assertThat(fault.path("durationMinutes").asLong()).isGreaterThanOrEqualTo(40);
		fault = move(admin, fault, "INVESTIGATING", Map.of("note", "It came back"));
		fault = move(admin, fault, "FIXING", Map.of());
		fault = move(admin, fault, "RECOVERING", Map.of());
		fault = move(admin, fault, "RESOLVED", Map.of());
		fault = move(admin, fault, "REVIEWED", Map.of("note", "Reviewed in the weekly meeting"));
		assertThat(fault.path("next").size()).isZero();

		List<String> steps = new ArrayList<>();
		fault.path("steps").forEach((step) -> steps.add(step.path("to").asString()));
		assertThat(steps).containsExactly("REPORTED", "INVESTIGATING", "FIXING", "INVESTIGATING", "FIXING",
				"RECOVERING", "FIXING", "RECOVERING", "RESOLVED", "INVESTIGATING", "FIXING", "RECOVERING", "RESOLVED",
				"REVIEWED");
		JsonNode back = fault.path("steps").get(3);
		assertThat(back.path("from").asString()).isEqualTo("FIXING");
		assertThat(back.path("note").asString()).isEqualTo("Not the pool after all");
		assertThat(back.path("actor").asString()).isEqualTo(ADMIN);
		assertThat(back.path("at").isNull()).isFalse();
		assertThat(fault.path("fix").asString()).isEqualTo("Index on message(conversation_id)");

		// reviewed is final
		ApiClient.Response again = admin.post(FAULTS + "/" + fault.path("id").asLong() + "/transitions",
				Map.of("to", "INVESTIGATING", "note", "x", "version", fault.path("version").asInt()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("invalid_fault_transition");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'fault.moved' AND target = ?")
			.param("#" + fault.path("id").asLong())
			.query(Long.class)
			.single()).isEqualTo(13);
	}

	@Test
	void aFalseAlarmIsResolvedStraightAwayOnlyWithANote() {
		ApiClient admin = admin();
		JsonNode fault = report(admin, draft("Widget gone", "A customer says the widget is gone",
				this.clock.instant().minus(Duration.ofMinutes(5))));
		String path = FAULTS + "/" + fault.path("id").asLong() + "/transitions";
		Map<String, Object> summary = new HashMap<>(
				Map.of("to", "RESOLVED", "version", 0, "cause", "False alarm", "impact", "None", "prevention", "None"));
		ApiClient.Response noNote = admin.post(path, summary);
		assertThat(noNote.status()).as(noNote.toString()).isEqualTo(400);
		assertThat(noNote.body()).contains("note");
		summary.put("note", "The customer's ad blocker hid it");
		assertThat(admin.post(path, summary).json().path("status").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void refusedMovesAnswer409AndChangeNothing() {
		ApiClient admin = admin();
		JsonNode fault = report(admin,
				draft("Mail delayed", "Replies leave an hour late", this.clock.instant().minus(Duration.ofMinutes(5))));
		long id = fault.path("id").asLong();
		for (String to : List.of("FIXING", "RECOVERING", "REVIEWED", "REPORTED")) {
			ApiClient.Response refused = admin.post(FAULTS + "/" + id + "/transitions",
					Map.of("to", to, "note", "try", "version", 0));
			assertThat(refused.status()).as(to + ": " + refused).isEqualTo(409);
			assertThat(refused.code()).isEqualTo("invalid_fault_transition");
			assertThat(refused.json().path("from").asString()).isEqualTo("REPORTED");
		}
		JsonNode after = admin.get(FAULTS + "/" + id).json();
		assertThat(after.path("status").asString()).isEqualTo("REPORTED");
		assertThat(after.path("version").asInt()).isZero();
		assertThat(after.path("steps").size()).isEqualTo(1);
		assertThat(admin.post(FAULTS + "/" + id + "/transitions", Map.of("to", "SOLVED", "version", 0)).status())
			.isEqualTo(400);
	}

	@Test
	void aStaleVersionIsRefusedWith409() {
		ApiClient admin = admin();
		JsonNode fault = report(admin,
				draft("SMS not sent", "Codes do not arrive", this.clock.instant().minus(Duration.ofMinutes(5))));
		long id = fault.path("id").asLong();
		ApiClient.Response first = admin.send("PATCH", FAULTS + "/" + id,
				Map.of("version", 0, "fix", "Gateway password renewed"), "application/json");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		ApiClient.Response second = admin.send("PATCH", FAULTS + "/" + id, Map.of("version", 0, "title", "Other"),
				"application/json");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("stale_version");
		ApiClient.Response staleMove = admin.post(FAULTS + "/" + id + "/transitions",
				Map.of("to", "INVESTIGATING", "version", 0));
		assertThat(staleMove.code()).isEqualTo("stale_version");
		JsonNode after = admin.get(FAULTS + "/" + id).json();
		assertThat(after.path("title").asString()).isEqualTo("SMS not sent");
		assertThat(after.path("status").asString()).isEqualTo("REPORTED");
		assertThat(after.path("fix").asString()).isEqualTo("Gateway password renewed");
	}

	@Test
	void badInputIsRefusedWith400AndNothingIsStored() {
		ApiClient admin = admin();
		Instant now = this.clock.instant();
		long before = count();
		List<Map<String, Object>> bad = new ArrayList<>();
		bad.add(with(draft("x", "y", now), "faultClass", "COSMIC_RAYS"));
		bad.add(with(draft("x", "y", now), "severity", "APOCALYPTIC"));
		bad.add(with(draft("x", "y", now), "functions", List.of("CHAT", "TELEPORT")));
		bad.add(with(draft("x", "y", now), "title", ""));
		bad.add(with(draft("x", "y", now), "title", "t".repeat(201)));
		bad.add(with(draft("x", "y", now), "observed", " "));
		bad.add(with(draft("x", "y", now), "startedAt", now.plus(Duration.ofHours(2)).toString()));
		bad.add(with(draft("x", "y", now), "startedAt", "1970-01-01T00:00:00Z"));
		bad.add(with(draft("x", "y", now), "startedAt", "yesterday"));
		for (Map<String, Object> draft : bad) {
			ApiClient.Response refused = admin.post(FAULTS, draft);
			assertThat(refused.status()).as(draft + ": " + refused).isEqualTo(400);
			assertThat(refused.code()).isIn("validation_failed", "malformed_request");
		}
		assertThat(admin.post(FAULTS, null).status()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);
		for (String query : List.of("?limit=100000", "?limit=0", "?status=SLEEPING", "?class=X", "?severity=Y",
				"?from=monday", "?q=" + "a".repeat(201))) {
			assertThat(admin.get(FAULTS + query).status()).as(query).isEqualTo(400);
		}
		assertThat(admin.get(FAULTS + "/known-issues?limit=999999").status()).isEqualTo(400);
		ApiClient.Response chinese = admin.send("POST", FAULTS, with(draft("x", "y", now), "severity", "?"),
				"application/json");
		assertThat(chinese.status()).isEqualTo(400);
	}

	@Test
	void evidenceIsCapturedForTheWindowWhenOpenedAndWhenResolved() {
		ApiClient admin = admin();
		Instant started = this.clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
		JsonNode fault = report(admin, draft("Database slow", "Pages load slowly", started));
		long id = fault.path("id").asLong();
		List<JsonNode> opened = ours(admin.get(FAULTS + "/" + id + "/evidence").json());
		// the broken source kept nothing, the three others did
		assertThat(opened).extracting((e) -> e.path("kind").asString())
			.containsExactlyInAnyOrder("METRICS", "LOG_LINES", "ALERTS");
		JsonNode metrics = opened.stream()
			.filter((e) -> e.path("kind").asString().equals("METRICS"))
			.findFirst()
			.orElseThrow();
		assertThat(Instant.parse(metrics.path("from").asString())).isEqualTo(started.minus(Duration.ofMinutes(15)));
		assertThat(Instant.parse(metrics.path("to").asString()))
			.isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		assertThat(metrics.path("phase").asString()).isEqualTo("OPENED");
		assertThat(metrics.path("payload").path("series").get(0).path("points").size()).isGreaterThan(30);

		this.clock.advance(Duration.ofMinutes(20));
		Instant resolved = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		fault = move(admin, fault, "RESOLVED", Map.of("note", "Vacuum finished", "cause", "Autovacuum", "impact",
				"Slow pages", "prevention", "Tune autovacuum"));
		List<JsonNode> all = ours(admin.get(FAULTS + "/" + id + "/evidence").json());
		assertThat(all).hasSize(6);
		JsonNode last = all.stream()
			.filter((e) -> e.path("phase").asString().equals("RESOLVED") && e.path("kind").asString().equals("METRICS"))
			.findFirst()
			.orElseThrow();
		assertThat(Instant.parse(last.path("from").asString())).isEqualTo(started.minus(Duration.ofMinutes(15)));
		assertThat(Instant.parse(last.path("to").asString())).isEqualTo(resolved);
		assertThat(fault.path("status").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void technicalSupportHandlesFaultsButReadsNoConversationsAndOthersAreRefused() {
		ApiClient support = signedInAs("support");
		JsonNode fault = report(support,
				draft("Sign-in fails", "Agents cannot sign in", this.clock.instant().minus(Duration.ofMinutes(5))));
		assertThat(support.get(FAULTS + "/" + fault.path("id").asLong()).status()).isEqualTo(200);
		assertThat(support.get(FAULTS).status()).isEqualTo(200);
		assertThat(support.get("/api/v1/conversations").status()).isEqualTo(403);
		assertThat(support.get("/api/v1/conversations/search?q=x").status()).isEqualTo(403);

		ApiClient agent = signedInAs("agent");
		long before = count();
		for (ApiClient.Response refused : List.of(agent.get(FAULTS), agent.get(FAULTS + "/" + fault.path("id")),
				agent.post(FAULTS, draft("x", "y", this.clock.instant())), agent.get(FAULTS + "/known-issues"),
				agent.post(FAULTS + "/suggestions", Map.of("title", "x")),
				agent.post(FAULTS + "/" + fault.path("id") + "/transitions",
						Map.of("to", "INVESTIGATING", "version", 0)),
				agent.get(FAULTS + "/" + fault.path("id") + "/evidence"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM fault").query(Long.class).single();
	}

	private static List<JsonNode> ours(JsonNode evidence) {
		List<JsonNode> ours = new ArrayList<>();
		evidence.forEach((e) -> {
			if (e.path("payload").toString().contains("test-node")) {
				ours.add(e);
			}
		});
		return ours;
	}

	private static Map<String, Object> with(Map<String, Object> draft, String field, Object value) {
		draft.put(field, value);
		return draft;
	}

}
