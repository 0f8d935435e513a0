package dev.parley.security.internal;

import java.time.Duration;

import dev.parley.platform.SourceSignal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a burst from one client address blocks it (docs/configuration.md). The thresholds
 * count signals within a sliding {@code window}; the defaults are far above what a busy
 * office or a mobile carrier's shared address does in normal use.
 *
 * @param enabled whether bursts block at all (the lists apply regardless)
 * @param window the time the thresholds count over
 * @param blockFor how long an automatic block lasts
 * @param failedSignIns failed sign-ins that block
 * @param refusedRequests requests answered 401, 403 or 429 that block
 * @param malformedFrames malformed WebSocket frames that block
 * @param widgetArrivals new widget visitors that block
 */
@ConfigurationProperties("parley.security.auto-block")
record AutoBlockProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration window,
		@DefaultValue("1h") Duration blockFor, @DefaultValue("60") int failedSignIns,
		@DefaultValue("600") int refusedRequests, @DefaultValue("60") int malformedFrames,
		@DefaultValue("1200") int widgetArrivals) {

	AutoBlockProperties {
		if (window.compareTo(Duration.ofSeconds(10)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("parley.security.auto-block.window must be between 10s and 1d");
		}
		if (blockFor.compareTo(Duration.ofMinutes(1)) < 0 || blockFor.compareTo(Duration.ofDays(30)) > 0) {
			throw new IllegalArgumentException("parley.security.auto-block.block-for must be between 1m and 30d");
		}
		if (failedSignIns < 1 || refusedRequests < 1 || malformedFrames < 1 || widgetArrivals < 1) {
			throw new IllegalArgumentException("parley.security.auto-block thresholds must be at least 1");
		}
	}

	int threshold(SourceSignal signal) {
		return switch (signal) {
			case FAILED_SIGN_IN -> this.failedSignIns;
			case REFUSED_REQUEST -> this.refusedRequests;
			case MALFORMED_FRAME -> this.malformedFrames;
			case WIDGET_ARRIVAL -> this.widgetArrivals;
		};
	}

}
