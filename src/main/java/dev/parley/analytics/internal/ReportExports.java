package dev.parley.analytics.internal;

import dev.parley.analytics.internal.occupancy.OccupancyReport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Consumer;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.Sentences;
import dev.parley.platform.Spreadsheets;
import dev.parley.platform.Spreadsheets.Format;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * The reports and their conversations as CSV or XLSX files, with what the staff member
 * may see in the report ({@link ReportScope}), headers in his language: everything is
 * checked (format, range, filters, scope) before the first byte is written, and every
 * export is audited ({@code statistics.exported}) with the report, range and filters. An
 * export of conversations holds at most {@link #MAX_ROWS}; a longer one ends with a line
 * that says so.
 */
@Service
public class ReportExports {

	/** At most this many conversations in one export. */
	public static final int MAX_ROWS = 100_000;

	private final Reports reports;

	private final ConversationRows rows;

	private final OccupancyReport occupancy;

	private final Sentences sentences;

	private final AuditLog audit;

	/** {@link #MAX_ROWS}, lower in a test of the limit. */
	private volatile int maxRows = MAX_ROWS;

	ReportExports(Reports reports, ConversationRows rows, OccupancyReport occupancy, Sentences sentences,
			AuditLog audit) {
		this.reports = reports;
		this.occupancy = occupancy;
		this.rows = rows;
		this.sentences = sentences;
		this.audit = audit;
	}

	/**
	 * A file about to be written.
	 *
	 * @param fileName e.g. {@code parley-agents-2026-12-01-2026-12-07.xlsx}
	 */
	public record Export(Format format, String fileName, Consumer<OutputStream> body) {

		public byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.body.accept(out);
			return out.toByteArray();
		}

	}

	/** The overview: its figures, ratings, series and heat map. */
	public Export overview(StaffActor actor, Reports.Query query, String format, Locale locale) {
		return audited(actor, query, unaudited(actor, "overview", query, Format.of(format), locale));
	}

	/** One row per group, channel or agent with every figure. */
	public Export breakdown(StaffActor actor, String dimension, Reports.Query query, String format, Locale locale) {
		Format f = Format.of(format);
		if (!Reports.DIMENSIONS.contains(dimension)) {
			throw Reports.unknownDimension();
		}
		return audited(actor, query, unaudited(actor, dimension, query, f, locale));
	}

	private Export audited(StaffActor actor, Reports.Query query, Export export) {
		this.audit.record(actor.username(), "statistics.exported", null, AuditResult.SUCCESS,
				describe(export, query, null));
		return export;
	}

	/**
	 * A report without an audit entry of its own (a scheduled report is audited once per
	 * sending).
	 * @param report {@code overview}, or {@code groups}, {@code channels} or
	 * {@code agents} for a report by them
	 */
	Export unaudited(StaffActor actor, String report, Reports.Query query, Format format, Locale locale) {
		ReportTables tables = new ReportTables(new ExportLabels(this.sentences, locale));
		if ("overview".equals(report)) {
			Reports.Overview overview = this.reports.overview(actor, query);
			return export(format, report, overview.range(), tables, (table) -> tables.overview(table, overview));
		}
		Reports.Breakdown breakdown = this.reports.breakdown(actor, report, query);
		if ("agents".equals(report)) {
			// the agents tab shows their occupancy below their figures: so does the file
			OccupancyReport.Report occupancy = this.occupancy.report(actor,
					new OccupancyReport.Query(query.from(), query.to(), query.timeZone(), query.groupId()));
			return export(format, report, breakdown.range(), tables, (table) -> {
				tables.breakdown(table, breakdown);
				tables.occupancy(table, occupancy);
			});
		}
		return export(format, report, breakdown.range(), tables, (table) -> tables.breakdown(table, breakdown));
	}

	/**
	 * The conversations behind a report, one row each, as the drill-down filters them.
	 */
	public Export conversations(StaffActor actor, ConversationRows.Request request, String format, Locale locale) {
		Export export = conversationsUnaudited(actor, request, Format.of(format), locale);
		this.audit.record(actor.username(), "statistics.exported", null, AuditResult.SUCCESS,
				describe(export, request.query(), request));
		return export;
	}

	/**
	 * The conversations without an audit entry of their own (a scheduled report is
	 * audited once per sending).
	 */
	Export conversationsUnaudited(StaffActor actor, ConversationRows.Request request, Format format, Locale locale) {
		int max = this.maxRows;
		ConversationRows.Selection selection = this.rows.select(actor, request, max + 1);
		Reports.Query q = request.query();
		ReportRange range = ReportRange.parse(q.from(), q.to(), q.hours(), q.timeZone(), this.reports.zone());
		ReportTables tables = new ReportTables(new ExportLabels(this.sentences, locale));
		String report = "rated".equals(request.only()) ? "csat" : "conversations";
		return export(format, report, Reports.Range.of(range), tables, (table) -> {
			tables.conversationHeader(table, range.zone());
			int[] written = { 0 };
			this.rows.each(selection, (row) -> {
				if (written[0]++ < max) {
					tables.conversation(table, row, range.zone());
				}
			});
			if (written[0] > max) {
				tables.truncated(table, max);
			}
		});
	}

	/** For a test of the limit: at most this many conversations per export. */
	void maxRows(int max) {
		this.maxRows = max;
	}

	private static Export export(Format format, String report, Reports.Range range, ReportTables tables,
			Consumer<Spreadsheets.Table> rows) {
		String name = "parley-" + report + "-" + range.from() + "-" + range.to() + "." + format.extension();
		return new Export(format, name, (out) -> {
			Spreadsheets.Table table = Spreadsheets.open(format, out, tables.title(report));
			rows.accept(table);
			table.finish();
		});
	}

	/**
	 * What the audit log says: the file (the report and its range), and the filters.
	 */
	static String describe(Export export, Reports.Query q, ConversationRows.Request request) {
		StringBuilder text = new StringBuilder(export.fileName());
		filter(text, "hours", q.hours());
		filter(text, "channelId", q.channelId());
		filter(text, "groupId", q.groupId());
		filter(text, "agentId", q.agentId());
		if (request != null) {
			filter(text, "only", request.only());
			filter(text, "rating", request.rating());
			filter(text, "weekday", request.weekday());
			filter(text, "hour", request.hour());
			filter(text, "topicId", request.topicId());
			filter(text, "sort", request.sort());
			filter(text, "minimum", request.minimum());
		}
		return text.toString();
	}

	private static void filter(StringBuilder text, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			String shown = value.toString().strip();
			text.append(", ").append(name).append('=').append((shown.length() > 40) ? shown.substring(0, 40) : shown);
		}
	}

}
