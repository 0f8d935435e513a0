package dev.parley.operations.internal.faults;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.operations.internal.alerts.Alert;
import dev.parley.operations.internal.alerts.Alerts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The alerts that fired, or were still firing, in a fault's window. */
@Component
class AlertEvidence implements EvidenceSource {

	static final int MAX_ALERTS = 100;

	private final Alerts alerts;

	private final JsonMapper json;

	AlertEvidence(Alerts alerts, JsonMapper json) {
		this.alerts = alerts;
		this.json = json;
	}

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.ALERTS;
	}

	@Override
	public String capture(Instant from, Instant to) {
		Instant since = from.isBefore(to.minus(Alerts.MAX_RANGE)) ? to.minus(Alerts.MAX_RANGE) : from;
		List<Map<String, Object>> fired = this.alerts.history(since, to, null, 0, MAX_ALERTS)
			.stream()
			.map(AlertEvidence::alert)
			.toList();
		return this.json.writeValueAsString(Map.of("alerts", fired));
	}

	private static Map<String, Object> alert(Alert alert) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", alert.id());
		entry.put("metric", (alert.metric() != null) ? alert.metric().key() : null);
		entry.put("unit", (alert.metric() != null) ? alert.metric().unit().name() : null);
		entry.put("dim", alert.dim());
		entry.put("node", alert.node().isEmpty() ? null : alert.node());
		entry.put("severity", alert.severity().name());
		entry.put("value", alert.peak());
		entry.put("threshold", alert.threshold());
		entry.put("firedAt", alert.firedAt().toString());
		entry.put("resolvedAt", (alert.resolvedAt() != null) ? alert.resolvedAt().toString() : null);
		return entry;
	}

}
