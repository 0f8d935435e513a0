package dev.parley.analytics.internal;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports read back (CSV with commons-csv, XLSX with fastexcel-reader) against a day
 * worked out by hand: one conversation answered, closed and rated, one abandoned in the
 * queue; names and a comment that a spreadsheet would run as formulas come out inert;
 * headers in the reader's language; what each exporter may see; bad input; the limit.
 */
class ReportExportTests extends ReportTest {

	@Autowired
	ReportExports exports;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The day: v1 waits 20 s for Ann, who answers at 50 s and closes at 100 s (handling
	 * 80 s, resolution 100 s), rated 2 with a comment; v2 gives up in the queue after 120
	 * s.
	 */
	private record Day(ReportFixtures.Team team, LocalDate day, ReportFixtures.Visitor answered,
			ReportFixtures.Visitor abandoned, String group, String channel) {

		String query(String path) {
			return path + "?from=" + this.day + "&to=" + this.day + "&channelId=" + this.team.channelId;
		}

	}

	private Day day() {
		String channel = "@Shop " + unique("c");
		String group = "=SUM(1+1) " + unique("g");
		ReportFixtures.Team team = team(channel, group);
		LocalDate day = today();
		ReportFixtures.Visitor v1 = team.visitor();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(team.ann.post("/api/v1/conversations/" + v1.id() + "/assign", Map.of()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(30));
		agentSays(team.ann, v1.id(), "Hello, let me look");
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(team.ann.post("/api/v1/conversations/" + v1.id() + "/close", Map.of()).status()).isEqualTo(200);
		ApiClient.Response rated = v1.api()
			.post("/api/v1/widget/conversations/" + v1.id() + "/rating",
					Map.of("score", 2, "comment", "-1+2 too slow"));
		assertThat(rated.status()).as(rated.toString()).isLessThan(300);
		ReportFixtures.Visitor v2 = team.visitor();
		this.clock.advance(Duration.ofSeconds(120));
		assertThat(v2.api().post("/api/v1/widget/conversations/" + v2.id() + "/close", Map.of()).status())
			.isLessThan(300);
		figuresUpToDate();
		return new Day(team, day, v1, v2, group, channel);
	}

	@Test
	void theConversationsComeOutWithTheirFiguresInSecondsAndFormulasInert() throws Exception {
		Day d = day();
		ApiClient.Response csv = d.team.sue.get(d.query("/api/v1/reports/conversations/export") + "&format=csv");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.header("Content-Disposition"))
			.contains("filename=\"parley-conversations-" + d.day + "-" + d.day + ".csv\"");
		List<CSVRecord> records = csv(csv.body());
		assertThat(records).hasSize(2);
		CSVRecord abandoned = records.get(0);
		assertThat(abandoned.get("Conversation")).as("newest first").isEqualTo(String.valueOf(d.abandoned.id()));
		assertThat(abandoned.get("Abandoned")).isEqualTo("true");
		assertThat(abandoned.get("Queue wait (s)")).as("never assigned").isEmpty();
		CSVRecord answered = records.get(1);
		assertThat(answered.get("Conversation")).isEqualTo(String.valueOf(d.answered.id()));
		assertThat(answered.get("Started (Asia/Shanghai)")).startsWith(d.day.toString()).hasSize(19);
		assertThat(answered.get("Queue wait (s)")).isEqualTo("20");
		assertThat(answered.get("First response time (s)")).isEqualTo("50");
		assertThat(answered.get("Handling time (s)")).isEqualTo("80");
		assertThat(answered.get("Resolution time (s)")).isEqualTo("100");
		assertThat(answered.get("Messages out")).isEqualTo("1");
		assertThat(answered.get("Rating")).isEqualTo("2");
		assertThat(answered.get("Rating comment")).isEqualTo("'-1+2 too slow");
		assertThat(answered.get("Group")).isEqualTo("'" + d.group);
		assertThat(answered.get("Channel")).isEqualTo("'" + d.channel);
		assertThat(answered.get("Agent id")).isEqualTo(String.valueOf(d.team.annId));

		try (ReadableWorkbook xlsx = xlsx(d.team.sue, d.query("/api/v1/reports/conversations/export") + "&format=xlsx",
				null)) {
			List<Row> rows = xlsx.getFirstSheet().read();
			Map<String, Integer> columns = columns(rows.get(0));
			Row row = rows.get(2);
			assertThat(row.getCellAsNumber(columns.get("First response time (s)"))).contains(new BigDecimal("50"));
			assertThat(row.getCellAsNumber(columns.get("Handling time (s)"))).contains(new BigDecimal("80"));
			assertThat(row.getCellText(columns.get("Rating comment"))).isEqualTo("'-1+2 too slow");
			assertThat(row.getCellText(columns.get("Group"))).isEqualTo("'" + d.group);
		}
		assertThat(audits("%parley-conversations-" + d.day + "-" + d.day + ".%channelId=" + d.team.channelId + "%"))
			.isEqualTo(2);
	}

