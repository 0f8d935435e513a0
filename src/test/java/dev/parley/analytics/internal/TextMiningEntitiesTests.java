package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.analytics.internal.textmining.MiningWorker;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text mining over the real chat, for what the audit of issue 15 found missing: the names
 * of the visitor and the agents and English self-introductions never become terms; the
 * places, organisations, products and order numbers of a period are shown with their
 * conversations while personal data is only counted; a rising phrase is a hot topic; the
 * time zone is checked like the reports'; the export is guarded by statistics.export.
 */
class TextMiningEntitiesTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	MiningWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Test
	void namesStayOutEntitiesAreShownAndARisingPhraseIsHot() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		ApiClient admin = admin();
		ApiClient.Response named = admin.put("/api/v1/agents/" + team.annId,
				Map.of("publicName", "Anna Smith", "languages", List.of("en"), "skills", List.of(), "capacity", 5));
		assertThat(named.status()).as(named.toString()).isEqualTo(200);
		for (Map<String, String> word : List.of(Map.of("word", "London", "kind", "PLACE"),
				Map.of("word", "Acme Corp", "kind", "ORGANISATION"), Map.of("word", "Parley Pro", "kind", "PRODUCT"))) {
			assertThat(admin.post("/api/v1/text-mining/dictionary", word).status()).isEqualTo(201);
		}
		LocalDate before = today();
		chat(team, null, "Where is my parcel?", "Let me check");
		chat(team, null, "My parcel is not here, where is my parcel", "Checking");
		this.clock.advance(Duration.ofDays(1));
		LocalDate day = today();
		long jane = chat(team, "Jane Doe",
				"Hello, my name is Jane Doe. The screen is broken on my Parley Pro, order SO20240512345 from London",
				"Hi Jane, Anna here: sorry the screen is broken, I will check with Acme Corp");
		long tom = chat(team, null, "I'm Tom Baker, my screen is broken and Acme Corp sent it to London",
				"Thanks Tom, Anna Smith will replace the screen");
		chat(team, null, "The screen is broken again", "Sorry");
		eventsHandled();
		this.worker.runOnce();

		for (long id : List.of(jane, tom)) {
			for (String side : List.of("visitor", "agent")) {
				assertThat(terms(id, side)).as(id + " " + side)
					.isNotEmpty()
					.noneMatch((t) -> t.contains("jane") || t.contains("doe") || t.contains("anna")
							|| t.contains("smith") || t.contains("tom") || t.contains("baker") || t.contains("name"));
			}
		}
		assertThat(terms(jane, "visitor")).contains("screen", "screen broken", "london", "parley pro", "SO20240512345");

		String period = "?from=" + day + "&to=" + day + "&channelId=" + team.channelId;
		JsonNode entities = team.sue.get("/api/v1/text-mining/entities" + period).json();
		assertThat(entities.path("kinds").findValuesAsString("kind")).containsExactly("PLACE", "ORGANISATION",
				"PRODUCT", "ORDER_NUMBER");
		JsonNode london = kind(entities, "PLACE").get(0);
		assertThat(london.path("text").asString()).isEqualTo("london");
		assertThat(london.path("documents").asInt()).isEqualTo(2);
		assertThat(london.path("examples").toString()).isEqualTo("[" + tom + "," + jane + "]");
		assertThat(kind(entities, "ORGANISATION").get(0).path("text").asString()).isEqualTo("acme corp");
		assertThat(kind(entities, "PRODUCT").get(0).path("text").asString()).isEqualTo("parley pro");
		assertThat(kind(entities, "ORDER_NUMBER").get(0).path("text").asString()).isEqualTo("SO20240512345");
		assertThat(entities.path("personal").path("documents").asInt()).isEqualTo(2);
		assertThat(entities.toString()).doesNotContain("Jane", "jane", "Tom", "PERSON", "PHONE");
		JsonNode places = team.sue.get("/api/v1/text-mining/entities" + period + "&kind=place&limit=1").json();
		assertThat(places.path("kinds")).hasSize(1);
		JsonNode drill = team.sue
			.get("/api/v1/text-mining/conversations" + period + "&entity=ORDER_NUMBER&term=SO20240512345")
			.json();
		assertThat(drill.path("items").findValuesAsString("conversationId")).containsExactly(String.valueOf(jane));

		// "screen broken" is in three conversations today and none yesterday
		JsonNode topics = team.sue.get("/api/v1/text-mining/topics" + period).json();
		assertThat(topics.path("hot").findValuesAsString("term")).contains("screen broken");
		assertThat(topics.path("keywords").findValuesAsString("term")).contains("screen broken");
		JsonNode trend = team.sue
			.get("/api/v1/text-mining/trend?terms=screen%20broken&from=" + before + "&to=" + day + "&channelId="
					+ team.channelId)
			.json();
		assertThat(trend.path("series").get(0).path("documents").toString()).isEqualTo("[0,3]");
		JsonNode phrase = team.sue.get("/api/v1/text-mining/conversations" + period + "&term=Screen%20Broken").json();
		assertThat(phrase.path("items")).hasSize(3);

		// an agent sees the named things of his own conversations; Bob took none
		assertThat(team.bob.get("/api/v1/text-mining/entities" + period).json().path("kinds").findValues("items"))
			.allMatch(JsonNode::isEmpty);

		// the file: a supervisor may export, an agent without statistics.export may not
		ApiClient.Response csv = team.sue.get("/api/v1/text-mining/export" + period + "&format=csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition")).contains("parley-text-mining-" + day + "-" + day + ".csv");
		assertThat(csv.body()).contains("screen broken", "london", "SO20240512345", "#" + jane)
			.doesNotContain("Jane", "Tom");
		ApiClient.Response xlsx = team.sue.get("/api/v1/text-mining/export" + period + "&format=xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
		assertThat(team.ann.get("/api/v1/text-mining/export" + period).status()).isEqualTo(403);
		assertThat(team.sue.get("/api/v1/text-mining/export" + period + "&format=pdf").status()).isEqualTo(400);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'statistics.exported' AND detail LIKE ?")
					.param("parley-text-mining-%")
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void badEntityKindsTimeZonesAndLimitsAreRefused() {
		ApiClient admin = admin();
		LocalDate day = today();
		String period = "?from=" + day + "&to=" + day;
		assertThat(admin.get("/api/v1/text-mining/entities" + period + "&kind=PERSON").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/text-mining/entities" + period + "&kind=PHONE").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/text-mining/entities" + period + "&limit=0").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/text-mining/entities" + period + "&limit=51").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/text-mining/conversations" + period + "&entity=PERSON&term=jane").status())
			.isEqualTo(400);
		for (String path : List.of("/api/v1/text-mining/topics", "/api/v1/text-mining/entities",
				"/api/v1/text-mining/export")) {
			assertThat(admin.get(path + period + "&timeZone=Mars/Olympus").status()).as(path).isEqualTo(400);
			assertThat(admin.get(path + period + "&timeZone=Europe/Paris").code()).as(path)
				.isEqualTo("time_zone_not_supported");
			assertThat(admin.get(path + period + "&timeZone=Asia/Shanghai").status()).as(path).isEqualTo(200);
		}
		assertThat(admin.get("/api/v1/text-mining/trend" + period + "&terms=x&timeZone=Nowhere").status())
			.isEqualTo(400);
		assertThat(client().get("/api/v1/text-mining/entities" + period).status()).isEqualTo(401);
		assertThat(client().get("/api/v1/text-mining/export" + period).status()).isEqualTo(401);
	}

	/** A visitor (named, or not) asks, Ann takes it and answers, and closes it. */
	private long chat(ReportFixtures.Team team, String name, String question, String answer) {
		ApiClient client = new ApiClient(this.port);
		Map<String, Object> arrival = new HashMap<>();
		if (name != null) {
			arrival.put("name", name);
		}
		String token = client.post("/api/v1/widget/channels/" + team.key + "/visitors", arrival)
			.json()
			.path("token")
			.asString();
		ApiClient visitor = new ApiClient(this.port).withHeader("X-Parley-Visitor", token);
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations", Map.of("question", question));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long id = started.json().path("id").asLong();
		ReportFixtures.take(team.ann, id);
		ReportFixtures.agentSays(team.ann, id, answer);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(team.ann.post("/api/v1/conversations/" + id + "/close", Map.of()).status()).isEqualTo(200);
		return id;
	}

	private List<String> terms(long conversationId, String side) {
		return this.jdbc.sql("SELECT term FROM mining_term WHERE conversation_id = ? AND side = ?")
			.params(conversationId, side)
			.query(String.class)
			.list();
	}

	private static JsonNode kind(JsonNode entities, String kind) {
		for (JsonNode group : entities.path("kinds")) {
			if (group.path("kind").asString().equals(kind)) {
				return group.path("items");
			}
		}
		throw new AssertionError("No " + kind + " in " + entities);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
	}

}
