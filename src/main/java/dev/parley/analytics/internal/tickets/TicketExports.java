package dev.parley.analytics.internal.tickets;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.analytics.internal.ExportLabels;
import dev.parley.analytics.internal.ReportExports;
import dev.parley.platform.Sentences;
import dev.parley.platform.Spreadsheets;
import dev.parley.platform.Spreadsheets.Format;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * The tickets report as a CSV or XLSX file: its figures against the period before, the
 * series by day, and the tickets behind the figure asked for ({@code only}), at most
 * {@link ReportExports#MAX_ROWS}; checked before the first byte and audited like every
 * export.
 */
@Service
public class TicketExports {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final TicketReport report;

	private final TicketReportRows rows;

	private final Sentences sentences;

	private final AuditLog audit;

	TicketExports(TicketReport report, TicketReportRows rows, Sentences sentences, AuditLog audit) {
		this.report = report;
		this.rows = rows;
		this.sentences = sentences;
		this.audit = audit;
	}

	public ReportExports.Export export(StaffActor actor, TicketReport.Query query, String only, String format,
			Locale locale) {
		TicketReportRows.Selection selection = this.rows.select(actor, query, only);
		ReportExports.Export export = unaudited(actor, query, selection, Format.of(format), locale);
		this.audit.record(actor.username(), "statistics.exported", null, AuditResult.SUCCESS,
				export.fileName() + ", only=" + selection.only().name().toLowerCase(Locale.ROOT)
						+ ((query.groupId() != null) ? ", groupId=" + query.groupId() : "")
						+ (selection.range().business() ? ", hours=business" : ""));
		return export;
	}

	/**
	 * The report and the tickets created in its range, without an audit entry of its own
	 * (a scheduled report is audited once per sending).
	 */
	public ReportExports.Export unaudited(StaffActor actor, TicketReport.Query query, Format format, Locale locale) {
		return unaudited(actor, query, this.rows.select(actor, query, null), format, locale);
	}

	private ReportExports.Export unaudited(StaffActor actor, TicketReport.Query query,
			TicketReportRows.Selection selection, Format f, Locale locale) {
		TicketReport.Report figures = this.report.report(actor, query);
		ExportLabels l = new ExportLabels(this.sentences, locale);
		ZoneId zone = selection.range().zone();
		String name = "parley-tickets-" + figures.range().from() + "-" + figures.range().to() + "." + f.extension();
		ReportExports.Export export = new ReportExports.Export(f, name, (out) -> {
			Spreadsheets.Table table = Spreadsheets.open(f, out, l.text("report.tickets", "Tickets"));
			figures(table, figures, l);
			table.sheet(l.text("sheet.series", "Series"));
			table.row(List.of(l.text("column.period", "Period"), l.text("ticket.created", "Tickets created"),
					l.text("ticket.solved", "Tickets solved"), l.text("ticket.backlogEnd", "Open at the end")));
			figures.series()
				.forEach((d) -> table.row(List.of(d.day().toString(), d.created(), d.solved(), d.backlog())));
			table.sheet(l.text("sheet.tickets." + selection.only().name().toLowerCase(Locale.ROOT), "Tickets"));
			table.row(header(l, zone));
			int max = ReportExports.MAX_ROWS;
			int[] written = { 0 };
			this.rows.each(selection, max + 1, (row) -> {
				if (written[0]++ < max) {
					table.row(Arrays.asList(row.ticketId(), row.number(), row.priority().name(), row.origin().name(),
							row.groupId(), row.group(), row.assigneeId(), row.assignee(), row.status().name(),
							local(row.createdAt(), zone), local(row.finishedAt(), zone),
							ExportLabels.seconds(row.firstResponse()), ExportLabels.seconds(row.resolution()),
							row.firstResponseSla().name(), row.resolutionSla().name()));
				}
			});
			if (written[0] > max) {
				table.row(List.of(l.text("truncatedTickets", "Only the first {max} tickets are in this file.",
						String.valueOf(max))));
			}
			table.finish();
		});
		return export;
	}

	private static void figures(Spreadsheets.Table table, TicketReport.Report r, ExportLabels l) {
		table.row(List.of(l.text("column.figure", "Figure"), l.text("column.value", "Value"),
				l.text("column.previous", "Previous period")));
		table.row(List.of(l.text("column.from", "From"), r.range().from().toString(),
				r.range().previousFrom().toString()));
		table.row(List.of(l.text("column.to", "To"), r.range().to().toString(), r.range().previousTo().toString()));
		table.row(List.of(l.text("column.hours", "Hours"), l.text("hours." + r.range().hours(), r.range().hours())));
		table.row(List.of(l.text("column.timeZone", "Time zone"), r.range().timeZone()));
		table.row(List.of(l.text("ticket.created", "Tickets created"), r.created().value(), r.created().previous()));
		table.row(List.of(l.text("ticket.solved", "Tickets solved"), r.solved().value(), r.solved().previous()));
		table.row(List.of(l.text("ticket.backlogStart", "Open at the start"), r.backlog().start()));
		table.row(List.of(l.text("ticket.backlogEnd", "Open at the end"), r.backlog().end()));
		duration(table, l, "ticketFirstResponse", r.firstResponse());
		duration(table, l, "ticketResolution", r.resolution());
		sla(table, l, "firstResponse", r.firstResponseSla());
		sla(table, l, "resolution", r.resolutionSla());
	}

	private static void duration(Spreadsheets.Table table, ExportLabels l, String key, TicketReport.Duration d) {
		table.row(List.of(l.measured(key), d.n()));
		table.row(Arrays.asList(l.seconds("median", key), ExportLabels.seconds(d.median()),
				ExportLabels.seconds(d.previousMedian())));
		table.row(Arrays.asList(l.seconds("p90", key), ExportLabels.seconds(d.p90())));
		table.row(Arrays.asList(l.seconds("average", key), ExportLabels.seconds(d.average())));
	}

	private static void sla(Spreadsheets.Table table, ExportLabels l, String target, TicketReport.Sla s) {
		String name = l.text("sla." + target, target);
		table.row(List.of(l.text("sla.met", "{figure}: met", name), s.met()));
		table.row(List.of(l.text("sla.breached", "{figure}: breached", name), s.breached()));
		table.row(List.of(l.text("sla.running", "{figure}: running", name), s.running()));
		table.row(List.of(l.text("sla.paused", "{figure}: paused", name), s.paused()));
		table.row(Arrays.asList(l.text("sla.achieved", "{figure}: achieved", name), ExportLabels.decimal(s.achieved()),
				ExportLabels.decimal(s.previousAchieved())));
	}

	private static List<Object> header(ExportLabels l, ZoneId zone) {
		return new ArrayList<>(List.of(l.text("column.ticketId", "Ticket id"), l.text("column.number", "Number"),
				l.text("column.priority", "Priority"), l.text("column.origin", "Origin"),
				l.text("column.id.groups", "Group id"), l.text("column.name.groups", "Group"),
				l.text("column.assigneeId", "Assignee id"), l.text("column.assignee", "Assignee"),
				l.text("column.status", "Status"), l.text("column.createdAt", "Created ({zone})", zone.getId()),
				l.text("column.solvedAt", "Solved ({zone})", zone.getId()), l.seconds("seconds", "ticketFirstResponse"),
				l.seconds("seconds", "ticketResolution"), l.text("sla.firstResponse", "SLA first response"),
				l.text("sla.resolution", "SLA resolution")));
	}

	private static String local(Instant at, ZoneId zone) {
		return (at != null) ? LOCAL.format(at.atZone(zone)) : null;
	}

}
