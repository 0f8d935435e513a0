package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run: a table (scenario, metric, baseline, each Parley and its ratio to
 * the baseline) as Markdown, and an HTML page with the same as bar charts plus p99
 * against offered load.
 */
final class Report {

	static final String BASELINE = "baseline relay";

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<String> targets = new ArrayList<>();

	private final Map<String, List<double[]>> steps = new LinkedHashMap<>();

	private record Row(String scenario, String metric, boolean lowerIsBetter, Map<String, Double> values) {
	}

	void add(String scenario, String metric, String target, double value, boolean lowerIsBetter) {
		if (!this.targets.contains(target)) {
			this.targets.add(target);
		}
		this.rows
			.computeIfAbsent(scenario + " | " + metric,
					(k) -> new Row(scenario, metric, lowerIsBetter, new LinkedHashMap<>()))
			.values()
			.put(target, value);
	}

	/** One step of the throughput scenario: offered and delivered rate, p99 in ms. */
	void step(String target, double offered, double delivered, double p99) {
		this.steps.computeIfAbsent(target, (k) -> new ArrayList<>()).add(new double[] { offered, delivered, p99 });
	}

	private List<String> parleys() {
		return this.targets.stream().filter((t) -> !t.equals(BASELINE)).toList();
	}

	String table() {
		StringBuilder table = new StringBuilder("| scenario | metric | " + BASELINE + " |");
		StringBuilder rule = new StringBuilder("|---|---|---:|");
		for (String parley : parleys()) {
			table.append(' ').append(parley).append(" | ratio |");
			rule.append("---:|---:|");
		}
		table.append('\n').append(rule).append('\n');
		for (Row row : this.rows.values()) {
			Double base = row.values().get(BASELINE);
			table.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ");
			table.append(format(base)).append(" |");
			for (String parley : parleys()) {
				Double value = row.values().get(parley);
				table.append(' ').append(format(value)).append(" | ");
				table.append((value != null && base != null && base != 0 && !value.isNaN() && !base.isNaN())
						? String.format(Locale.ROOT, "%.2f", value / base) : "")
					.append(" |");
			}
			table.append('\n');
		}
		return table.toString();
	}

	private static String format(Double value) {
		if (value == null || value.isNaN()) {
			return "-";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	void write(Path dir, Map<String, String> machine) throws IOException {
		StringBuilder facts = new StringBuilder();
		machine.forEach((k, v) -> facts.append("- ").append(k).append(": ").append(v).append('\n'));
		Files.writeString(dir.resolve("results.md"), "# Benchmark run\n\n" + facts + "\n" + table()
				+ "\nratio: Parley's figure divided by the baseline's.\n");
		Files.writeString(dir.resolve("chart.html"), html(facts.toString()));
	}

	private static final String[] COLORS = { "#8b949e", "#1f6feb", "#2da44e", "#bf8700" };

	private String html(String facts) {
		StringBuilder page = new StringBuilder(
				"""
						<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley benchmark</title>
						<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2328}h2{font-size:15px;margin:1.5rem 0 .3rem}
						.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}
						svg text{font:12px system-ui,sans-serif}pre{background:#f6f8fa;padding:.5rem}</style></head><body>
						<h1>Parley beside the bare relay</h1>
						""");
		page.append("<pre>").append(escape(facts)).append("</pre><div class=\"legend\">");
		for (int i = 0; i < this.targets.size(); i++) {
			page.append("<span><i style=\"background:")
				.append(COLORS[i % COLORS.length])
				.append("\"></i>")
				.append(escape(this.targets.get(i)))
				.append("</span>");
		}
		page.append("</div>");
		for (Row row : this.rows.values()) {
			page.append("<h2>").append(escape(row.scenario() + ": " + row.metric()));
			page.append(row.lowerIsBetter() ? " (lower is better)" : " (higher is better)").append("</h2>");
			page.append(bars(row));
		}
		if (!this.steps.isEmpty()) {
			page.append("<h2>2. p99 latency (ms) against offered messages/s (both scales logarithmic)</h2>")
				.append(lines());
		}
		page.append("<h2>Table</h2><pre>").append(escape(table())).append("</pre></body></html>\n");
		return page.toString();
	}

	private String bars(Row row) {
		double max = row.values()
			.values()
			.stream()
			.filter((v) -> !v.isNaN())
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		StringBuilder svg = new StringBuilder("<svg width=\"620\" height=\"" + (24 * this.targets.size() + 6) + "\">");
		for (int i = 0; i < this.targets.size(); i++) {
			Double value = row.values().get(this.targets.get(i));
			double width = (value == null || value.isNaN() || max <= 0) ? 0 : 440 * value / max;
			int y = 24 * i + 3;
			svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
					y, width, COLORS[i % COLORS.length]));
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", width + 6, y + 14,
					escape(format(value))));
		}
		return svg.append("</svg>").toString();
	}

	/** Lowest and highest latency the chart shows (ms): both axes are logarithmic. */
	private static final double MIN_MS = 0.1;

	private static final double MAX_MS = 10_000;

	/**
	 * p99 against offered rate, both on logarithmic scales: the relay's steps span two
	 * decades of rate and the latencies four decades, which a linear chart squeezes into
	 * a corner.
	 */
	private String lines() {
		double minX = Double.MAX_VALUE;
		double maxX = 1;
		for (List<double[]> points : this.steps.values()) {
			for (double[] p : points) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
			}
		}
		if (minX >= maxX) {
			minX = maxX / 2;
		}
		int w = 620;
		int h = 260;
		double lowX = minX;
		double spanX = Math.log(maxX / minX);
		java.util.function.DoubleUnaryOperator x = (v) -> 50 + w * Math.log(v / lowX) / spanX;
		java.util.function.DoubleUnaryOperator y = (v) -> h
				- h * Math.log(Math.min(Math.max(v, MIN_MS), MAX_MS) / MIN_MS) / Math.log(MAX_MS / MIN_MS);
		StringBuilder svg = new StringBuilder("<svg width=\"" + (w + 110) + "\" height=\"" + (h + 40) + "\">");
		svg.append(String.format(Locale.ROOT, "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", h,
				w + 50, h));
		svg.append(String.format(Locale.ROOT, "<line x1=\"50\" y1=\"0\" x2=\"50\" y2=\"%d\" stroke=\"#999\"/>", h));
		for (double ms : new double[] { 1, 10, 100, 1000 }) {
			boolean limit = ms == 100;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"50\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>"
							+ "<text x=\"0\" y=\"%.1f\">%,.0f ms</text>",
					y.applyAsDouble(ms), w + 50, y.applyAsDouble(ms), limit ? "#cf222e" : "#ddd",
					y.applyAsDouble(ms) + 4, ms));
		}
		for (double rate = minX; rate <= maxX * 1.001; rate *= 2) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>",
					x.applyAsDouble(rate), h + 16, rate));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">msg/s</text>", w + 62, h + 16));
		int index = 0;
		for (String target : this.targets) {
			List<double[]> points = this.steps.get(target);
			if (points != null) {
				StringBuilder path = new StringBuilder();
				for (double[] p : points) {
					path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p[0]), y.applyAsDouble(p[2])));
				}
				svg.append(String.format(Locale.ROOT,
						"<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path,
						COLORS[index % COLORS.length]));
			}
			index++;
		}
		return svg.append("</svg>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
