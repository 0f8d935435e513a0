package dev.parley.operations.internal.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.operations.AlertFired;
import dev.parley.operations.AlertResolved;
import dev.parley.operations.internal.monitoring.MetricFormat;
import dev.parley.operations.internal.monitoring.MetricHistory;
import dev.parley.platform.Permission;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people a rule names (every holder of system.monitor when it names none), by
 * e-mail and/or text message as the rule says, once when its alert fires and once when it
 * resolves. The idempotency key of each message makes a repeated event send nothing more.
 */
@Component
class AlertNotifier {

	static final String TEMPLATE = "system-alert";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final AlertRuleRepository rules;

	private final AlertRepository alerts;

	private final StaffDirectory staff;

	private final Notifications notifications;

	private final Settings settings;

	private final MessageSource messages;

	private final MetricHistory history;

	AlertNotifier(AlertRuleRepository rules, AlertRepository alerts, StaffDirectory staff, Notifications notifications,
			Settings settings, MessageSource messages, MetricHistory history) {
		this.rules = rules;
		this.alerts = alerts;
		this.staff = staff;
		this.notifications = notifications;
		this.settings = settings;
		this.messages = messages;
		this.history = history;
	}

	@ApplicationModuleListener
	void on(AlertFired event) {
		this.alerts.find(event.alertId()).ifPresent((alert) -> tell(alert, false, event.firedAt()));
	}

	@ApplicationModuleListener
	void on(AlertResolved event) {
		this.alerts.find(event.alertId()).ifPresent((alert) -> tell(alert, true, event.resolvedAt()));
	}

	private void tell(Alert alert, boolean resolved, Instant at) {
		AlertRule rule = this.rules.find(alert.ruleId()).orElse(null);
		if (rule == null || alert.metric() == null) {
			return;
		}
		String host = host(alert.node(), alert.firedAt());
		ZoneId zone = zone();
		String link = this.settings.get("organisation.publicUrl") + "/console/status";
		for (StaffDirectory.StaffContact contact : recipients(rule)) {
			Locale locale = locale(contact.language());
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("name", contact.displayName());
			values.put("resolved", resolved);
			values.put("severity", text("monitoring.severity." + alert.severity().name(), locale));
			values.put("metric", text("monitoring.metric." + alert.metric().key(), locale));
			values.put("node", host);
			values.put("dim", alert.dim().isEmpty() ? null : alert.dim());
			values.put("comparison", text("monitoring.comparison." + rule.comparison().name(), locale));
			values.put("value", MetricFormat.format(alert.peak(), alert.metric().unit()));
			values.put("threshold", MetricFormat.format(alert.threshold(), alert.metric().unit()));
			values.put("minutes", rule.durationMinutes());
			values.put("at", TIME.format(at.atZone(zone)));
			values.put("link", link);
			String key = "alert:" + alert.id() + (resolved ? ":resolved:" : ":fired:") + contact.id();
			if (rule.notifyEmail() && contact.email() != null) {
				this.notifications.enqueue(NotificationRequest.toStaff(key + ":email", NotificationChannel.EMAIL,
						contact.email(), contact.id(), TEMPLATE, contact.language(), values, null));
			}
			if (rule.notifySms() && contact.phone() != null) {
				this.notifications.enqueue(NotificationRequest.toStaff(key + ":sms", NotificationChannel.SMS,
						contact.phone(), contact.id(), TEMPLATE, contact.language(), values, null));
			}
		}
	}

	private List<StaffDirectory.StaffContact> recipients(AlertRule rule) {
		if (rule.recipients().isEmpty()) {
			return this.staff.holdersOf(Permission.SYSTEM_MONITOR)
				.stream()
				.filter(StaffDirectory.StaffContact::enabled)
				.toList();
		}
		List<StaffDirectory.StaffContact> contacts = new ArrayList<>();
		this.staff.contacts(rule.recipients())
			.values()
			.stream()
			.filter(StaffDirectory.StaffContact::enabled)
			.forEach(contacts::add);
		return contacts;
	}

	/** The node's host name, or null for the cluster. */
	private String host(String node, Instant at) {
		if (node.isEmpty()) {
			return null;
		}
		return this.history.nodes(at.minusSeconds(86_400), at.plusSeconds(60))
			.stream()
			.filter((seen) -> seen.id().equals(node))
			.map((seen) -> seen.host() + " (" + node.substring(0, Math.min(8, node.length())) + ")")
			.findFirst()
			.orElse(node);
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(this.settings.get("organisation.timeZone"));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static Locale locale(String language) {
		return (language != null && !language.isBlank()) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
	}

}
