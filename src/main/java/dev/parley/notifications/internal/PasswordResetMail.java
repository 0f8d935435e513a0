package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffPasswordResetRequested;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a staff member the link to choose a new password (template
 * {@code staff-password-reset}), whatever the member's channel preferences: it was asked
 * for a moment ago on the sign-in page.
 */
@Component
class PasswordResetMail {

	static final String TEMPLATE = "staff-password-reset";

	/**
	 * The console's screen the link opens; the token after '#' never reaches a server
	 * log.
	 */
	static final String ROUTE = "/console/reset-password#token=";

	private final Notifications notifications;

	private final Settings settings;

	private final Clock clock;

	PasswordResetMail(Notifications notifications, Settings settings, Clock clock) {
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StaffPasswordResetRequested event) {
		long minutesLeft = (Duration.between(this.clock.instant(), event.expiresAt()).toSeconds() + 59) / 60;
		if (minutesLeft <= 0) {
			// handled too late (a long outage): the link would not work any more
			return;
		}
		String base = this.settings.get("organisation.publicUrl").replaceAll("/+$", "");
		String language = (event.language() != null) ? event.language() : this.settings.get("organisation.language");
		this.notifications.enqueue(NotificationRequest.toStaff(
				"staff-password-reset:" + event.userId() + ":" + event.expiresAt().toEpochMilli(),
				NotificationChannel.EMAIL, event.email(), event.userId(), TEMPLATE, language, Map.of("name",
						event.displayName(), "link", base + ROUTE + event.token(), "expiresInMinutes", minutesLeft),
				null));
	}

}
