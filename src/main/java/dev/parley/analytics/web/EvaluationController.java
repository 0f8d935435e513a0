package dev.parley.analytics.web;

import java.util.List;

import dev.parley.analytics.internal.evaluation.Checklist;
import dev.parley.analytics.internal.evaluation.EvaluationList;
import dev.parley.analytics.internal.evaluation.Evaluations;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent evaluation (docs/api.md, "Evaluations"): the quality checklist, evaluating a
 * conversation ({@code team.evaluate}), and the evaluations each staff member may read
 * (an agent his own, a supervisor his groups').
 */
@RestController
class EvaluationController {

	private final Checklist checklist;

	private final Evaluations evaluations;

	private final EvaluationList list;

	EvaluationController(Checklist checklist, Evaluations evaluations, EvaluationList list) {
		this.checklist = checklist;
		this.evaluations = evaluations;
		this.list = list;
	}

	@GetMapping("/api/v1/evaluation-items")
	@RequiresPermission({ Permission.TEAM_EVALUATE, Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL,
			Permission.CONVERSATION_REPLY })
	List<Checklist.Item> items() {
		return this.checklist.items();
	}

	@PostMapping("/api/v1/evaluation-items")
	@RequiresPermission(Permission.TEAM_EVALUATE)
	ResponseEntity<Checklist.Item> createItem(@RequestBody(required = false) Checklist.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.checklist.create(form, actor));
	}

	@PutMapping("/api/v1/evaluation-items/{id}")
	@RequiresPermission(Permission.TEAM_EVALUATE)
	Checklist.Item updateItem(@PathVariable long id, @RequestBody(required = false) Checklist.Form form,
			StaffActor actor) {
		return this.checklist.update(id, form, actor);
	}

	/**
	 * 204 when the item was deleted; 200 with the item when evaluations used it
	 * (disabled).
	 */
	@DeleteMapping("/api/v1/evaluation-items/{id}")
	@RequiresPermission(Permission.TEAM_EVALUATE)
	ResponseEntity<Checklist.Item> removeItem(@PathVariable long id, StaffActor actor) {
		Checklist.Removal removal = this.checklist.remove(id, actor);
		return removal.deleted() ? ResponseEntity.noContent().build() : ResponseEntity.ok(removal.item());
	}

	@PostMapping("/api/v1/evaluations")
	@RequiresPermission(Permission.TEAM_EVALUATE)
	ResponseEntity<EvaluationList.Evaluation> create(@RequestBody(required = false) Evaluations.Form form,
			StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.evaluations.create(form, actor));
	}

	@PutMapping("/api/v1/evaluations/{id}")
	@RequiresPermission(Permission.TEAM_EVALUATE)
	EvaluationList.Evaluation update(@PathVariable long id, @RequestBody(required = false) Evaluations.Form form,
			StaffActor actor) {
		return this.evaluations.update(id, form, actor);
	}

	@GetMapping("/api/v1/evaluations")
	@RequiresPermission({ Permission.TEAM_EVALUATE, Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL,
			Permission.CONVERSATION_REPLY })
	EvaluationList.Page list(@RequestParam(required = false) Long agentId,
			@RequestParam(required = false) Long conversationId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, StaffActor actor) {
		return this.list.page(actor, new EvaluationList.Query(agentId, conversationId, from, to, cursor, limit));
	}

	@GetMapping("/api/v1/evaluations/{id}")
	@RequiresPermission({ Permission.TEAM_EVALUATE, Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL,
			Permission.CONVERSATION_REPLY })
	EvaluationList.Evaluation get(@PathVariable long id, StaffActor actor) {
		return this.list.get(id, actor);
	}

}
