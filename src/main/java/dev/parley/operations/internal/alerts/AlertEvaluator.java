package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.parley.operations.AlertFired;
import dev.parley.operations.AlertResolved;
import dev.parley.operations.internal.monitoring.MetricHistory;
import dev.parley.operations.internal.monitoring.Sampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares every enabled rule with the samples, for each node (or the cluster) and each
 * dimension: an alert fires once the condition held in every minute of the rule's
 * duration, and resolves once it has been clear for the rule's clearing period (a minute
 * without a sample counts as clear). Node figures are judged up to the previous minute,
 * which every node has written by then; the cluster's up to this one, written just
 * before. Runs on one node at a time (the caller holds the lease).
 */
@Component
class AlertEvaluator {

	private static final Logger logger = LoggerFactory.getLogger(AlertEvaluator.class);

	private final AlertRuleRepository rules;

	private final AlertRepository alerts;

	private final MetricHistory history;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	AlertEvaluator(AlertRuleRepository rules, AlertRepository alerts, MetricHistory history,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.rules = rules;
		this.alerts = alerts;
		this.history = history;
		this.events = events;
		this.transactions = transactions;
	}

	void evaluate(Instant now) {
		Map<String, Alert> firing = new HashMap<>();
		for (Alert alert : this.alerts.firing()) {
			firing.put(key(alert.ruleId(), alert.node(), alert.dim()), alert);
		}
		long minute = Sampler.minute(now);
		for (AlertRule rule : this.rules.all()) {
			try {
				evaluate(rule, minute, firing, now);
			}
			catch (RuntimeException ex) {
				logger.warn("Alert rule {} ({}) could not be evaluated: {}", rule.id(), rule.metric().key(),
						ex.toString());
			}
		}
		// alerts of rules that no longer exist
		for (Alert left : firing.values()) {
			resolve(left, now);
		}
	}

	private void evaluate(AlertRule rule, long minute, Map<String, Alert> firing, Instant now) {
		long end = rule.metric().cluster() ? minute : minute - 1;
		int span = Math.max(rule.durationMinutes(), rule.clearMinutes());
		long since = end - span + 1;
		Set<String> nodes = new TreeSet<>();
		if (rule.metric().cluster()) {
			nodes.add(Sampler.CLUSTER);
		}
		else {
			nodes.addAll(this.history.nodesSince(since));
		}
		for (Alert alert : List.copyOf(firing.values())) {
			if (alert.ruleId() == rule.id()) {
				nodes.add(alert.node());
			}
		}
		for (String node : nodes) {
			Map<String, TreeMap<Long, BigDecimal>> byDim = new HashMap<>();
			for (MetricHistory.Value value : this.history.recent(rule.metric(), node, since)) {
				if (value.minute() <= end && (rule.dim() == null || rule.dim().equals(value.dim()))) {
					byDim.computeIfAbsent(value.dim(), (dim) -> new TreeMap<>()).put(value.minute(), value.value());
				}
			}
			for (Alert alert : firing.values()) {
				if (alert.ruleId() == rule.id() && alert.node().equals(node)) {
					byDim.computeIfAbsent(alert.dim(), (dim) -> new TreeMap<>());
				}
			}
			byDim.forEach((dim, minutes) -> {
				Alert open = firing.remove(key(rule.id(), node, dim));
				judge(rule, node, dim, minutes, end, open, now);
			});
		}
	}

	private void judge(AlertRule rule, String node, String dim, TreeMap<Long, BigDecimal> minutes, long end, Alert open,
			Instant now) {
		if (open == null) {
			if (rule.enabled() && held(rule, minutes, end)) {
				fire(rule, node, dim, minutes, end, now);
			}
			return;
		}
		if (!rule.enabled() || clear(rule, minutes, end)) {
			resolve(open, now);
			return;
		}
		BigDecimal latest = minutes.isEmpty() ? null : minutes.lastEntry().getValue();
		if (latest != null && rule.comparison().breaches(latest, open.peak())) {
			this.alerts.peak(open.id(), latest);
		}
	}

	private static boolean held(AlertRule rule, TreeMap<Long, BigDecimal> minutes, long end) {
		for (long m = end - rule.durationMinutes() + 1; m <= end; m++) {
			BigDecimal value = minutes.get(m);
			if (value == null || !rule.comparison().breaches(value, rule.threshold())) {
				return false;
			}
		}
		return true;
	}

	private static boolean clear(AlertRule rule, TreeMap<Long, BigDecimal> minutes, long end) {
		for (long m = end - rule.clearMinutes() + 1; m <= end; m++) {
			BigDecimal value = minutes.get(m);
			if (value != null && rule.comparison().breaches(value, rule.threshold())) {
				return false;
			}
		}
		return true;
	}

	private void fire(AlertRule rule, String node, String dim, TreeMap<Long, BigDecimal> minutes, long end,
			Instant now) {
		long start = end;
		while (minutes.containsKey(start - 1) && rule.comparison().breaches(minutes.get(start - 1), rule.threshold())) {
			start--;
		}
		BigDecimal value = minutes.get(end);
		Instant startedAt = Instant.ofEpochSecond(start * 60);
		this.transactions.executeWithoutResult((tx) -> {
			long id = this.alerts.fire(rule, node, dim, value, startedAt, now);
			this.events.publishEvent(new AlertFired(id, rule.id(), rule.metric().key(), node.isEmpty() ? null : node,
					rule.severity(), value, rule.threshold(), startedAt, now, rule.opensFault()));
		});
		logger.warn("Alert fired: {} {} {} {} for {} minutes (now {}){}", rule.metric().key(),
				rule.comparison().name().toLowerCase(java.util.Locale.ROOT), rule.threshold(),
				node.isEmpty() ? "on the cluster" : "on node " + node, rule.durationMinutes(), value,
				dim.isEmpty() ? "" : " [" + dim + "]");
	}

	private void resolve(Alert alert, Instant now) {
		this.transactions.executeWithoutResult((tx) -> {
			if (this.alerts.resolve(alert.id(), now)) {
				this.events.publishEvent(new AlertResolved(alert.id(), alert.ruleId(), now));
			}
		});
		logger.info("Alert resolved: {} on {}", (alert.metric() != null) ? alert.metric().key() : alert.ruleId(),
				alert.node().isEmpty() ? "the cluster" : "node " + alert.node());
	}

	private static String key(long ruleId, String node, String dim) {
		return ruleId + "\u0000" + node + "\u0000" + dim;
	}

}
