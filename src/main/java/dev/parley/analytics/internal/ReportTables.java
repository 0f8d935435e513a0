package dev.parley.analytics.internal;

import dev.parley.analytics.internal.occupancy.OccupancyReport;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.parley.platform.Spreadsheets;

/**
 * The reports as tables, in the reader's language: the overview's figures (each with the
 * period before and the change, value minus previous), its ratings, series and heat map;
 * one row per group, channel or agent with every figure; one row per conversation.
 * Durations are seconds, shares 0 to 1 ({@link ExportLabels}).
 */
final class ReportTables {

	/** The durations a conversation row has, in its order. */
	private static final List<String> ROW_DURATIONS = List.of("wait", "firstResponse", "replyAverage", "handling",
			"resolution", "leftAnswer");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ExportLabels labels;

	ReportTables(ExportLabels labels) {
		this.labels = labels;
	}

	/** The title of a report's first sheet: Overview, Groups, Channels, Agents ... */
	String title(String report) {
		return this.labels.text("report." + report, report);
	}

	void overview(Spreadsheets.Table table, Reports.Overview overview) {
		ExportLabels l = this.labels;
		table.row(List.of(l.text("column.figure", "Figure"), l.text("column.value", "Value"),
				l.text("column.previous", "Previous period"), l.text("column.change", "Change (value - previous)")));
		Reports.Range range = overview.range();
		table.row(Arrays.asList(l.text("column.from", "From"), range.from().toString(), range.previousFrom().toString(),
				null));
		table.row(Arrays.asList(l.text("column.to", "To"), range.to().toString(), range.previousTo().toString(), null));
		table.row(Arrays.asList(l.text("column.hours", "Hours"), hours(range.hours()), null, null));
		table.row(Arrays.asList(l.text("column.timeZone", "Time zone"), range.timeZone(), null, null));
		overview.counts()
			.forEach((key, count) -> table.row(Arrays.asList(l.count(key), count.value(), count.previous(),
					(count.previous() != null) ? count.value() - count.previous() : null)));
		overview.rates().forEach((key, rate) -> {
			BigDecimal now = ExportLabels.decimal(rate.value());
			BigDecimal before = ExportLabels.decimal(rate.previous());
			table.row(Arrays.asList(l.rate(key), now, before, ExportLabels.change(now, before)));
		});
		overview.durations().forEach((key, d) -> {
			Figures.Duration before = d.previous();
			table.row(Arrays.asList(l.measured(key), d.n(), (before != null) ? before.n() : null,
					(before != null) ? d.n() - before.n() : null));
			seconds(table, l.seconds("median", key), d.median(), (before != null) ? before.median() : null);
			seconds(table, l.seconds("p90", key), d.p90(), (before != null) ? before.p90() : null);
			seconds(table, l.seconds("average", key), d.average(), (before != null) ? before.average() : null);
		});

		table.sheet(l.text("sheet.ratings", "Ratings"));
		table.row(List.of(l.text("column.rating", "Rating"), l.count("conversations")));
		for (int score = 1; score <= 5; score++) {
			table.row(List.of(score, overview.ratings()[score - 1]));
		}

		table.sheet(l.text("sheet.series", "Series"));
		List<String> medians = List.of("wait", "firstResponse", "reply", "resolution");
		List<Object> header = new ArrayList<>(List.of(l.text("column.period", "Period"), l.count("conversations"),
				l.count("abandoned"), l.count("rated")));
		medians.forEach((key) -> header.add(l.seconds("median", key)));
		table.row(header);
		for (Reports.Point point : overview.series().points()) {
			List<Object> row = new ArrayList<>(
					List.of(point.period(), point.conversations(), point.abandoned(), point.rated()));
			medians.forEach((key) -> row.add(ExportLabels.seconds(point.medians().get(key))));
			table.row(row);
		}

		table.sheet(l.text("sheet.heatmap", "Conversations by weekday and hour"));
		List<Object> hours = new ArrayList<>(List.of(l.text("column.weekday", "Weekday")));
		for (int hour = 0; hour < 24; hour++) {
			hours.add(String.format("%02d:00", hour));
		}
		table.row(hours);
		for (int day = 0; day < 7; day++) {
			List<Object> row = new ArrayList<>(
					List.of(DayOfWeek.of(day + 1).getDisplayName(TextStyle.FULL, this.labels.locale())));
			Arrays.stream(overview.heatmap()[day]).forEach(row::add);
			table.row(row);
		}
	}

