package dev.parley.analytics.internal;

import dev.parley.administration.SettingsChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The figures are cut into days in the organisation's time zone: when it changes, every
 * figure is rebuilt in the new one (after any rebuild under way), so no report mixes the
 * two.
 */
@Component
class TimeZoneEvents {

	static final String TIME_ZONE = "organisation.timeZone";

	private final Rebuilds rebuilds;

	TimeZoneEvents(Rebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	@ApplicationModuleListener
	void on(SettingsChanged event) {
		if (event.changed(TIME_ZONE)) {
			this.rebuilds.queue(event.actor(), "time zone changed");
		}
	}

}
