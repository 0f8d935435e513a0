package dev.parley.conversations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.internal.ConversationLifecycle;
import dev.parley.conversations.internal.Snoozes;
import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snoozing a conversation: out of the agent's active list into his snoozed list, back
 * when its time comes, when the customer writes or by hand; closing and transferring end
 * it; bad inputs and callers who may not snooze are refused and change nothing.
 */
@RecordApplicationEvents
class SnoozeTests extends ChatTest {

	private static final String CONVERSATIONS = "/api/v1/conversations/";

	@Autowired
	Snoozes snoozes;

	@Autowired
	ConversationLifecycle lifecycle;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ConversationQueue queue;

	@Test
	void snoozedForAnHourTheConversationLeavesMineAndComesBackWhenItsTimeComes() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		try (SocketClient staff = SocketClient.staff(this.port, agent);
				SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token())) {
			Instant before = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
			ApiClient.Response snoozed = snooze(agent, visitor.conversationId(), Map.of("preset", "hour"));
			assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
			assertThat(Instant.parse(snoozed.json().path("snoozedUntil").asString()))
				.isEqualTo(before.plus(Duration.ofHours(1)));
			assertThat(snoozed.json().path("status").asString()).isEqualTo("assigned");
			assertThat(ids(agent, "mine")).doesNotContain(visitor.conversationId());
			assertThat(ids(agent, "snoozed")).contains(visitor.conversationId());
			long agentId = agent.get("/api/v1/session").json().path("user").path("id").asLong();
			assertThat(this.queue.openCounts(List.of(agentId))).as("still counts against his capacity")
				.containsEntry(agentId, 1);
			JsonNode pushed = staff.expect((f) -> "conversation".equals(f.path("type").asString())
					&& f.path("conversation").path("id").asLong() == visitor.conversationId()
					&& !f.path("conversation").path("snoozedUntil").isNull(), "the snoozed conversation");
			assertThat(pushed.path("conversation").path("assignee").isNull()).isFalse();
			// the visitor hears nothing of it: the next frame they get is the agent's
			// reply
			agent.post(CONVERSATIONS + visitor.conversationId() + "/messages",
					Map.of("clientId", "agent-reply", "text", "I will look into it"));
			visitorSocket.expect((f) -> "message".equals(f.path("type").asString()), "the reply");
			assertThat(visitorSocket.seen().toString()).doesNotContain("snooze");
			assertThat(visitorSocket.seen().stream().filter((f) -> "conversation".equals(f.path("type").asString())))
				.as("no conversation frame for the snooze")
				.isEmpty();

			this.clock.advance(Duration.ofMinutes(59));
			try {
				this.snoozes.wakeDue();
				assertThat(ids(agent, "snoozed")).as("not yet").contains(visitor.conversationId());
				this.clock.advance(Duration.ofMinutes(1));
				assertThat(this.snoozes.wakeDue()).isGreaterThanOrEqualTo(1);
				assertThat(this.snoozes.wakeDue()).as("woken once").isZero();
			}
			finally {
				this.clock.advance(Duration.ofMinutes(-60));
			}
			assertThat(ids(agent, "mine")).contains(visitor.conversationId());
			assertThat(ids(agent, "snoozed")).doesNotContain(visitor.conversationId());
			staff.expect((f) -> "conversation".equals(f.path("type").asString())
					&& f.path("conversation").path("id").asLong() == visitor.conversationId()
					&& f.path("conversation").path("snoozedUntil").isNull(), "the woken conversation");
			assertThat(this.events.stream(ConversationUnsnoozed.class))
				.anyMatch((e) -> e.conversationId() == visitor.conversationId() && e.reason() == SnoozeEnd.TIME);
		}
	}

	@Test
	void snoozedUntilTheCustomerRepliesItComesBackWhenTheyWrite() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		ApiClient.Response snoozed = snooze(agent, visitor.conversationId(), Map.of("preset", "customer_reply"));
		assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
		assertThat(snoozed.json().path("snoozedUntilReply").asBoolean()).isTrue();
		assertThat(snoozed.json().path("snoozedUntil").isNull()).isTrue();
		assertThat(ids(agent, "snoozed")).contains(visitor.conversationId());

		// no time to wake at, and not closed for inactivity while snoozed
		this.clock.advance(Duration.ofMinutes(40));
		try {
			this.snoozes.wakeDue();
			this.lifecycle.closeInactive();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-40));
		}
		assertThat(ids(agent, "snoozed")).contains(visitor.conversationId());

		ApiClient.Response wrote = visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "back-again", "text", "Any news?"));
		assertThat(wrote.status()).as(wrote.toString()).isEqualTo(201);
		assertThat(ids(agent, "mine")).contains(visitor.conversationId());
		assertThat(ids(agent, "snoozed")).doesNotContain(visitor.conversationId());
		JsonNode now = agent.get(CONVERSATIONS + visitor.conversationId()).json();
		assertThat(now.path("snoozedUntilReply").asBoolean()).isFalse();
		assertThat(now.path("unread").asLong()).isPositive();
	}

	@Test
	void theAgentUnsnoozesByHandAndClosingOrTransferringEndsTheSnooze() {
		String key = channelKey();
		ApiClient agent = signedInAs("agent");
		TestVisitor visitor = visitorWithConversation(key);
		take(agent, visitor.conversationId());
		long id = visitor.conversationId();

		assertThat(snooze(agent, id, Map.of("preset", "tomorrow")).status()).isEqualTo(200);
		ApiClient.Response back = agent.delete(CONVERSATIONS + id + "/snooze");
		assertThat(back.status()).as(back.toString()).isEqualTo(200);
		assertThat(back.json().path("snoozedUntil").isNull()).isTrue();
		assertThat(ids(agent, "mine")).contains(id);
		assertThat(agent.delete(CONVERSATIONS + id + "/snooze").status()).as("again: nothing to do").isEqualTo(200);

		assertThat(snooze(agent, id, Map.of("preset", "next_week")).status()).isEqualTo(200);
		ApiClient.Response closed = agent.post(CONVERSATIONS + id + "/close", Map.of());
		assertThat(closed.status()).isEqualTo(200);
		assertThat(closed.json().path("snoozedUntil").isNull()).isTrue();
		assertThat(ids(agent, "snoozed")).doesNotContain(id);

		TestVisitor other = visitorWithConversation(key);
		take(agent, other.conversationId());
		ApiClient colleague = signedInAs("agent");
		long colleagueId = colleague.get("/api/v1/session").json().path("user").path("id").asLong();
		assertThat(snooze(agent, other.conversationId(), Map.of("preset", "hour")).status()).isEqualTo(200);
		ApiClient.Response transferred = agent.post(CONVERSATIONS + other.conversationId() + "/transfer",
				Map.of("toAgentId", colleagueId));
		assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
		assertThat(transferred.json().path("snoozedUntil").isNull()).isTrue();
		assertThat(ids(colleague, "mine")).contains(other.conversationId());
		assertThat(ids(agent, "snoozed")).doesNotContain(other.conversationId());
	}

	@Test
	void tomorrowAndNextWeekWakeAtNineInTheOrganisationsTimeZone() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		ZoneId zone = ZoneId.of(agent.get("/api/v1/session").json().path("organisation").path("timeZone").asString());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		Instant tomorrow = Instant.parse(snooze(agent, visitor.conversationId(), Map.of("preset", "tomorrow")).json()
			.path("snoozedUntil")
			.asString());
		assertThat(tomorrow).isEqualTo(today.plusDays(1).atTime(9, 0).atZone(zone).toInstant());
		Instant nextWeek = Instant.parse(snooze(agent, visitor.conversationId(), Map.of("preset", "next_week")).json()
			.path("snoozedUntil")
			.asString());
		assertThat(nextWeek.atZone(zone).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(nextWeek.atZone(zone).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
		assertThat(nextWeek).isAfter(this.clock.instant()).isBefore(this.clock.instant().plus(Duration.ofDays(8)));
		Instant custom = this.clock.instant()
			.plus(Duration.ofDays(3))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(Instant.parse(snooze(agent, visitor.conversationId(), Map.of("until", custom.toString())).json()
			.path("snoozedUntil")
			.asString())).isEqualTo(custom);
		// a date-time field's value: in the organisation's time zone
		LocalDate inTwoDays = today.plusDays(2);
		assertThat(Instant.parse(snooze(agent, visitor.conversationId(), Map.of("until", inTwoDays + "T14:30")).json()
			.path("snoozedUntil")
			.asString())).isEqualTo(inTwoDays.atTime(14, 30).atZone(zone).toInstant());
	}

	@Test
	void badInputsAndCallersWhoMayNotSnoozeAreRefusedAndChangeNothing() {
		String key = channelKey();
		TestVisitor visitor = visitorWithConversation(key);
		ApiClient agent = signedInAs("agent");
		long id = visitor.conversationId();
		assertThat(code(snooze(agent, id, Map.of("preset", "hour")), 409)).as("waiting, not his")
			.isEqualTo("snooze_not_yours");
		take(agent, id);
		Instant now = this.clock.instant();
		Map<String, Map<String, Object>> bad = new HashMap<>();
		bad.put("validation_failed", Map.of());
		bad.put("validation_failed ", Map.of("preset", "hour", "until", now.plus(Duration.ofHours(2)).toString()));
		bad.put(" validation_failed", Map.of("preset", "someday"));
		bad.put("validation_failed  ", Map.of("until", "tomorrow at nine"));
		bad.put("snooze_in_past", Map.of("until", now.minus(Duration.ofMinutes(1)).toString()));
		bad.put("snooze_too_far", Map.of("until", now.plus(Duration.ofDays(31)).toString()));
		for (Map.Entry<String, Map<String, Object>> input : bad.entrySet()) {
			assertThat(code(snooze(agent, id, input.getValue()), 400)).as(input.getValue().toString())
				.isEqualTo(input.getKey().strip());
		}
		ApiClient.Response malformed = agent.sendRaw("POST", CONVERSATIONS + id + "/snooze", "{\"preset\":",
				"application/json");
		assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);

		assertThat(code(snooze(signedInAs("agent"), id, Map.of("preset", "hour")), 404)).as("another agent")
			.isEqualTo("not_found");
		assertThat(code(snooze(signedInAs("supervisor"), id, Map.of("preset", "hour")), 409))
			.as("a supervisor who sees it, not his")
			.isEqualTo("snooze_not_yours");
		assertThat(signedInAs("supervisor").delete(CONVERSATIONS + id + "/snooze").status()).isEqualTo(409);
		assertThat(code(snooze(signedInAs("support"), id, Map.of("preset", "hour")), 403)).isEqualTo("forbidden");
		assertThat(client().post(CONVERSATIONS + id + "/snooze", Map.of("preset", "hour")).status()).isIn(401, 403);
		assertThat(ids(agent, "snoozed")).doesNotContain(id);
		assertThat(ids(agent, "mine")).contains(id);

		agent.post(CONVERSATIONS + id + "/close", Map.of());
		assertThat(code(snooze(agent, id, Map.of("preset", "hour")), 409)).isEqualTo("conversation_closed");
		assertThat(agent.get(CONVERSATIONS + id).json().path("snoozedUntil").isNull()).isTrue();
	}

	private static ApiClient.Response snooze(ApiClient agent, long id, Map<String, Object> body) {
		return agent.post(CONVERSATIONS + id + "/snooze", body);
	}

	private static String code(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return response.json().path("code").asString();
	}

	private static List<Long> ids(ApiClient agent, String view) {
		ApiClient.Response page = agent.get("/api/v1/conversations?view=" + view + "&limit=100");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		page.json().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

}
