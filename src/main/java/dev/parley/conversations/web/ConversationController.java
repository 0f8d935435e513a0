package dev.parley.conversations.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChannelRepository;
import dev.parley.conversations.internal.ChatAttachments;
import dev.parley.conversations.internal.ChatInput;
import dev.parley.conversations.internal.ChatMessages;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationAccess;
import dev.parley.conversations.internal.ConversationLifecycle;
import dev.parley.conversations.internal.ConversationLists;
import dev.parley.conversations.internal.ConversationQueries;
import dev.parley.conversations.internal.Transcript;
import dev.parley.conversations.internal.Notes;
import dev.parley.conversations.internal.TakeOver;
import dev.parley.conversations.internal.Snoozes;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ContactMasks;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The staff side of live chat (docs/api.md, "Live chat, staff side"). */
@RestController
class ConversationController {

	private final ConversationQueries queries;

	private final ConversationLifecycle lifecycle;

	private final ConversationAccess access;

	private final ChatMessages chat;

	private final ChatAttachments attachments;

	private final ChatViews views;

	private final ChannelRepository channels;

	private final Transcript transcript;

	private final Notes notes;

	private final TakeOver takeOver;

	private final Snoozes snoozes;

	ConversationController(ConversationQueries queries, ConversationLifecycle lifecycle, ConversationAccess access,
			ChatMessages chat, ChatAttachments attachments, ChatViews views, ChannelRepository channels,
			Transcript transcript, Notes notes, TakeOver takeOver, Snoozes snoozes) {
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.access = access;
		this.chat = chat;
		this.attachments = attachments;
		this.views = views;
		this.channels = channels;
		this.transcript = transcript;
		this.notes = notes;
		this.takeOver = takeOver;
		this.snoozes = snoozes;
	}

	record ConversationPage(List<ConversationView> items, String nextCursor) {
	}

