package dev.parley.bench;

import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * What the list benchmarks ({@link CustomerBench}, {@link TicketBench}) share: where
 * results go, one request timed after warm-up (p50, p99, max), the plans of the SQL
 * Parley logged for it, one timing at a time on the machine, and waiting for a quiet
 * machine.
 */
final class ListTiming {

	private ListTiming() {
	}

	/** A fresh folder {@code bench/results/<kind>-<time>}. */
	static Path results(String kind) throws Exception {
		Path out = Path
			.of("bench", "results",
					kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
			.toAbsolutePath();
		Files.createDirectories(out);
		return out;
	}

	/** Times a GET: 50 warm-up requests, then the given number one after the other. */
	static void time(Http as, String label, String path, int requests) throws Exception {
		for (int i = 0; i < 50; i++) {
			as.get(path);
		}
		Histogram histogram = new Histogram(60_000_000_000L, 3);
		int items = 0;
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			JsonNode page = as.get(path);
			histogram.recordValue(System.nanoTime() - start);
			items = page.path("items").size();
		}
		System.out.printf("   %-75s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d items)%n", label,
				histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
				histogram.getMaxValue() / 1e6, items);
	}

	/**
	 * Appends to {@code plans-<database>.txt} the plan of every distinct statement Parley
	 * logged (lines matching {@code logged}: the SQL, then its parameters) since the
	 * given log offset, with its parameters written in.
	 */
	static void explain(Connection connection, String database, Pattern logged, String label, Path log, long from,
			Path out) throws Exception {
		byte[] all = Files.readAllBytes(log);
		String added = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		StringBuilder plans = new StringBuilder("== ").append(label).append('\n');
		for (String line : added.split("\n")) {
			Matcher m = logged.matcher(line.strip());
			if (!m.find()) {
				continue;
			}
			String sql = inline(m.group(1), m.group(2));
			if (seen.contains(sql)) {
				continue;
			}
			seen.add(sql);
			plans.append(sql).append('\n');
			String explain = database.equals("h2") ? "EXPLAIN ANALYZE " : "EXPLAIN (ANALYZE, COSTS OFF) ";
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(explain + sql)) {
				while (rs.next()) {
					plans.append("    ").append(rs.getString(1)).append('\n');
				}
			}
			catch (SQLException ex) {
				plans.append("    (not explained: ").append(ex.getMessage()).append(")\n");
			}
		}
		Files.writeString(out.resolve("plans-" + database + ".txt"), plans, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** The SQL with its {@code ?} replaced by the logged values (numbers or strings). */
	static String inline(String sql, String params) {
		List<String> values = new ArrayList<>();
		String inner = params.substring(1, params.length() - 1);
		if (!inner.isEmpty()) {
			for (String value : inner.split(", ")) {
				values.add(value.matches("-?\\d+") ? value : "'" + value.replace("'", "''") + "'");
			}
		}
		StringBuilder result = new StringBuilder();
		int next = 0;
		for (char c : sql.toCharArray()) {
			result.append((c == '?' && next < values.size()) ? values.get(next++) : String.valueOf(c));
		}
		return result.toString();
	}

	/**
	 * Held while timing: one timing at a time on the machine (runs for two databases).
	 */
	record Turn(FileChannel file, FileLock lock) implements AutoCloseable {

		static Turn take(String name) throws Exception {
			FileChannel file = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), name + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			return new Turn(file, file.lock());
		}

		@Override
		public void close() throws Exception {
			this.lock.close();
			this.file.close();
		}

	}

	/**
	 * Waits (up to two hours) until the one-minute load average is below the threshold
	 * (none: 0), so that other work on a shared machine does not spoil the tails.
	 */
	static void waitQuiet(double threshold) throws Exception {
		if (threshold <= 0) {
			return;
		}
		long deadline = System.nanoTime() + 7_200_000_000_000L;
		double load;
		while ((load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0])) >= threshold
				&& System.nanoTime() < deadline) {
			Thread.sleep(10_000);
		}
		System.out.printf("   timing with a one-minute load of %.2f%n", load);
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
