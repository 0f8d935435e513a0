package dev.parley.analytics.web;

import dev.parley.analytics.internal.tickets.TicketExports;
import dev.parley.analytics.internal.tickets.TicketReport;
import dev.parley.analytics.internal.tickets.TicketReportRows;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The tickets and SLA report (docs/api.md, "Tickets report"): its figures, the tickets
 * behind them, and its export; supervisors see their groups' tickets, an agent those
 * assigned to him.
 */
@RestController
class TicketReportController {

	private final TicketReport report;

	private final TicketReportRows rows;

	private final TicketExports exports;

	TicketReportController(TicketReport report, TicketReportRows rows, TicketExports exports) {
		this.report = report;
		this.rows = rows;
		this.exports = exports;
	}

	@GetMapping("/api/v1/reports/tickets")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	TicketReport.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long groupId, StaffActor actor) {
		return this.report.report(actor, new TicketReport.Query(from, to, hours, timeZone, groupId));
	}

	@GetMapping("/api/v1/reports/tickets/rows")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	TicketReportRows.Page rows(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String only,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			StaffActor actor) {
		return this.rows.page(actor, new TicketReport.Query(from, to, hours, timeZone, groupId), only, cursor, limit);
	}

	@GetMapping("/api/v1/reports/tickets/export")
	@RequiresPermission(Permission.STATISTICS_EXPORT)
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String only,
			StaffActor actor) {
		return ReportExportController
			.file(this.exports.export(actor, new TicketReport.Query(from, to, hours, timeZone, groupId), only, format,
					LocaleContextHolder.getLocale()));
	}

}
