package dev.parley.notifications.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.parley.identity.StaffPrincipal;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.internal.preferences.StaffEvent;
import dev.parley.notifications.internal.preferences.StaffPreferences;
import dev.parley.notifications.internal.preferences.StaffPreferences.Preference;
import dev.parley.platform.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in staff member's own choice of channels per event; nobody else's can be
 * reached (no id in the path).
 */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
class NotificationPreferenceController {

	private final StaffPreferences preferences;

	NotificationPreferenceController(StaffPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	PreferencesView get(@AuthenticationPrincipal StaffPrincipal principal) {
		return view(this.preferences.of(principal.id()));
	}

	@PutMapping
	PreferencesView change(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody Changes changes) {
		List<Preference> parsed = new ArrayList<>();
		for (Change change : changes.preferences()) {
			if (change == null) {
				throw ApiException.badRequest("validation_failed", "A preference is missing");
			}
			StaffEvent event = StaffEvent.of(change.event())
				.orElseThrow(() -> ApiException
					.badRequest("unknown_notification_event", "No notification event named " + change.event())
					.with("event", change.event()));
			NotificationChannel channel = channel(change.channel()).orElseThrow(() -> ApiException
				.badRequest("unknown_notification_channel", "No notification channel named " + change.channel())
				.with("channel", change.channel()));
			parsed.add(new Preference(event, channel, change.enabled()));
		}
		return view(this.preferences.change(principal.id(), principal.username(), parsed));
	}

	private static Optional<NotificationChannel> channel(String name) {
		return Arrays.stream(NotificationChannel.values())
			.filter((channel) -> channel.value().equals(name))
			.findFirst();
	}

	private static PreferencesView view(List<Preference> preferences) {
		return new PreferencesView(List.of(StaffEvent.values()), List.of(NotificationChannel.values()), preferences);
	}

	/**
	 * @param events every event, in the order the console shows them
	 * @param channels every channel
	 * @param preferences each event and channel with the choice in force
	 */
	record PreferencesView(List<StaffEvent> events, List<NotificationChannel> channels, List<Preference> preferences) {
	}

	record Changes(@NotNull @Size(max = 50) List<@Valid Change> preferences) {
	}

	record Change(@NotNull @Size(max = 32) String event, @NotNull @Size(max = 16) String channel,
			@NotNull Boolean enabled) {
	}

}
