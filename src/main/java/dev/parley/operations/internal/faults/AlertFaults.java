package dev.parley.operations.internal.faults;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;

import dev.parley.administration.Settings;
import dev.parley.operations.AlertFired;
import dev.parley.operations.AlertResolved;
import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;
import dev.parley.platform.Sentences;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Alerts and fault records: an alert whose rule opens faults opens one (once per alert,
 * however often the event is delivered: {@code fault.alert_id} is unique); when it
 * resolves, its fault gets a note, and stays where it is in its flow (people decide when
 * it is resolved). Texts are in the organisation's language.
 */
@Component
class AlertFaults {

	private final Faults faults;

	private final Sentences sentences;

	private final Settings settings;

	private final Clock clock;

	AlertFaults(Faults faults, Sentences sentences, Settings settings, Clock clock) {
		this.faults = faults;
		this.sentences = sentences;
		this.settings = settings;
		this.clock = clock;
	}

	/** Without a transaction of its own: the fault's and the evidence's are separate. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AlertFired alert) {
		if (!alert.opensFault()) {
			return;
		}
		String node = (alert.node() != null) ? alert.node() : text("faults.alert.cluster", "the cluster");
		String metric = text("monitoring.metric." + alert.metric(), alert.metric());
		String severity = text("monitoring.severity." + alert.severity().name(), alert.severity().name());
		String title = text("faults.alert.title", "{metric} on {node}").replace("{metric}", metric)
			.replace("{node}", node);
		String observed = text("faults.alert.observed",
				"Alert #{alert} ({severity}): {metric} on {node} was {value} (threshold {threshold}).")
			.replace("{alert}", String.valueOf(alert.alertId()))
			.replace("{severity}", severity)
			.replace("{metric}", metric)
			.replace("{node}", node)
			.replace("{value}", plain(alert.value()))
			.replace("{threshold}", plain(alert.threshold()));
		java.time.Instant startedAt = (alert.startedAt() != null) ? alert.startedAt() : alert.firedAt();
		this.faults.openForAlert(new Fault(0, cut(title), observed, FaultClass.ofMetric(alert.metric()),
				FaultSeverity.of(alert.severity()), EnumSet.noneOf(FaultFunction.class), FaultStatus.REPORTED,
				startedAt, this.clock.instant(), null, alert.alertId(), null, null, null, null, null, null, null,
				this.clock.instant(), 0));
	}

	@ApplicationModuleListener
	void on(AlertResolved alert) {
		this.faults.systemNote(alert.alertId(),
				text("faults.alert.resolved", "The alert #{alert} resolved at {time}.")
					.replace("{alert}", String.valueOf(alert.alertId()))
					.replace("{time}", String.valueOf(alert.resolvedAt())),
				alert.resolvedAt());
	}

	private String text(String key, String fallback) {
		Locale locale;
		try {
			locale = Locale.forLanguageTag(this.settings.get("organisation.language"));
		}
		catch (RuntimeException ex) {
			locale = Locale.ENGLISH;
		}
		return this.sentences.text(key, locale, fallback);
	}

	private static String plain(java.math.BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "-";
	}

	private static String cut(String title) {
		return (title.length() > FaultInput.MAX_TITLE) ? title.substring(0, FaultInput.MAX_TITLE) : title;
	}

}
