package dev.parley.conversations.web;

import java.util.List;

import dev.parley.conversations.internal.Mentions;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mentions in internal notes (docs/api.md, "Mentions"): the colleagues one may mention,
 * and the notes that mentioned the caller, each person only his own.
 */
@RestController
class MentionController {

	private final Mentions mentions;

	MentionController(Mentions mentions) {
		this.mentions = mentions;
	}

	/** Names and usernames only: whoever may write notes may look colleagues up. */
	@GetMapping("/api/v1/colleagues")
	@RequiresPermission({ Permission.CONVERSATION_REPLY, Permission.CONVERSATION_VIEW_ALL })
	List<Mentions.Colleague> colleagues(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "10") int limit, StaffActor actor) {
		return this.mentions.colleagues(actor, q, limit);
	}

	@GetMapping("/api/v1/mentions")
	Mentions.Page list(@RequestParam(required = false) String after, @RequestParam(defaultValue = "30") int limit,
			StaffActor actor) {
		return this.mentions.list(actor, after, limit);
	}

	record Unread(long unread) {
	}

	@GetMapping("/api/v1/mentions/unread")
	Unread unread(StaffActor actor) {
		return new Unread(this.mentions.unread(actor));
	}

	@PostMapping("/api/v1/mentions/{id}/read")
	ResponseEntity<Void> read(@PathVariable long id, StaffActor actor) {
		this.mentions.markRead(actor, id);
		return ResponseEntity.noContent().build();
	}

	/** All read, or those of one conversation (opened). */
	record ReadAllForm(Long conversationId) {
	}

	@PostMapping("/api/v1/mentions/read")
	Unread readAll(@RequestBody(required = false) ReadAllForm form, StaffActor actor) {
		return new Unread(this.mentions.markAllRead(actor, (form != null) ? form.conversationId() : null));
	}

}
