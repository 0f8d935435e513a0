package dev.parley.agents.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.agents.internal.AgentGroup;
import dev.parley.agents.internal.Agents;
import dev.parley.agents.internal.Groups;
import dev.parley.agents.internal.ShiftPlanning;
import dev.parley.agents.internal.Shifts;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shift planning and business hours (docs/api.md, "Shifts and business hours"). */
@RestController
class ShiftController {

	private final Shifts shifts;

	private final ShiftPlanning planning;

	private final Agents agents;

	private final Groups groups;

	private final java.time.Clock clock;

	ShiftController(Shifts shifts, ShiftPlanning planning, Agents agents, Groups groups, java.time.Clock clock) {
		this.shifts = shifts;
		this.planning = planning;
		this.agents = agents;
		this.groups = groups;
		this.clock = clock;
	}

	@GetMapping("/api/v1/shifts")
	@RequiresPermission(Permission.TEAM_VIEW)
	Shifts.Week week(@RequestParam(required = false) String week) {
		LocalDate day;
		try {
			day = (week != null) ? LocalDate.parse(week)
					: LocalDate.ofInstant(this.clock.instant(), this.shifts.zone());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("validation_failed", "week: must be a date such as 2026-11-30")
				.with("errors", List.of(Map.of("field", "week", "message", "must be a date such as 2026-11-30")));
		}
		return this.shifts.week(day, this.agents.list().stream().map(Agents.AgentView::userId).toList(),
				this.groups.list().stream().map(AgentGroup::id).toList());
	}

	record WeekForm(List<ShiftPlanning.SlotForm> slots) {
	}

	@PutMapping("/api/v1/shifts/groups/{id}/weekly")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Void> groupWeek(@PathVariable long id, @RequestBody WeekForm form, StaffActor actor) {
		this.planning.replaceGroupWeek(id, "shift", form.slots(), actor);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/groups/{id}/hours")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Void> groupHours(@PathVariable long id, @RequestBody WeekForm form, StaffActor actor) {
		this.planning.replaceGroupWeek(id, "hours", form.slots(), actor);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/shifts/agents/{userId}/weekly")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Void> agentWeek(@PathVariable long userId, @RequestBody WeekForm form, StaffActor actor) {
		this.planning.replaceAgentWeek(userId, form.slots(), actor);
		return ResponseEntity.noContent().build();
	}

	record Created(long id) {
	}

	@PostMapping("/api/v1/shifts/exceptions")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Created> addException(@RequestBody ShiftPlanning.ExceptionForm form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(this.planning.addException(form, actor)));
	}

	@DeleteMapping("/api/v1/shifts/exceptions/{id}")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Void> deleteException(@PathVariable long id, StaffActor actor) {
		this.planning.deleteException(id, actor);
		return ResponseEntity.noContent().build();
	}

}
