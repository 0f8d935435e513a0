package dev.parley.operations.internal.faults;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Stand-ins for the sources of evidence the monitoring and the log viewer provide, in
 * every test application: each answers in its kind's format for the window it is asked
 * about (marked with the node {@code test-node}), and one always fails, to show that a
 * failing source keeps nothing and stops nothing.
 */
final class TestEvidenceSources {

	static final String NODE = "test-node";

	private TestEvidenceSources() {
	}

	@Component
	static class Metrics implements EvidenceSource {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.METRICS;
		}

		@Override
		public String capture(Instant from, Instant to) {
			StringBuilder points = new StringBuilder();
			long step = Math.max(60_000, (to.toEpochMilli() - from.toEpochMilli()) / 60);
			int i = 0;
			for (long at = from.toEpochMilli(); at <= to.toEpochMilli(); at += step) {
				points.append((i > 0) ? "," : "")
					.append("[")
					.append(at)
					.append(",")
					.append(40 + (i * 7) % 55)
					.append("]");
				i++;
			}
			return "{\"series\":[{\"metric\":\"system.cpu\",\"node\":\"" + NODE + "\",\"unit\":\"percent\",\"points\":["
					+ points + "]}],\"window\":[\"" + from + "\",\"" + to + "\"]}";
		}

	}

	@Component
	static class LogLines implements EvidenceSource {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.LOG_LINES;
		}

		@Override
		public String capture(Instant from, Instant to) {
			return "{\"lines\":[{\"at\":\"" + to + "\",\"level\":\"ERROR\",\"type\":\"application\",\"node\":\"" + NODE
					+ "\",\"logger\":\"com.zaxxer.hikari.pool.HikariPool\","
					+ "\"message\":\"Connection is not available, request timed out after 30000ms\","
					+ "\"correlationId\":\"c0ffee\"}]}";
		}

	}

	@Component
	static class Alerts implements EvidenceSource {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.ALERTS;
		}

		@Override
		public String capture(Instant from, Instant to) {
			return "{\"alerts\":[{\"id\":1,\"metric\":\"system.cpu\",\"node\":\"" + NODE
					+ "\",\"severity\":\"CRITICAL\",\"value\":91.5,\"threshold\":85,\"firedAt\":\"" + from
					+ "\",\"resolvedAt\":null}]}";
		}

	}

	@Component
	static class Broken implements EvidenceSource {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.LOG_LINES;
		}

		@Override
		public String capture(Instant from, Instant to) {
			throw new IllegalStateException("a log file that cannot be read, on purpose");
		}

	}

}