	@GetMapping("/api/v1/conversations")
	ConversationPage list(@RequestParam(defaultValue = "mine") String view,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "30") int limit,
			StaffActor actor) {
		return page(this.queries.list(actor, view, after, limit), actor);
	}

	@GetMapping("/api/v1/conversations/search")
	ConversationPage search(@RequestParam(required = false) String q, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long agentId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "30") int limit, StaffActor actor) {
		return page(this.queries.search(actor, q, channelId, agentId, from, to, after, limit), actor);
	}

	/** Channel names for filters; any staff member who may see conversations. */
	@GetMapping("/api/v1/conversations/channels")
	@RequiresPermission({ Permission.CONVERSATION_VIEW, Permission.CONVERSATION_VIEW_ALL,
			Permission.CONVERSATION_MONITOR })
	List<ChatViews.ChannelRef> channels() {
		return this.channels.findAll()
			.stream()
			.map((c) -> new ChatViews.ChannelRef(c.id(), c.name(), c.kind()))
			.toList();
	}

	@GetMapping("/api/v1/conversations/{id}")
	ConversationView get(@PathVariable long id, StaffActor actor) {
		return ContactMasks.forStaff(this.views.conversation(this.access.forStaff(actor, id), true), actor);
	}

	record MessagePage(List<MessageView> items, long lastSeq) {
	}

	@GetMapping("/api/v1/conversations/{id}/messages")
	MessagePage messages(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "50") int limit, StaffActor actor) {
		Conversation conversation = this.access.forStaff(actor, id);
		return new MessagePage(this.transcript.forStaff(id, after, limit), conversation.lastSeq());
	}

	@PostMapping("/api/v1/conversations/{id}/assign")
	ConversationView assign(@PathVariable long id, StaffActor actor) {
		return ContactMasks.forStaff(this.lifecycle.assign(actor, id), actor);
	}

	record SendForm(String clientId, String text) {
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	ResponseEntity<MessageView> send(@PathVariable long id, @RequestBody SendForm form, StaffActor actor) {
		return sent(this.chat.sendAsAgent(actor, id, form.clientId(), form.text()));
	}

	@PostMapping("/api/v1/conversations/{id}/attachments")
	ResponseEntity<MessageView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam("clientId") String clientId, StaffActor actor) throws IOException {
		return sent(this.attachments.uploadAsAgent(actor, id, clientId, file.getOriginalFilename(), file.getBytes()));
	}

	record ReadForm(Long seq) {
	}

	@PostMapping("/api/v1/conversations/{id}/read")
	ResponseEntity<Void> read(@PathVariable long id, @RequestBody ReadForm form, StaffActor actor) {
		Conversation conversation = this.access.forStaff(actor, id);
		if (form.seq() == null) {
			throw ChatInput.invalid("seq", "is required");
		}
		if (conversation.assignedTo(actor.id())) {
			this.chat.markRead(id, Side.AGENT, form.seq());
		}
		return ResponseEntity.noContent().build();
	}

	record TransferForm(Long toAgentId, Long toGroupId, String note) {
	}

	@PostMapping("/api/v1/conversations/{id}/transfer")
	ConversationView transfer(@PathVariable long id, @RequestBody TransferForm form, StaffActor actor) {
		if (form.toGroupId() == null && form.toAgentId() != null && form.toAgentId() == actor.id()
				&& actor.can(Permission.CONVERSATION_VIEW_ALL)) {
			// a supervisor's transfer to himself is taking it over, whichever way it is
			// asked
			return ContactMasks.forStaff(this.takeOver.takeOver(actor, id, form.note()), actor);
		}
		return ContactMasks
			.forStaff(this.lifecycle.transfer(actor, id, form.toAgentId(), form.toGroupId(), form.note()), actor);
	}

	record TakeOverForm(String note) {
	}

	@PostMapping("/api/v1/conversations/{id}/take-over")
	ConversationView takeOver(@PathVariable long id, @RequestBody(required = false) TakeOverForm form,
			StaffActor actor) {
		return ContactMasks.forStaff(this.takeOver.takeOver(actor, id, (form != null) ? form.note() : null), actor);
	}

	@GetMapping("/api/v1/conversations/{id}/notes")
	List<Notes.NoteView> notes(@PathVariable long id, StaffActor actor) {
		return this.notes.list(actor, id);
	}

	record NoteForm(String text) {
	}

	@PostMapping("/api/v1/conversations/{id}/notes")
	ResponseEntity<Notes.NoteView> addNote(@PathVariable long id, @RequestBody NoteForm form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.notes.add(actor, id, form.text()));
	}

	@PostMapping("/api/v1/conversations/{id}/close")
	ConversationView close(@PathVariable long id, StaffActor actor) {
		return ContactMasks.forStaff(this.lifecycle.closeByStaff(actor, id), actor);
	}

	/** Either a time (ISO-8601 instant) or a preset. */
	record SnoozeForm(String until, String preset) {
	}

	@PostMapping("/api/v1/conversations/{id}/snooze")
	ConversationView snooze(@PathVariable long id, @RequestBody SnoozeForm form, StaffActor actor) {
		return ContactMasks.forStaff(this.snoozes.snooze(actor, id, form.until(), form.preset()), actor);
	}

	@DeleteMapping("/api/v1/conversations/{id}/snooze")
	ConversationView unsnooze(@PathVariable long id, StaffActor actor) {
		return ContactMasks.forStaff(this.snoozes.unsnooze(actor, id), actor);
	}

	@GetMapping("/api/v1/visitors/{id}/conversations")
	ConversationPage visitorHistory(@PathVariable long id, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "20") int limit, StaffActor actor) {
		return page(this.queries.visitorHistory(actor, id, after, limit), actor);
	}

	private static ResponseEntity<MessageView> sent(ChatMessages.Sent sent) {
		return ResponseEntity.status(sent.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.message());
	}

	private ConversationPage page(ConversationLists.Page page, StaffActor actor) {
		return new ConversationPage(this.views.conversations(page.items(), false)
			.stream()
			.map((c) -> ContactMasks.forStaff(c, actor))
			.toList(), page.nextCursor());
	}

}
