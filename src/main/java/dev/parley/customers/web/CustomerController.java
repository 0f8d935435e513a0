package dev.parley.customers.web;

import java.time.Instant;
import java.util.List;

import dev.parley.conversations.CustomerConversations;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.customers.internal.CustomerBlocking;
import dev.parley.customers.internal.CustomerEdits;
import dev.parley.customers.internal.CustomerNotes;
import dev.parley.customers.internal.CustomerRecords;
import dev.parley.customers.internal.CustomerTimeline;
import dev.parley.customers.internal.CustomerView;
import dev.parley.customers.internal.MergeRequests;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer records (docs/api.md, "Customer records"). */
@RestController
class CustomerController {

	private final CustomerRecords records;

	private final CustomerEdits edits;

	private final CustomerNotes notes;

	private final CustomerTimeline timeline;

	private final CustomerBlocking blocking;

	private final MergeRequests merges;

	private final CustomerConversations conversations;

	CustomerController(CustomerRecords records, CustomerEdits edits, CustomerNotes notes, CustomerTimeline timeline,
			CustomerBlocking blocking, MergeRequests merges, CustomerConversations conversations) {
		this.records = records;
		this.edits = edits;
		this.notes = notes;
		this.timeline = timeline;
		this.blocking = blocking;
		this.merges = merges;
		this.conversations = conversations;
	}

	@GetMapping("/api/v1/customers/{id}")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CustomerView get(@PathVariable long id) {
		return this.records.view(id);
	}

	/**
	 * The customer of a conversation's visitor, in short (the inbox's visitor panel); 404
	 * when the visitor is not a customer yet.
	 */
	@GetMapping("/api/v1/conversations/{conversationId}/customer")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CustomerRecords.Summary ofConversation(@PathVariable long conversationId) {
		return this.records.summaryOfConversation(conversationId);
	}

	/** A customer created by hand, e.g. for a caller: 201 with the record. */
	@PostMapping("/api/v1/customers")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	ResponseEntity<CustomerView> create(@RequestBody(required = false) JsonNode body, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.edits.create(body, actor));
	}

	@PatchMapping("/api/v1/customers/{id}")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	CustomerView update(@PathVariable long id, @RequestBody JsonNode patch, StaffActor actor) {
		return this.edits.update(id, patch, actor);
	}

	@PostMapping("/api/v1/customers/{id}/reveal")
	@RequiresPermission(Permission.CUSTOMER_PII_VIEW)
	CustomerRecords.Revealed reveal(@PathVariable long id, StaffActor actor) {
		return this.records.reveal(id, actor);
	}

	record NoteForm(String body) {
	}

	@PostMapping("/api/v1/customers/{id}/notes")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	CustomerView addNote(@PathVariable long id, @RequestBody NoteForm form, StaffActor actor) {
		return this.notes.add(id, form.body(), actor);
	}

	@PutMapping("/api/v1/customers/{id}/notes/{noteId}")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	CustomerView editNote(@PathVariable long id, @PathVariable long noteId, @RequestBody NoteForm form,
			StaffActor actor) {
		return this.notes.edit(id, noteId, form.body(), actor);
	}

	@DeleteMapping("/api/v1/customers/{id}/notes/{noteId}")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	CustomerView deleteNote(@PathVariable long id, @PathVariable long noteId, StaffActor actor) {
		return this.notes.delete(id, noteId, actor);
	}

	@GetMapping("/api/v1/customers/{id}/timeline")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CustomerTimeline.Page timeline(@PathVariable long id, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "30") int limit) {
		return this.timeline.page(id, after, limit);
	}

	record ConversationPage(List<CustomerConversations.CustomerConversation> items, String nextCursor) {
	}

	/**
	 * Every conversation of the customer, on every channel; the cursor is the last one's
	 * start and id.
	 */
	@GetMapping("/api/v1/customers/{id}/conversations")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	ConversationPage conversations(@PathVariable long id, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "20") int limit) {
		long customer = this.records.live(id).id();
		CustomerConversations.Cursor cursor = null;
		if (after != null && !after.isEmpty()) {
			try {
				String[] parts = after.split("_");
				cursor = new CustomerConversations.Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])),
						Long.parseLong(parts[1]));
			}
			catch (RuntimeException ex) {
				throw ApiException.invalid("after", "is not a cursor of this list");
			}
		}
		int size = Math.max(1, Math.min(limit, 100));
		List<CustomerConversations.CustomerConversation> items = this.conversations.list(customer, cursor, size);
		String next = (items.size() == size)
				? items.get(size - 1).startedAt().toEpochMilli() + "_" + items.get(size - 1).id() : null;
		return new ConversationPage(items, next);
	}

	record MessagePage(List<MessageView> items) {
	}

	/**
	 * A transcript of one of the customer's conversations, read-only: what a
	 * customer.view holder may read through the customer page (as a CRM shows it),
	 * whoever handled it.
	 */
	@GetMapping("/api/v1/customers/{id}/conversations/{conversationId}/messages")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	MessagePage transcript(@PathVariable long id, @PathVariable long conversationId,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		return new MessagePage(this.conversations.transcript(this.records.live(id).id(), conversationId, after, limit));
	}

	record BlockForm(String reason, Instant until) {
	}

	@PostMapping("/api/v1/customers/{id}/block")
	@RequiresPermission(Permission.CUSTOMER_BLOCK)
	CustomerView block(@PathVariable long id, @RequestBody BlockForm form, StaffActor actor) {
		return this.blocking.block(id, form.reason(), form.until(), actor);
	}

	@DeleteMapping("/api/v1/customers/{id}/block")
	@RequiresPermission(Permission.CUSTOMER_BLOCK)
	CustomerView unblock(@PathVariable long id, StaffActor actor) {
		return this.blocking.unblock(id, actor);
	}

	/** Blocks the customer of a conversation's visitor, from the inbox. */
	@PostMapping("/api/v1/conversations/{conversationId}/block-customer")
	@RequiresPermission(Permission.CUSTOMER_BLOCK)
	CustomerView blockFromConversation(@PathVariable long conversationId, @RequestBody BlockForm form,
			StaffActor actor) {
		return this.blocking.blockOfConversation(conversationId, form.reason(), form.until(), actor);
	}

	record MergeForm(Long otherId) {
	}

	@PostMapping("/api/v1/customers/{id}/merge")
	@RequiresPermission(Permission.CUSTOMER_MERGE)
	CustomerView merge(@PathVariable long id, @RequestBody MergeForm form, StaffActor actor) {
		return this.merges.merge(id, form.otherId(), actor);
	}

	@GetMapping("/api/v1/customer-merges")
	@RequiresPermission(Permission.CUSTOMER_MERGE)
	MergeRequests.MergePage mergeList(@RequestParam(required = false) String after,
			@RequestParam(defaultValue = "30") int limit) {
		return this.merges.list(after, limit);
	}

	@DeleteMapping("/api/v1/customers/{id}/suggestions/{suggestionId}")
	@RequiresPermission(Permission.CUSTOMER_EDIT)
	CustomerView dismiss(@PathVariable long id, @PathVariable long suggestionId, StaffActor actor) {
		return this.merges.dismiss(id, suggestionId, actor);
	}

}
