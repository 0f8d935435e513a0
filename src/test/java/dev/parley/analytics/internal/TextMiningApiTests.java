package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.analytics.internal.textmining.MiningWorker;
import dev.parley.conversations.ConversationAnonymised;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text mining over the real chat: conversations in Chinese and English closed through the
 * API, analysed by the worker; keywords stored without personal data, a term rising
 * against the previous day, associations, a dictionary word changing the segmentation
 * after a re-run, anonymisation forgetting the terms; who sees what; bad input.
 */
class TextMiningApiTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	MiningWorker worker;

	@Autowired
	AnalyticsWorker analytics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void closedConversationsAreMinedIntoHotTopicsAndAssociationsWithoutPersonalData() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate before = today();
		chat(team, "The delivery is late", "Sorry for the delay");
		chat(team, "Delivery still late, where is the parcel?", "Let me check the parcel");
		this.clock.advance(Duration.ofDays(1));
		LocalDate day = today();
		long english = chat(team,
				"I need a refund and a new invoice. My phone is 13812345678, mail jane.doe@example.com",
				"The refund is on its way");
		long chinese = chat(team, "我要退款，发票也开错了。我叫张伟，电话13912345678", "退款已经处理");
		chat(team, "Where is my refund? The invoice was wrong too.", "Refund sent");
		eventsHandled();
		this.worker.runOnce();
		this.analytics.runOnce();

		List<String> visitorTerms = terms(english, "visitor");
		assertThat(visitorTerms).contains("refund", "invoice");
		assertThat(terms(chinese, "visitor")).contains("退款", "发票");
		assertThat(terms(english, "agent")).contains("refund");
		List<String> all = new ArrayList<>(visitorTerms);
		all.addAll(terms(chinese, "visitor"));
		assertThat(all).noneMatch((t) -> t.contains("1381") || t.contains("1391") || t.contains("jane")
				|| t.contains("example.com") || t.contains("张伟"));
		assertThat(this.jdbc.sql("SELECT personal FROM mining_document WHERE conversation_id = ? AND side = 'visitor'")
			.param(chinese)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(2);

		String period = "?from=" + day + "&to=" + day + "&channelId=" + team.channelId;
		JsonNode topics = team.sue.get("/api/v1/text-mining/topics" + period).json();
		assertThat(topics.path("documents").asInt()).isEqualTo(3);
		assertThat(topics.path("previousDocuments").asInt()).isEqualTo(2);
		assertThat(topics.path("range").path("previousFrom").asString()).isEqualTo(before.toString());
		JsonNode refund = find(topics.path("hot"), "term", "refund");
		assertThat(refund.path("documents").asInt()).isEqualTo(2);
		assertThat(refund.path("previousDocuments").asInt()).isZero();
		assertThat(refund.path("score").asDouble()).isPositive();
		assertThat(refund.path("examples")).hasSize(2);
		assertThat(topics.path("hot").findValuesAsString("term")).doesNotContain("delivery");
		assertThat(find(topics.path("keywords"), "term", "refund").path("documents").asInt()).isEqualTo(2);
		JsonNode rule = null;
		for (JsonNode r : topics.path("associations")) {
			if (r.path("antecedent").asString().equals("refund") && r.path("consequent").asString().equals("invoice")) {
				rule = r;
			}
		}
		assertThat(rule).as(topics.path("associations").toString()).isNotNull();
		assertThat(rule.path("confidence").asDouble()).isEqualTo(1.0);
		assertThat(rule.path("support").asDouble()).isEqualTo(2.0 / 3);
		assertThat(topics.path("sample").path("capped").asBoolean()).isFalse();
		assertThat(topics.path("clusters")).isNotEmpty();

		JsonNode trend = team.sue
			.get("/api/v1/text-mining/trend?terms=refund,delivery&from=" + before + "&to=" + day + "&channelId="
					+ team.channelId)
			.json();
		assertThat(trend.path("series").get(0).path("documents").get(1).asInt()).isEqualTo(2);
		assertThat(trend.path("series").get(1).path("documents").get(0).asInt()).isEqualTo(2);
		assertThat(trend.path("documents").get(0).asInt()).isEqualTo(2);
		// days without any conversation are zeros
		JsonNode longer = team.sue
			.get("/api/v1/text-mining/trend?terms=refund&from=" + before.minusDays(3) + "&to=" + day + "&channelId="
					+ team.channelId)
			.json();
		assertThat(longer.path("documents").toString()).isEqualTo("[0,0,0,2,3]");
		assertThat(longer.path("series").get(0).path("documents").toString()).isEqualTo("[0,0,0,0,2]");
		JsonNode drill = team.sue.get("/api/v1/text-mining/conversations" + period + "&term=invoice").json();
		assertThat(drill.path("items").findValuesAsString("conversationId")).contains(String.valueOf(english));

		// the agents' side: the agents' words, counted apart
		JsonNode agents = team.sue.get("/api/v1/text-mining/topics" + period + "&side=agent").json();
		assertThat(find(agents.path("keywords"), "term", "refund").path("documents").asInt()).isEqualTo(2);

		// an agent sees only the conversations he took part in: Bob took none
		assertThat(team.ann.get("/api/v1/text-mining/topics" + period).json().path("documents").asInt()).isEqualTo(3);
		assertThat(team.bob.get("/api/v1/text-mining/topics" + period).json().path("documents").asInt()).isZero();
		JsonNode other = signedInAs("supervisor").get("/api/v1/text-mining/topics" + period).json();
		assertThat(other.path("documents").asInt()).as("a supervisor of other groups").isZero();
		assertThat(team.sue.get("/api/v1/text-mining/topics" + period + "&groupId=999999").status()).isEqualTo(403);

		// anonymised: the terms and the rollup forget the conversation
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("UPDATE chat_message SET body = '[erased]' WHERE conversation_id = ? AND kind = 'text'")
				.param(english)
				.update();
			this.events.publishEvent(new ConversationAnonymised(english, Instant.now()));
		});
		eventsHandled();
		this.worker.runOnce();
		assertThat(terms(english, "visitor")).isEmpty();
		JsonNode after = team.sue.get("/api/v1/text-mining/topics" + period).json();
		assertThat(after.path("documents").asInt()).isEqualTo(2);
		assertThat(find(after.path("keywords"), "term", "refund").path("documents").asInt()).isEqualTo(1);
	}

	@Test
	void aDictionaryWordChangesTheSegmentationAfterARerun() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate day = today();
		long id = chat(team, "我的小米手环8退款慢", "好的");
		eventsHandled();
		this.worker.runOnce();
		assertThat(terms(id, "visitor")).doesNotContain("小米手环8");

		ApiClient admin = admin();
		assertThat(team.sue.post("/api/v1/text-mining/dictionary", Map.of("word", "小米手环8", "kind", "PRODUCT")).status())
			.isEqualTo(403);
		ApiClient.Response added = admin.post("/api/v1/text-mining/dictionary",
				Map.of("word", "小米手环8", "kind", "PRODUCT"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long wordId = added.json().path("id").asLong();
		assertThat(admin.post("/api/v1/text-mining/dictionary", Map.of("word", "小米手环8", "kind", "TERM")).status())
			.isEqualTo(409);
		assertThat(admin.post("/api/v1/text-mining/dictionary", Map.of("word", " ", "kind", "TERM")).status())
			.isEqualTo(400);
		assertThat(
				admin.post("/api/v1/text-mining/dictionary", Map.of("word", "x".repeat(41), "kind", "TERM")).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/text-mining/dictionary", Map.of("word", "ok", "kind", "NOUN")).status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/text-mining/dictionary").json().findValuesAsString("word")).contains("小米手环8");

		assertThat(team.sue.post("/api/v1/text-mining/runs", Map.of("from", day.toString(), "to", day.toString()))
			.status()).isEqualTo(403);
		assertThat(
				admin.post("/api/v1/text-mining/runs", Map.of("from", day.toString(), "to", day.minusDays(1))).status())
			.isEqualTo(400);
		ApiClient.Response run = admin.post("/api/v1/text-mining/runs",
				Map.of("from", day.toString(), "to", day.toString()));
		assertThat(run.status()).as(run.toString()).isEqualTo(202);
		Eventually.until("the run is done",
				() -> admin.get("/api/v1/text-mining/runs").json().path("state").asString().equals("DONE"));
		assertThat(terms(id, "visitor")).contains("小米手环8");

		assertThat(admin.delete("/api/v1/text-mining/dictionary/" + wordId).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/text-mining/dictionary/" + wordId).status()).isEqualTo(404);
	}

	@Test
	void badInputIsRefused() {
		ApiClient admin = admin();
		LocalDate day = today();
		String path = "/api/v1/text-mining/topics";
		assertThat(admin.get(path + "?from=" + day + "&to=" + day.minusDays(1)).status()).isEqualTo(400);
		assertThat(admin.get(path + "?from=" + day.minusDays(400) + "&to=" + day).status()).isEqualTo(400);
		assertThat(admin.get(path + "?from=" + day + "&to=" + day + "&side=robot").status()).isEqualTo(400);
		assertThat(admin.get(path + "?from=nope&to=" + day).status()).isEqualTo(400);
		String trend = "/api/v1/text-mining/trend?from=" + day + "&to=" + day;
		assertThat(admin.get(trend + "&terms=a,b,c,d,e,f").status()).isEqualTo(400);
		assertThat(admin.get(trend + "&terms=%20").status()).isEqualTo(400);
		assertThat(admin.get(trend).status()).isEqualTo(400);
		String drill = "/api/v1/text-mining/conversations?from=" + day + "&to=" + day;
		assertThat(admin.get(drill).status()).isEqualTo(400);
		assertThat(admin.get(drill + "&term=x&limit=0").status()).isEqualTo(400);
		assertThat(client().get(path + "?from=" + day + "&to=" + day).status()).isEqualTo(401);
	}

	/** A visitor asks, Ann takes it and answers, and closes it. */
	private long chat(ReportFixtures.Team team, String question, String answer) {
		ReportFixtures.Visitor visitor = team.visitor(question);
		ReportFixtures.take(team.ann, visitor.id());
		ReportFixtures.agentSays(team.ann, visitor.id(), answer);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(team.ann.post("/api/v1/conversations/" + visitor.id() + "/close", Map.of()).status()).isEqualTo(200);
		return visitor.id();
	}

	private List<String> terms(long conversationId, String side) {
		return this.jdbc.sql("SELECT term FROM mining_term WHERE conversation_id = ? AND side = ?")
			.params(conversationId, side)
			.query(String.class)
			.list();
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.path(field).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("No " + value + " in " + array);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
	}

}
