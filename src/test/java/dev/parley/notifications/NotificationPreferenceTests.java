package dev.parley.notifications;

import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.preferences.StaffEvent;
import dev.parley.notifications.internal.preferences.StaffPreferences;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff choose per event which channels reach them: e-mail on and SMS off until they
 * choose; the lead's notifications ask {@link StaffPreferences} before enqueueing.
 */
class NotificationPreferenceTests extends IntegrationTest {

	private static final String PREFERENCES = "/api/v1/me/notification-preferences";

	@Autowired
	StaffPreferences preferences;

	@Test
	void defaultsThenOwnChoicesForEveryEventAndChannel() {
		ApiClient agent = signedInAs("agent");
		long id = agent.get("/api/v1/session").json().path("user").path("id").asLong();
		ApiClient other = signedInAs("agent");
		long otherId = other.get("/api/v1/session").json().path("user").path("id").asLong();

		JsonNode defaults = agent.get(PREFERENCES).json();
		assertThat(defaults.path("events").toString()).isEqualTo(
				"[\"mention\",\"left_message\",\"waiting_alert\",\"assigned\",\"ticket_assigned\",\"ticket_mention\",\"ticket_updated\",\"ticket_sla\"]");
		assertThat(defaults.path("channels").toString()).isEqualTo("[\"email\",\"sms\"]");
		assertThat(defaults.path("preferences")).hasSize(16);
		for (JsonNode preference : defaults.path("preferences")) {
			assertThat(preference.path("enabled").asBoolean())
				.isEqualTo(preference.path("channel").asString().equals("email"));
		}

		ApiClient.Response changed = agent.put(PREFERENCES,
				Map.of("preferences", List.of(Map.of("event", "mention", "channel", "sms", "enabled", true),
						Map.of("event", "left_message", "channel", "email", "enabled", false))));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("preferences").toString()).contains(
				"{\"event\":\"mention\",\"channel\":\"sms\",\"enabled\":true}",
				"{\"event\":\"left_message\",\"channel\":\"email\",\"enabled\":false}",
				"{\"event\":\"mention\",\"channel\":\"email\",\"enabled\":true}");
		assertThat(agent.get(PREFERENCES).body()).isEqualTo(changed.body());

		assertThat(this.preferences.wants(id, StaffEvent.MENTION, NotificationChannel.SMS)).isTrue();
		assertThat(this.preferences.wants(id, StaffEvent.LEFT_MESSAGE, NotificationChannel.EMAIL)).isFalse();
		assertThat(this.preferences.wants(id, StaffEvent.ASSIGNED, NotificationChannel.EMAIL)).isTrue();
		assertThat(this.preferences.wants(otherId, StaffEvent.MENTION, NotificationChannel.SMS)).isFalse();
		assertThat(this.preferences.wanting(List.of(otherId, id), StaffEvent.MENTION, NotificationChannel.SMS))
			.containsExactly(id);
		assertThat(this.preferences.wanting(List.of(otherId, id), StaffEvent.LEFT_MESSAGE, NotificationChannel.EMAIL))
			.containsExactly(otherId);
		assertThat(other.get(PREFERENCES).body()).as("one's choices are one's own").isEqualTo(defaults.toString());

		String username = agent.get("/api/v1/session").json().path("user").path("username").asString();
		assertThat(admin().get("/api/v1/audit-events?action=notification.preferences.changed&actor=" + username).body())
			.contains("mention/sms on");
	}

	@Test
	void unknownEventsChannelsAndBadShapesAreRefusedAndChangeNothing() {
		ApiClient agent = signedInAs("agent");
		String before = agent.get(PREFERENCES).body();
		ApiClient.Response event = agent.put(PREFERENCES,
				Map.of("preferences", List.of(Map.of("event", "birthday", "channel", "email", "enabled", true))));
		assertThat(event.status()).isEqualTo(400);
		assertThat(event.code()).isEqualTo("unknown_notification_event");
		ApiClient.Response channel = agent.put(PREFERENCES,
				Map.of("preferences", List.of(Map.of("event", "mention", "channel", "pigeon", "enabled", true))));
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.code()).isEqualTo("unknown_notification_channel");
		ApiClient.Response upper = agent.put(PREFERENCES,
				Map.of("preferences", List.of(Map.of("event", "MENTION", "channel", "EMAIL", "enabled", true))));
		assertThat(upper.code()).isEqualTo("unknown_notification_event");
		for (Object body : List.of(Map.of(), Map.of("preferences", "all"),
				Map.of("preferences", List.of(Map.of("event", "mention", "channel", "email"))),
				Map.of("preferences", List.of(Map.of("event", "mention", "channel", "email", "enabled", "maybe"))),
				Map.of("preferences", java.util.Collections.nCopies(51,
						Map.of("event", "mention", "channel", "email", "enabled", true))))) {
			ApiClient.Response response = agent.put(PREFERENCES, body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isNotBlank();
		}
		ApiClient.Response chinese = agent.withHeader("Accept-Language", "zh-TW")
			.put(PREFERENCES,
					Map.of("preferences", List.of(Map.of("event", "mention", "channel", "pigeon", "enabled", true))));
		assertThat(chinese.body()).contains("管道");
		assertThat(agent.get(PREFERENCES).body()).isEqualTo(before);
	}

	@Test
	void anonymousCallersAreRefused() {
		assertThat(client().get(PREFERENCES).code()).isEqualTo("unauthenticated");
		ApiClient anonymous = client();
		anonymous.get("/api/v1/session");
		assertThat(anonymous.put(PREFERENCES, Map.of("preferences", List.of())).status()).isEqualTo(401);
	}

}
