package dev.parley.operations.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.StaffDirectory;
import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.alerts.Alert;
import dev.parley.operations.internal.alerts.AlertRule;
import dev.parley.operations.internal.alerts.AlertState;
import dev.parley.operations.internal.alerts.Alerts;
import dev.parley.operations.internal.faults.FaultClass;
import dev.parley.operations.internal.monitoring.MetricHistory;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/**
 * Alerts and their rules: the firing ones (the console's banner), the history,
 * acknowledging, and editing the rules.
 */
@RestController
@RequiresPermission(Permission.SYSTEM_MONITOR)
class AlertsController {

	private static final int MAX_PAGE = 200;

	private final Alerts alerts;

	private final AuditLog audit;

	private final Clock clock;

	private final StaffDirectory staff;

	private final MetricHistory history;

	AlertsController(Alerts alerts, AuditLog audit, Clock clock, StaffDirectory staff, MetricHistory history) {
		this.alerts = alerts;
		this.audit = audit;
		this.clock = clock;
		this.staff = staff;
		this.history = history;
	}

	/** The host name of each node that wrote samples in the last 90 days, for people. */
	private Map<String, String> hosts() {
		Instant now = this.clock.instant();
		Map<String, String> hosts = new HashMap<>();
		for (MetricHistory.ReportingNode node : this.history.nodes(now.minus(Duration.ofDays(90)), now)) {
			hosts.put(node.id(), node.host());
		}
		return hosts;
	}

	/** Whom a rule may tell: the staff who see the status screen. */
	@GetMapping("/api/v1/operations/alert-recipients")
	List<RecipientView> recipients() {
		return this.staff.holdersOf(Permission.SYSTEM_MONITOR)
			.stream()
			.filter(StaffDirectory.StaffContact::enabled)
			.map((contact) -> new RecipientView(contact.id(), contact.displayName(), contact.email() != null,
					contact.phone() != null))
			.toList();
	}

	record RecipientView(long id, String displayName, boolean email, boolean phone) {
	}

	@GetMapping("/api/v1/operations/alerts/firing")
	List<AlertView> firing() {
		Map<String, String> hosts = hosts();
		return this.alerts.firing().stream().map((alert) -> AlertView.of(alert, hosts)).toList();
	}

	@GetMapping("/api/v1/operations/alerts")
	List<AlertView> history(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		Instant until = (to != null) ? instant("to", to) : this.clock.instant();
		Instant since = (from != null) ? instant("from", from) : until.minus(Duration.ofDays(7));
		if (offset < 0 || offset > 100_000) {
			throw invalid("offset", "must be between 0 and 100000");
		}
		if (limit < 1 || limit > MAX_PAGE) {
			throw invalid("limit", "must be between 1 and " + MAX_PAGE);
		}
		Map<String, String> hosts = hosts();
		return this.alerts.history(since, until, state(state), offset, limit)
			.stream()
			.map((alert) -> AlertView.of(alert, hosts))
			.toList();
	}

	@PostMapping("/api/v1/operations/alerts/{id}/acknowledge")
	AlertView acknowledge(@PathVariable long id, StaffActor actor) {
		Alert alert = this.alerts.acknowledge(id, actor.id());
		this.audit.record(actor.username(), "alert.acknowledged", "alert:" + id, AuditResult.SUCCESS,
				(alert.metric() != null) ? alert.metric().key() : null);
		return AlertView.of(alert, hosts());
	}

	@GetMapping("/api/v1/operations/alert-rules")
	List<RuleView> rules() {
		return this.alerts.rules().stream().map(RuleView::of).toList();
	}

	@PutMapping("/api/v1/operations/alert-rules/{id}")
	RuleView update(@PathVariable long id, @RequestBody Alerts.RuleChange change, StaffActor actor) {
		AlertRule rule = this.alerts.update(id, change);
		this.audit.record(actor.username(), "alert.rule.changed", "alert-rule:" + id, AuditResult.SUCCESS,
				rule.metric().key() + " " + rule.comparison().name().toLowerCase(Locale.ROOT) + " "
						+ rule.threshold().toPlainString() + " for " + rule.durationMinutes() + " min, "
						+ (rule.enabled() ? "enabled" : "disabled"));
		return RuleView.of(rule);
	}

	private static Instant instant(String field, String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "has the wrong format");
		}
	}

	private static AlertState state(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return AlertState.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("state", "must be one of FIRING, RESOLVED");
		}
	}

	/**
	 * @param host the node's host name; null for the cluster or a node long gone
	 */
	/**
	 * @param faultClass the class a fault opened from it gets (as an alert-opened
	 * fault's)
	 */
	record AlertView(long id, long ruleId, String metric, String unit, String dim, String node, String host,
			FaultClass faultClass, AlertSeverity severity, AlertState state, BigDecimal threshold, BigDecimal peak,
			Instant startedAt, Instant firedAt, Instant resolvedAt, Long acknowledgedBy, Instant acknowledgedAt) {

		static AlertView of(Alert alert, Map<String, String> hosts) {
			return new AlertView(alert.id(), alert.ruleId(), (alert.metric() != null) ? alert.metric().key() : null,
					(alert.metric() != null) ? alert.metric().unit().name() : null, alert.dim(), alert.node(),
					hosts.get(alert.node()),
					FaultClass.ofMetric((alert.metric() != null) ? alert.metric().key() : null), alert.severity(),
					alert.state(), alert.threshold(), alert.peak(), alert.startedAt(), alert.firedAt(),
					alert.resolvedAt(), alert.acknowledgedBy(), alert.acknowledgedAt());
		}

	}

	record RuleView(long id, String metric, String unit, String dimension, String dim, String comparison,
			BigDecimal threshold, BigDecimal maxThreshold, int durationMinutes, AlertSeverity severity, boolean enabled,
			boolean opensFault, boolean notifyEmail, boolean notifySms, List<Long> recipients, int version) {

		static RuleView of(AlertRule rule) {
			return new RuleView(rule.id(), rule.metric().key(), rule.metric().unit().name(),
					(rule.metric().dimension() != null) ? rule.metric().dimension().name() : null, rule.dim(),
					rule.comparison().name(), rule.threshold(), rule.metric().unit().max(), rule.durationMinutes(),
					rule.severity(), rule.enabled(), rule.opensFault(), rule.notifyEmail(), rule.notifySms(),
					rule.recipients(), rule.version());
		}

	}

}
