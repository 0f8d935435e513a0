package dev.parley.operations.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;
import dev.parley.operations.internal.faults.Fault;
import dev.parley.operations.internal.faults.FaultClass;
import dev.parley.operations.internal.faults.FaultFunction;
import dev.parley.operations.internal.faults.FaultInput;
import dev.parley.operations.internal.faults.FaultSearch;
import dev.parley.operations.internal.faults.Faults;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault records (docs/api.md, "Fault records"): the list, reporting, the flow, notes,
 * evidence, the known issues and the suggestions while reporting.
 */
@RestController
@RequestMapping("/api/v1/operations/faults")
@RequiresPermission(Permission.FAULT_MANAGE)
class FaultController {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Faults faults;

	private final FaultSearch search;

	FaultController(Faults faults, FaultSearch search) {
		this.faults = faults;
		this.search = search;
	}

	@GetMapping
	Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(name = "class", required = false) String faultClass,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Integer limit) {
		FaultSearch.Page page = this.search
			.list(new FaultSearch.Filter(q, status, faultClass, severity, from, to, before, limit));
		return new Page(page.items().stream().map(FaultController::item).toList(), page.next());
	}

	@PostMapping
	ResponseEntity<FaultView> report(@RequestBody(required = false) FaultInput.Draft draft, StaffActor staff) {
		return ResponseEntity.status(HttpStatus.CREATED).body(view(this.faults.report(draft, staff.username())));
	}

	@GetMapping("/{id}")
	FaultView get(@PathVariable long id) {
		return view(this.faults.get(id));
	}

	@PatchMapping("/{id}")
	FaultView change(@PathVariable long id, @RequestBody(required = false) FaultInput.Change change, StaffActor staff) {
		return view(this.faults.change(id, change, staff.username()));
	}

	@PostMapping("/{id}/transitions")
	FaultView move(@PathVariable long id, @RequestBody(required = false) FaultInput.Move move, StaffActor staff) {
		return view(this.faults.move(id, move, staff.username()));
	}

	@PostMapping("/{id}/notes")
	FaultView note(@PathVariable long id, @RequestBody(required = false) Note note, StaffActor staff) {
		return view(this.faults.note(id, (note != null) ? note.note() : null, staff.username()));
	}

	@GetMapping("/{id}/evidence")
	List<EvidenceView> evidence(@PathVariable long id) {
		return this.faults.evidence(id)
			.stream()
			.map((e) -> new EvidenceView(e.id(), e.kind().name(), e.phase(), e.from(), e.to(), e.capturedAt(),
					json.readTree(e.payload())))
			.toList();
	}

	@GetMapping("/known-issues")
	KnownIssues knownIssues(@RequestParam(required = false) String q,
			@RequestParam(name = "class", required = false) String faultClass,
			@RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
		FaultSearch.Page page = this.search
			.knownIssues(new FaultSearch.Filter(q, null, faultClass, null, null, null, before, limit));
		return new KnownIssues(page.items().stream().map(FaultController::issue).toList(), page.next());
	}

	@PostMapping("/suggestions")
	List<KnownIssue> suggestions(@RequestBody(required = false) Draft draft) {
		if (draft == null) {
			return List.of();
		}
		return this.search.like(draft.title(), draft.observed(), 5).stream().map(FaultController::issue).toList();
	}

	private static Item item(Fault f) {
		return new Item(f.id(), f.title(), f.faultClass(), f.severity(), f.functions(), f.status(), f.startedAt(),
				f.reportedBy(), f.alertId(), f.resolvedAt());
	}

	private static KnownIssue issue(Fault f) {
		return new KnownIssue(f.id(), f.title(), f.observed(), f.cause(), f.fix(), f.prevention(), f.faultClass(),
				f.reviewedAt());
	}

	private static FaultView view(Faults.Detail detail) {
		Fault f = detail.fault();
		Long minutes = (f.resolvedAt() != null) ? Duration.between(f.startedAt(), f.resolvedAt()).toMinutes() : null;
		return new FaultView(f.id(), f.title(), f.observed(), f.faultClass(), f.severity(), f.functions(), f.status(),
				f.status().next(), f.startedAt(), f.reportedAt(), f.reportedBy(), f.alertId(), f.fix(),
				f.verification(), f.cause(), f.impact(), f.prevention(), f.resolvedAt(), minutes, f.reviewedAt(),
				f.updatedAt(), f.version(),
				detail.steps()
					.stream()
					.map((s) -> new StepView(s.id(), s.from(), s.to(), s.note(), s.actor(), s.at()))
					.toList());
	}

	record Page(List<Item> items, String nextCursor) {
	}

	record Item(long id, String title, FaultClass faultClass, FaultSeverity severity, Set<FaultFunction> functions,
			FaultStatus status, Instant startedAt, String reportedBy, Long alertId, Instant resolvedAt) {
	}

	/**
	 * @param next the statuses it may move to
	 * @param durationMinutes from its start to its resolution, once resolved
	 */
	record FaultView(long id, String title, String observed, FaultClass faultClass, FaultSeverity severity,
			Set<FaultFunction> functions, FaultStatus status, Set<FaultStatus> next, Instant startedAt,
			Instant reportedAt, String reportedBy, Long alertId, String fix, String verification, String cause,
			String impact, String prevention, Instant resolvedAt, Long durationMinutes, Instant reviewedAt,
			Instant updatedAt, int version, List<StepView> steps) {
	}

	/** A step of the flow, or a note ({@code from} and {@code to} null). */
	record StepView(long id, FaultStatus from, FaultStatus to, String note, String actor, Instant at) {
	}

	record EvidenceView(long id, String kind, String phase, Instant from, Instant to, Instant capturedAt,
			JsonNode payload) {
	}

	/** A reviewed fault as a known issue: symptom, cause, fix. */
	record KnownIssue(long id, String title, String symptom, String cause, String fix, String prevention,
			FaultClass faultClass, Instant reviewedAt) {
	}

	record KnownIssues(List<KnownIssue> items, String nextCursor) {
	}

	record Draft(String title, String observed) {
	}

	record Note(String note) {
	}

}
