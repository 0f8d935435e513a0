package dev.parley.analytics.web;

import dev.parley.analytics.internal.occupancy.OccupancyReport;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent occupancy (docs/api.md, "Occupancy"): supervisors see their groups' agents, an
 * agent himself.
 */
@RestController
class OccupancyController {

	private final OccupancyReport report;

	OccupancyController(OccupancyReport report) {
		this.report = report;
	}

	@GetMapping("/api/v1/reports/occupancy")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	OccupancyReport.Report occupancy(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long groupId, StaffActor actor) {
		return this.report.report(actor, new OccupancyReport.Query(from, to, timeZone, groupId));
	}

}