	private static void seconds(Spreadsheets.Table table, String label, Long now, Long before) {
		BigDecimal value = ExportLabels.seconds(now);
		BigDecimal previous = ExportLabels.seconds(before);
		table.row(Arrays.asList(label, value, previous, ExportLabels.change(value, previous)));
	}

	/**
	 * One row per group, channel or agent: its id and name, each count and rate with the
	 * period before, each duration's number, median, 90th percentile and average with the
	 * median before.
	 */
	void breakdown(Spreadsheets.Table table, Reports.Breakdown breakdown) {
		ExportLabels l = this.labels;
		Reports.Row columns = Reports.blank(breakdown.by());
		List<Object> header = new ArrayList<>();
		header.add(l.text("column.id." + breakdown.by(), "Id"));
		header.add(l.text("column.name." + breakdown.by(), "Name"));
		columns.counts().keySet().forEach((key) -> {
			header.add(l.count(key));
			header.add(l.previous(l.count(key)));
		});
		columns.rates().keySet().forEach((key) -> {
			header.add(l.rate(key));
			header.add(l.previous(l.rate(key)));
		});
		columns.durations().keySet().forEach((key) -> {
			header.add(l.measured(key));
			header.add(l.seconds("median", key));
			header.add(l.seconds("p90", key));
			header.add(l.seconds("average", key));
			header.add(l.seconds("previousMedian", key));
		});
		boolean agents = "agents".equals(breakdown.by());
		if (agents) {
			header.add(l.text("column.evaluations", "Quality reviews"));
			header.add(l.text("column.evaluationAverage", "Quality score (0-100)"));
			header.add(l.previous(l.text("column.evaluationAverage", "Quality score (0-100)")));
		}
		table.row(header);
		for (Reports.Row row : breakdown.rows()) {
			List<Object> cells = new ArrayList<>();
			cells.add(row.id());
			cells.add((row.name() != null) ? row.name() : l.text("none", "(none)"));
			columns.counts().keySet().forEach((key) -> {
				Figures.Count count = row.counts().get(key);
				cells.add((count != null) ? count.value() : null);
				cells.add((count != null) ? count.previous() : null);
			});
			columns.rates().keySet().forEach((key) -> {
				Figures.Rate rate = row.rates().get(key);
				cells.add((rate != null) ? ExportLabels.decimal(rate.value()) : null);
				cells.add((rate != null) ? ExportLabels.decimal(rate.previous()) : null);
			});
			columns.durations().keySet().forEach((key) -> {
				Figures.Compared d = row.durations().get(key);
				cells.add((d != null) ? d.n() : null);
				cells.add((d != null) ? ExportLabels.seconds(d.median()) : null);
				cells.add((d != null) ? ExportLabels.seconds(d.p90()) : null);
				cells.add((d != null) ? ExportLabels.seconds(d.average()) : null);
				cells.add((d != null && d.previous() != null) ? ExportLabels.seconds(d.previous().median()) : null);
			});
			if (agents) {
				EvaluationFigures.Figure e = (row.evaluation() != null) ? row.evaluation()
						: EvaluationFigures.Figure.NONE;
				cells.add(e.count());
				cells.add(ExportLabels.decimal(e.average()));
				cells.add(ExportLabels.decimal(e.previous().average()));
			}
			table.row(cells);
		}
	}

