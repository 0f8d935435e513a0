package dev.parley.conversations.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.parley.conversations.internal.ChannelRepository;
import dev.parley.conversations.internal.ChatAttachments;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationRepository;
import dev.parley.conversations.internal.Conversations;
import dev.parley.conversations.internal.Message;
import dev.parley.conversations.internal.Notes;
import dev.parley.conversations.internal.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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

	private final Conversations chat;

	private final ChatAttachments attachments;

	private final ChatViews views;

	private final ChannelRepository channels;

	private final Notes notes;

	ConversationController(Conversations chat, ChatAttachments attachments, ChatViews views, ChannelRepository channels,
			Notes notes) {
		this.notes = notes;
		this.channels = channels;
		this.chat = chat;
		this.attachments = attachments;
		this.views = views;
	}

	record ConversationPage(List<ConversationView> items, String nextCursor) {
	}

	@GetMapping("/api/v1/conversations")
	ConversationPage list(@RequestParam(defaultValue = "mine") String view,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "30") int limit,
			Authentication authentication) {
		return page(this.chat.list(StaffActor.of(authentication), view, after, limit));
	}

	@GetMapping("/api/v1/conversations/search")
	ConversationPage search(@RequestParam(required = false) String q, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long agentId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "30") int limit, Authentication authentication) {
		return page(this.chat.search(StaffActor.of(authentication), q, channelId, agentId, from, to, after, limit));
	}

	/** Channel names for filters; any staff member who may see conversations. */
	@GetMapping("/api/v1/conversations/channels")
	List<ChatViews.ChannelRef> channels(Authentication authentication) {
		StaffActor actor = StaffActor.of(authentication);
		if (!actor.can("conversation.view") && !actor.seesAll()) {
			throw dev.parley.platform.ApiException.forbidden("conversation.view");
		}
		return this.channels.findAll()
			.stream()
			.map((c) -> new ChatViews.ChannelRef(c.id(), c.name(), c.kind()))
			.toList();
	}

	@GetMapping("/api/v1/conversations/{id}")
	ConversationView get(@PathVariable long id, Authentication authentication) {
		return this.views.conversation(this.chat.forStaff(StaffActor.of(authentication), id), true);
	}

	record MessagePage(List<MessageView> items, long lastSeq) {
	}

	@GetMapping("/api/v1/conversations/{id}/messages")
	MessagePage messages(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
		Conversation conversation = this.chat.forStaff(StaffActor.of(authentication), id);
		return new MessagePage(this.chat.messages(id, after, limit), conversation.lastSeq());
	}

	@PostMapping("/api/v1/conversations/{id}/assign")
	ConversationView assign(@PathVariable long id, Authentication authentication) {
		return this.chat.assign(StaffActor.of(authentication), id);
	}

	record SendForm(String clientId, String text) {
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	ResponseEntity<MessageView> send(@PathVariable long id, @RequestBody SendForm form, Authentication authentication) {
		Conversations.Sent sent = this.chat.sendAsAgent(StaffActor.of(authentication), id, form.clientId(),
				form.text());
		return ResponseEntity.status(sent.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.message());
	}

	@PostMapping("/api/v1/conversations/{id}/attachments")
	ResponseEntity<MessageView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam("clientId") String clientId, Authentication authentication) throws IOException {
		Conversations.Sent sent = this.attachments.uploadAsAgent(StaffActor.of(authentication), id, clientId,
				file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.status(sent.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.message());
	}

	record ReadForm(Long seq) {
	}

	@PostMapping("/api/v1/conversations/{id}/read")
	ResponseEntity<Void> read(@PathVariable long id, @RequestBody ReadForm form, Authentication authentication) {
		StaffActor actor = StaffActor.of(authentication);
		Conversation conversation = this.chat.forStaff(actor, id);
		if (form.seq() == null) {
			throw Conversations.invalidField("seq", "is required");
		}
		if (conversation.assignedTo(actor.id())) {
			this.chat.markRead(id, Message.AGENT, form.seq());
		}
		return ResponseEntity.noContent().build();
	}

	record TransferForm(Long toAgentId, Long toGroupId, String note) {
	}

	@PostMapping("/api/v1/conversations/{id}/transfer")
	ConversationView transfer(@PathVariable long id, @RequestBody TransferForm form, Authentication authentication) {
		return this.chat.transfer(StaffActor.of(authentication), id, form.toAgentId(), form.toGroupId(), form.note());
	}

	@GetMapping("/api/v1/conversations/{id}/notes")
	List<Notes.NoteView> notes(@PathVariable long id, Authentication authentication) {
		return this.notes.list(StaffActor.of(authentication), id);
	}

	record NoteForm(String text) {
	}

	@PostMapping("/api/v1/conversations/{id}/notes")
	ResponseEntity<Notes.NoteView> addNote(@PathVariable long id, @RequestBody NoteForm form,
			Authentication authentication) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.notes.add(StaffActor.of(authentication), id, form.text()));
	}

	@PostMapping("/api/v1/conversations/{id}/close")
	ConversationView close(@PathVariable long id, Authentication authentication) {
		return this.chat.closeByStaff(StaffActor.of(authentication), id);
	}

	@GetMapping("/api/v1/visitors/{id}/conversations")
	List<ConversationView> visitorHistory(@PathVariable long id, Authentication authentication) {
		StaffActor actor = StaffActor.of(authentication);
		if (!actor.can("conversation.view")) {
			throw dev.parley.platform.ApiException.forbidden("conversation.view");
		}
		return this.views.conversations(this.chat.visitorHistory(actor, id), false);
	}

	private ConversationPage page(ConversationRepository.Page page) {
		return new ConversationPage(this.views.conversations(page.items(), false), page.nextCursor());
	}

}