	@Test
	void theOverviewAndTheReportsByGroupAndAgentHoldEveryFigure() throws Exception {
		Day d = day();
		ApiClient.Response csv = d.team.sue.get(d.query("/api/v1/reports/overview/export"));
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.body().substring(1))).getRecords();
		Map<String, List<String>> figures = new HashMap<>();
		records.forEach((r) -> figures.putIfAbsent(r.get(0), r.toList()));
		assertThat(figures.get("Figure")).containsExactly("Figure", "Value", "Previous period",
				"Change (value - previous)");
		assertThat(figures.get("From")).containsExactly("From", d.day.toString(), d.day.minusDays(1).toString(), "");
		assertThat(figures.get("Conversations")).containsExactly("Conversations", "2", "0", "2");
		assertThat(figures.get("Abandoned")).containsExactly("Abandoned", "1", "0", "1");
		assertThat(figures.get("Abandonment rate")).containsExactly("Abandonment rate", "0.5", "", "");
		assertThat(figures.get("Queue wait: median (s)")).containsExactly("Queue wait: median (s)", "20", "", "");
		assertThat(figures.get("First response time: number measured").get(1)).isEqualTo("1");
		assertThat(figures.get("First response time: median (s)").get(1)).isEqualTo("50");
		assertThat(figures.get("Handling time: average (s)").get(1)).isEqualTo("80");
		assertThat(figures.get("Time before abandoning: average (s)").get(1)).isEqualTo("120");
		assertThat(figures.get("Average rating").get(1)).isEqualTo("2");
		assertThat(figures.get("CSAT (share of 4 and 5)").get(1)).isEqualTo("0");
		int ratings = records.indexOf(records.stream().filter((r) -> r.get(0).equals("Ratings")).findFirst().get());
		assertThat(records.get(ratings + 1).toList()).containsExactly("Rating", "Conversations");
		assertThat(records.get(ratings + 3).toList()).as("one rating of 2").containsExactly("2", "1");

		try (ReadableWorkbook xlsx = xlsx(d.team.sue, d.query("/api/v1/reports/overview/export") + "&format=xlsx",
				"zh-CN")) {
			List<Sheet> sheets = xlsx.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("概览", "评分", "趋势", "按星期和小时");
			List<Row> rows = sheets.get(0).read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("指标");
			Row conversations = rows.stream().filter((r) -> "会话数".equals(r.getCellText(0))).findFirst().orElseThrow();
			assertThat(conversations.getCellAsNumber(1)).contains(new BigDecimal("2"));
			assertThat(rows.stream().map((r) -> r.getCellText(0))).contains("首次响应时间：中位数（秒）");
			List<Row> heat = sheets.get(3).read();
			assertThat(heat.get(1).getCellText(0)).isEqualTo("星期一");
		}

		ApiClient.Response groups = d.team.sue.get(d.query("/api/v1/reports/by/groups/export"));
		assertThat(groups.header("Content-Disposition")).contains("parley-groups-" + d.day + "-" + d.day + ".csv");
		List<CSVRecord> byGroup = csv(groups.body());
		assertThat(byGroup).hasSize(1);
		assertThat(byGroup.get(0).get("Group")).isEqualTo("'" + d.group);
		assertThat(byGroup.get(0).get("Conversations")).isEqualTo("2");
		assertThat(byGroup.get(0).get("Conversations: previous period")).as("no totals before, as in the API")
			.isEmpty();
		assertThat(byGroup.get(0).get("Resolution time: median (s)")).isEqualTo("100");

		try (ReadableWorkbook xlsx = xlsx(d.team.sue, "/api/v1/reports/by/agents/export?format=xlsx&from=" + d.day
				+ "&to=" + d.day + "&groupId=" + d.team.groupId, null)) {
			List<Row> rows = xlsx.getFirstSheet().read();
			Map<String, Integer> columns = columns(rows.get(0));
			assertThat(rows).as("Ann only: Bob did nothing").hasSize(2);
			Row ann = rows.get(1);
			assertThat(ann.getCellAsNumber(columns.get("Agent id"))).contains(new BigDecimal(d.team.annId));
			assertThat(ann.getCellAsNumber(columns.get("Assigned"))).contains(BigDecimal.ONE);
			assertThat(ann.getCellAsNumber(columns.get("First response time: average (s)")))
				.contains(new BigDecimal("50"));
			assertThat(ann.getCellAsNumber(columns.get("Average rating"))).contains(new BigDecimal("2"));
			assertThat(ann.getCellAsNumber(columns.get("Quality reviews"))).as("nobody reviewed her yet")
				.contains(BigDecimal.ZERO);
			assertThat(columns).containsKey("Quality score (0-100)");
			// the occupancy the agents tab shows below the figures, a sheet of its own
			Sheet occupancy = xlsx.getSheets().toList().get(1);
			assertThat(occupancy.getName()).isEqualTo("Occupancy");
			List<Row> times = occupancy.read();
			assertThat(columns(times.get(0))).containsKeys("Agent id", "Online (s)", "Occupancy (0-1)");
			assertThat(times.stream().skip(1).map((row) -> row.getCellAsNumber(0).orElseThrow()))
				.contains(new BigDecimal(d.team.annId));
		}
	}

	@Test
	void onlyExportersExportAndEachOnlyWhatHeSees() {
		Day d = day();
		String rows = d.query("/api/v1/reports/conversations/export");
		ApiClient.Response refused = d.team.ann.get(rows);
		assertThat(refused.status()).as("an agent without statistics.export").isEqualTo(403);
		assertThat(d.team.ann.get(d.query("/api/v1/reports/by/agents/export")).status()).isEqualTo(403);
		assertThat(signedInAs("support").get(d.query("/api/v1/reports/overview/export")).status()).isEqualTo(403);
		assertThat(client().get(rows).status()).isEqualTo(401);

		ApiClient.Response granted = admin().put("/api/v1/users/" + d.team.annId + "/permissions",
				Map.of("granted", List.of("statistics.export"), "revoked", List.of()));
		assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
		List<CSVRecord> own = csv(d.team.ann.get(rows).body());
		assertThat(own).extracting((r) -> r.get("Conversation"))
			.as("an agent exports the conversations he took part in")
			.containsExactly(String.valueOf(d.answered.id()));
		assertThat(csv(d.team.ann.get(d.query("/api/v1/reports/by/agents/export")).body()))
			.extracting((r) -> r.get("Agent id"))
			.as("his row of figures and of occupancy (the CSV's second section, after its title and header)")
			.containsExactly(String.valueOf(d.team.annId), "Occupancy", "Agent id", String.valueOf(d.team.annId));
		assertThat(d.team.ann.get(d.query("/api/v1/reports/overview/export")).status()).as("no team report")
			.isEqualTo(403);

		ApiClient other = signedInAs("supervisor");
		assertThat(csv(other.get(rows).body())).as("a supervisor of other groups").isEmpty();
		assertThat(other.get(d.query("/api/v1/reports/overview/export") + "&groupId=" + d.team.groupId).status())
			.isEqualTo(403);
		assertThat(csv(admin().get(rows).body())).hasSize(2);
	}

	@Test
	void badInputIsRefusedBeforeAnythingIsWrittenOrAudited() {
		ApiClient admin = admin();
		String day = "from=2026-12-01&to=2026-12-01";
		int before = audits("%");
		assertThat(admin.get("/api/v1/reports/overview/export?format=pdf&" + day).code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/conversations/export?format=docx&" + day).code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/by/colours/export?" + day).code()).isEqualTo("unknown_dimension");
		assertThat(admin.get("/api/v1/reports/by/overview/export?" + day).code()).isEqualTo("unknown_dimension");
		assertThat(admin.get("/api/v1/reports/overview/export?to=2026-12-01").code()).isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/overview/export?from=2026-12-07&to=2026-12-01").code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/conversations/export?only=happy&" + day).code())
			.isEqualTo("unknown_filter");
		assertThat(admin.get("/api/v1/reports/conversations/export?sort=colour&" + day).code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/conversations/export?rating=9&" + day).code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/by/groups/export?groupId=abc&" + day).status()).isEqualTo(400);
		assertThat(audits("%")).as("nothing audited").isEqualTo(before);
	}

	@Test
	void anExportLongerThanTheLimitSaysSoInItsLastLine() throws Exception {
		Day d = day();
		this.exports.maxRows(1);
		try {
			List<CSVRecord> records = CSVFormat.DEFAULT
				.parse(new StringReader(d.team.sue.get(d.query("/api/v1/reports/conversations/export")).body()))
				.getRecords();
			assertThat(records).hasSize(3);
			assertThat(records.get(1).get(0)).isEqualTo(String.valueOf(d.abandoned.id()));
			assertThat(records.get(2).get(0)).isEqualTo(
					"Only the first 1 conversations are in this file: narrow the range or the filters for the rest.");
		}
		finally {
			this.exports.maxRows(ReportExports.MAX_ROWS);
		}
	}

	private static List<CSVRecord> csv(String body) {
		try {
			return CSVFormat.DEFAULT.builder()
				.setHeader()
				.get()
				.parse(new StringReader(body.substring(1)))
				.getRecords();
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private ReadableWorkbook xlsx(ApiClient client, String path, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Cookie", client.cookieHeader());
		if (language != null) {
			request.header("Accept-Language", language);
		}
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse(""))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return new ReadableWorkbook(new ByteArrayInputStream(response.body()));
	}

	private static Map<String, Integer> columns(Row header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.getCellCount(); i++) {
			columns.put(header.getCellText(i), i);
		}
		return columns;
	}

	private int audits(String detail) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'statistics.exported' AND detail LIKE ?")
			.param(detail)
			.query(Integer.class)
			.single();
	}

}
