package dev.parley.agents;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a supervisor sets a group's business hours in the shift calendar; after
 * hours the widget says so and a visitor leaves a message; an agent finds it among the
 * waiting conversations, marked as a message.
 */
class ShiftBrowserTests extends RoutingTest {

	@Test
	void afterHoursTheWidgetTakesAMessageForTheTeam() {
		// a Monday evening in the organisation's zone (Asia/Shanghai, from setup)
		this.clock.set(LocalDateTime.parse("2026-12-07T20:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
		Agent agent = agent(3, "online");
		long channel = channel();
		String group = group("least_busy", channel, List.of(agent), null).path("name").asString();
		String key = key(channel);
		assertThat(open(key)).isTrue();

		try (Browser supervisor = Browser.open(this.port);
				Browser visitor = Browser.open(this.port);
				Browser agentBrowser = Browser.open(this.port)) {
			supervisor.signIn(ADMIN, ADMIN_PASSWORD);
			supervisor.go("/console/team?tab=shifts&week=2026-12-07");
			supervisor.click("[data-edit-hours=\"" + group + "\"]");
			supervisor.click("#week-add");
			supervisor.click("#week-weekdays");
			assertThat(supervisor.findAll(".week-row")).hasSize(5);
			supervisor.click("#week-save");
			supervisor.waitForText("[data-group-hours=\"" + group + "\"]", "09:00–17:00");
			assertThat(open(key)).as("closed on Monday evening").isFalse();

			visitor.go("/widget/frame?channel=" + key);
			visitor.waitFor("#leave-message");
			visitor.type("#leave-email", "ann@example.com");
			visitor.type("#leave-text", "Please send me the invoice for order 42");
			visitor.click("#leave-send");
			visitor.waitForText("#message-left", "ann@example.com");

			agentBrowser.signIn(agent.username(), OWN_PASSWORD);
			agentBrowser.go("/console/inbox?view=waiting");
			agentBrowser.waitFor("[data-left-message]");
		}
		assertThat(admin().get("/api/v1/conversations?view=waiting").json().toString())
			.contains("Please send me the invoice for order 42");
	}

	private boolean open(String key) {
		return client().get("/api/v1/widget/channels/" + key).json().path("open").asBoolean();
	}

}
