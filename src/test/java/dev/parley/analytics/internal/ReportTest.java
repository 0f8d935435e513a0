package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the report tests: a team (a channel, its group of two agents and a supervisor)
 * whose conversations are driven through the real chat API with the clock moved by hand,
 * and the figures folded ({@code worker.runOnce()} after {@code eventsHandled()}).
 */
abstract class ReportTest extends IntegrationTest {

	protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	protected AnalyticsWorker worker;

	/** Folds every conversation event published so far into the figures. */
	protected void figuresUpToDate() {
		eventsHandled();
		this.worker.runOnce();
	}

	protected LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
	}

	protected static String query(String path, LocalDate day, Long channelId) {
		return path + "?from=" + day + "&to=" + day + ((channelId != null) ? "&channelId=" + channelId : "");
	}

	protected static JsonNode row(JsonNode rows, long id) {
		for (JsonNode row : rows) {
			if (row.path("id").asLong() == id) {
				return row;
			}
		}
		throw new AssertionError("No row " + id + " in " + rows);
	}

	protected static void agentSays(ApiClient agent, long conversationId, String text) {
		ReportFixtures.agentSays(agent, conversationId, text);
	}

	/** A channel answered by a group of two agents and a supervisor, all offline. */
	protected ReportFixtures.Team team() {
		return team(unique("Reports"), unique("Reports"));
	}

	/** The same, with the channel and group named as a test needs. */
	protected ReportFixtures.Team team(String channelName, String groupName) {
		return new ReportFixtures(this.port, admin()).team(channelName, groupName);
	}

}
