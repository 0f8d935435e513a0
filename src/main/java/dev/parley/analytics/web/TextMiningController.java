package dev.parley.analytics.web;

import java.util.List;

import dev.parley.analytics.internal.textmining.EntityReport;
import dev.parley.analytics.internal.textmining.MiningRuns;
import dev.parley.analytics.internal.textmining.MiningWords;
import dev.parley.analytics.internal.textmining.TopicReport;
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
 * Text mining (docs/api.md, "Text mining"): what customers write about, seen like the
 * reports (agents their own conversations, supervisors their groups', statistics.view_all
 * everyone's); the dictionary and re-runs need {@code statistics.view_all}.
 */
@RestController
class TextMiningController {

	private final TopicReport report;

	private final MiningWords words;

	private final MiningRuns runs;

	private final EntityReport entities;

	TextMiningController(TopicReport report, MiningWords words, MiningRuns runs, EntityReport entities) {
		this.report = report;
		this.entities = entities;
		this.words = words;
		this.runs = runs;
	}

	@GetMapping("/api/v1/text-mining/topics")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	TopicReport.Topics topics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String side, @RequestParam(required = false) String timeZone,
			StaffActor actor) {
		return this.report.topics(actor, new TopicReport.Query(from, to, channelId, groupId, side, timeZone));
	}

	@GetMapping("/api/v1/text-mining/trend")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	TopicReport.Trend trend(@RequestParam(required = false) String terms, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String side,
			@RequestParam(required = false) String timeZone, StaffActor actor) {
		return this.report.trend(actor, new TopicReport.Query(from, to, channelId, groupId, side, timeZone), terms);
	}

	@GetMapping("/api/v1/text-mining/conversations")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	TopicReport.Conversations conversations(@RequestParam(required = false) String term,
			@RequestParam(required = false) String entity, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String side,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) Integer limit,
			StaffActor actor) {
		return this.report.conversations(actor, new TopicReport.Query(from, to, channelId, groupId, side, timeZone),
				term, entity, limit);
	}

	@GetMapping("/api/v1/text-mining/entities")
	@RequiresPermission({ Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.CONVERSATION_REPLY })
	EntityReport.Entities entities(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String side, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Integer limit, StaffActor actor) {
		return this.entities.entities(actor, new TopicReport.Query(from, to, channelId, groupId, side, timeZone), kind,
				limit);
	}

	@GetMapping("/api/v1/text-mining/dictionary")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	List<MiningWords.Word> dictionary() {
		return this.words.words();
	}

	@PostMapping("/api/v1/text-mining/dictionary")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	ResponseEntity<MiningWords.Word> add(@RequestBody(required = false) MiningWords.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.words.create(form, actor));
	}

	@PutMapping("/api/v1/text-mining/dictionary/{id}")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	MiningWords.Word change(@PathVariable long id, @RequestBody(required = false) MiningWords.Form form,
			StaffActor actor) {
		return this.words.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/text-mining/dictionary/{id}")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	ResponseEntity<Void> remove(@PathVariable long id, StaffActor actor) {
		this.words.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/text-mining/runs")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	ResponseEntity<MiningRuns.Status> run(@RequestBody(required = false) MiningRuns.Request request, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.runs.start(request, actor));
	}

	@GetMapping("/api/v1/text-mining/runs")
	@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
	MiningRuns.Status runStatus() {
		return this.runs.status();
	}

}
