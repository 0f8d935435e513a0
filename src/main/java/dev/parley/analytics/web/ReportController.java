package dev.parley.analytics.web;

import dev.parley.analytics.internal.ConversationRows;
import dev.parley.analytics.internal.Reports;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports (docs/api.md, "Reports"): agents see their own figures, supervisors their
 * groups', {@code statistics.view_all} everyone's.
 */
@RestController
@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
class ReportController {

	private final Reports reports;

	private final ConversationRows rows;

	ReportController(Reports reports, ConversationRows rows) {
		this.reports = reports;
		this.rows = rows;
	}

	@GetMapping("/api/v1/reports/overview")
	Reports.Overview overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			StaffActor actor) {
		return this.reports.overview(actor, new Reports.Query(from, to, hours, timeZone, channelId, groupId, null));
	}

	@GetMapping("/api/v1/reports/conversations")
	ConversationRows.Page conversations(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String hours,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long agentId,
			@RequestParam(required = false) String only, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) Integer weekday, @RequestParam(required = false) Integer hour,
			@RequestParam(required = false) Long topicId, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Long minimum, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, StaffActor actor) {
		return this.rows.page(actor,
				new ConversationRows.Request(new Reports.Query(from, to, hours, timeZone, channelId, groupId, agentId),
						only, rating, weekday, hour, topicId, sort, minimum, cursor, limit));
	}

	@GetMapping("/api/v1/reports/by/{dimension}")
	Reports.Breakdown breakdown(@PathVariable String dimension, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String hours,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long agentId,
			StaffActor actor) {
		return this.reports.breakdown(actor, dimension,
				new Reports.Query(from, to, hours, timeZone, channelId, groupId, agentId));
	}

}