	/**
	 * The agents' occupancy as a sheet of its own: times in seconds, occupancy a share (0
	 * to 1), an empty cell where nothing was planned or the agent never signed in.
	 */
	void occupancy(Spreadsheets.Table table, OccupancyReport.Report report) {
		ExportLabels l = this.labels;
		table.sheet(l.text("sheet.occupancy", "Occupancy"));
		table.row(List.of(l.text("column.id.agents", "Agent id"), l.text("column.name.agents", "Agent"),
				l.text("column.occupancy.online", "Online (s)"), l.text("column.occupancy.away", "Away (s)"),
				l.text("column.occupancy.onShift", "On shift (s)"),
				l.text("column.occupancy.busy", "With conversations (s)"),
				l.text("column.occupancy.occupancy", "Occupancy (0-1)"),
				l.text("column.occupancy.concurrency", "Conversations at once, average"),
				l.text("column.occupancy.peak", "Conversations at once, most"),
				l.previous(l.text("column.occupancy.occupancy", "Occupancy (0-1)"))));
		for (OccupancyReport.Row row : report.rows()) {
			table.row(Arrays.asList(row.agentId(), row.name(), ExportLabels.seconds(row.online()),
					ExportLabels.seconds(row.away()), ExportLabels.seconds(row.onShift()),
					ExportLabels.seconds(row.busy()), ExportLabels.decimal(row.occupancy()),
					ExportLabels.decimal(row.concurrency()), row.peak(),
					ExportLabels.decimal(row.previousOccupancy())));
		}
	}

	/** The header of the conversations' rows; the start in the organisation's zone. */
	void conversationHeader(Spreadsheets.Table table, ZoneId zone) {
		ExportLabels l = this.labels;
		List<Object> header = new ArrayList<>(List.of(l.text("column.conversationId", "Conversation"),
				l.text("column.startedAt", "Started ({zone})", zone.getId()),
				l.text("column.id.channels", "Channel id"), l.text("column.name.channels", "Channel"),
				l.text("column.id.groups", "Group id"), l.text("column.name.groups", "Group"),
				l.text("column.id.agents", "Agent id"), l.text("column.name.agents", "Agent"), l.count("leftMessages"),
				l.count("closed"), l.text("column.closedBy", "Closed by"), l.count("messagesIn"),
				l.count("messagesOut")));
		for (String key : ROW_DURATIONS) {
			header.add(key.equals("replyAverage") ? l.seconds("average", "reply") : l.seconds("seconds", key));
			if (key.equals("firstResponse")) {
				header.add(l.text("column.replies", "Replies"));
			}
		}
		header.addAll(List.of(l.count("transfers"), l.text("column.reopens", "Reopens"), l.count("abandoned"),
				l.text("column.rating", "Rating"), l.text("column.comment", "Rating comment")));
		table.row(header);
	}

	void conversation(Spreadsheets.Table table, ConversationRows.Row r, ZoneId zone) {
		table.row(Arrays.asList(r.conversationId(), LOCAL.format(r.startedAt().atZone(zone)), r.channelId(),
				r.channel(), r.groupId(), r.group(), r.agentId(), r.agent(), r.leftMessage(), r.closed(), r.closedBy(),
				r.messagesIn(), r.messagesOut(), ExportLabels.seconds(r.queueWait()),
				ExportLabels.seconds(r.firstResponse()), r.replies(), ExportLabels.seconds(r.replyAverage()),
				ExportLabels.seconds(r.handling()), ExportLabels.seconds(r.resolution()),
				ExportLabels.seconds(r.leftAnswer()), r.transfers(), r.reopens(), r.abandoned(), r.rating(),
				r.comment()));
	}

	/** The last line of an export cut at its limit. */
	void truncated(Spreadsheets.Table table, int max) {
		table.row(List.of(this.labels.text("truncated",
				"Only the first {max} conversations are in this file: narrow the range or the filters for the rest.",
				String.format("%,d", max))));
	}

	private String hours(String hours) {
		return this.labels.text("hours." + hours, hours);
	}

}
