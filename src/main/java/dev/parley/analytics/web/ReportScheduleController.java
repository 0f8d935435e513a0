package dev.parley.analytics.web;

import java.util.List;

import dev.parley.analytics.internal.ReportSchedules;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled reports (docs/api.md, "Scheduled reports"): made by holders of
 * {@code statistics.export}, seen and changed by their owner and by holders of
 * {@code statistics.view_all}.
 */
@RestController
@RequestMapping("/api/v1/report-schedules")
@RequiresPermission({ Permission.STATISTICS_EXPORT, Permission.STATISTICS_VIEW_ALL })
class ReportScheduleController {

	private final ReportSchedules schedules;

	ReportScheduleController(ReportSchedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	List<ReportSchedules.View> list(StaffActor actor) {
		return this.schedules.list(actor);
	}

	@GetMapping("/{id}")
	ReportSchedules.View get(@PathVariable long id, StaffActor actor) {
		return this.schedules.get(actor, id);
	}

	@PostMapping
	@RequiresPermission(Permission.STATISTICS_EXPORT)
	ResponseEntity<ReportSchedules.View> create(@RequestBody ReportSchedules.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.schedules.create(actor, form));
	}

	@PutMapping("/{id}")
	ReportSchedules.View update(@PathVariable long id, @RequestBody ReportSchedules.Form form, StaffActor actor) {
		return this.schedules.update(actor, id, form);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.schedules.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

}
