package dev.parley.conversations.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.ChannelPresentation;
import dev.parley.conversations.internal.ChannelPresentations;
import dev.parley.conversations.internal.ChatAttachments;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.conversations.internal.ChatMessages;
import dev.parley.conversations.internal.ConversationAccess;
import dev.parley.conversations.internal.ConversationLifecycle;
import dev.parley.conversations.internal.ConversationQueries;
import dev.parley.conversations.internal.Ratings;
import dev.parley.conversations.internal.Transcript;
import dev.parley.conversations.internal.TranscriptRequests;
import dev.parley.conversations.internal.VisitorSessions;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.administration.Settings;
import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The visitor side of live chat (docs/api.md, "Live chat, visitor side"). */
@RestController
@RequestMapping("/api/v1/widget")
class WidgetController {

	private final VisitorSessions sessions;

	private final ChatMessages chat;

	private final ConversationLifecycle lifecycle;

	private final ConversationQueries queries;

	private final ConversationAccess access;

	private final Transcript transcript;

	private final ChatAttachments attachments;

	private final VisitorTokens tokens;

	private final Settings settings;

	private final GroupDirectory groups;

	private final ChannelPresentations presentations;

	private final Ratings ratings;

	private final TranscriptRequests transcriptRequests;

	WidgetController(VisitorSessions sessions, ChatMessages chat, ConversationLifecycle lifecycle,
			ConversationQueries queries, ConversationAccess access, Transcript transcript, ChatAttachments attachments,
			VisitorTokens tokens, Settings settings, GroupDirectory groups, ChannelPresentations presentations,
			Ratings ratings, TranscriptRequests transcriptRequests) {
		this.transcriptRequests = transcriptRequests;
		this.presentations = presentations;
		this.ratings = ratings;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.access = access;
		this.transcript = transcript;
		this.groups = groups;
		this.sessions = sessions;
		this.chat = chat;
		this.attachments = attachments;
		this.tokens = tokens;
		this.settings = settings;
	}

	/**
	 * @param open whether a live chat can start now (with topics: whether any topic's
	 * group is open)
	 * @param opensAt when it can next, if not now
	 * @param maxUploadBytes the largest file a visitor may send
	 * @param uploadTypes the kinds of file a visitor may send
	 * @param uploadExtensions their name endings, for the file picker
	 * @param title what visitors see as the chat's title: the channel's public title,
	 * else the organisation's name (never the internal channel name)
	 * @param texts per language the greeting, away message and pre-chat introduction set
	 * for the channel; the widget picks the visitor's language, else the organisation's
	 * ({@code language})
	 */
	record PublicChannel(String key, String title, String greeting, String color, boolean prechatEnabled,
			List<String> prechatFields, String organisation, boolean open, Instant opensAt, List<PublicTopic> topics,
			long maxUploadBytes, List<String> uploadTypes, List<String> uploadExtensions, String logoUrl,
			Map<String, ChannelPresentation.Texts> texts, String language) {
	}

	record PublicTopic(long id, String label, boolean open, Instant opensAt) {
	}

	@GetMapping("/channels/{key}")
	PublicChannel channel(@PathVariable String key) {
		Channel channel = this.sessions.enabledChannel(key);
		// one reading of the shift plan for all topics: this answers every page load
		Map<Long, GroupDirectory.Hours> hoursOf = this.groups
			.hours(channel.topics().stream().map(Channel.Topic::groupId).toList());
		List<PublicTopic> topics = new ArrayList<>();
		for (Channel.Topic topic : channel.topics()) {
			if (this.groups.name(topic.groupId()).isPresent()) {
				GroupDirectory.Hours hours = hoursOf.get(topic.groupId());
				topics.add(new PublicTopic(topic.groupId(), topic.label(), hours.open(), hours.opensAt()));
			}
		}
		GroupDirectory.Hours hours;
		if (!topics.isEmpty()) {
			boolean anyOpen = topics.stream().anyMatch(PublicTopic::open);
			Instant next = topics.stream()
				.map(PublicTopic::opensAt)
				.filter(java.util.Objects::nonNull)
				.min(Instant::compareTo)
				.orElse(null);
			hours = new GroupDirectory.Hours(anyOpen, anyOpen ? null : next);
		}
		else {
			hours = this.groups.groupOfChannel(channel.id())
				.map(this.groups::hours)
				.orElse(GroupDirectory.Hours.ALWAYS);
		}
		ChannelPresentation presentation = this.presentations.of(channel.id());
		String organisation = this.settings.get("organisation.name");
		return new PublicChannel(channel.key(),
				(presentation.publicTitle() != null) ? presentation.publicTitle() : organisation, channel.greeting(),
				channel.color(), channel.prechatEnabled(), channel.prechatFields(), organisation, hours.open(),
				hours.opensAt(), topics, this.attachments.maxBytes(), channel.uploadTypes(),
				ChatAttachments.extensions(channel), ChannelPresentationController.logoUrl(channel.key(), presentation),
				presentation.texts(), this.settings.get("organisation.language"));
	}

	/** A channel's logo, for anyone (the widget shows it before a visitor exists). */
	@GetMapping("/channels/{key}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String key) {
		Channel channel = this.sessions.enabledChannel(key);
		ChannelPresentations.Logo logo = this.presentations.logo(channel.id())
			.orElseThrow(() -> ApiException.notFound("Logo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.body(logo.content());
	}

	/**
	 * @param blocked present when the visitor's customer is blocked: the widget shows a
	 * notice instead of the composer (only {@code until}, never the agent's reason)
	 */
	record SessionView(String token, VisitorView visitor, Object conversation, BlockedView blocked) {
	}

	record BlockedView(Instant until) {
	}

	record VisitorView(long id, String name, String email, String phone, boolean verified) {
	}

	@PostMapping("/channels/{key}/visitors")
	SessionView arrive(@PathVariable String key, @RequestBody(required = false) VisitorSessions.Arrival arrival,
			HttpServletRequest request) {
		VisitorSessions.Arrival given = (arrival != null) ? arrival
				: new VisitorSessions.Arrival(null, null, null, null, null, null, null, null, null, null, null);
		VisitorSessions.Session session = this.sessions.arrive(key, given,
				new VisitorSessions.Origin(ClientAddress.current(), request.getHeader("User-Agent")));
		var v = session.visitor();
		return new SessionView(session.token(), new VisitorView(v.id(), v.name(), v.email(), v.phone(), v.verified()),
				session.conversation(),
				(session.blocked() != null) ? new BlockedView(session.blocked().until()) : null);
	}

	@PostMapping("/conversations")
	ResponseEntity<Object> start(@RequestBody(required = false) VisitorSessions.Prechat prechat,
			HttpServletRequest request) {
		VisitorSessions.Started started = this.sessions.startConversation(visitor(request), prechat);
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(started.conversation());
	}

	@PostMapping("/messages")
	ResponseEntity<Object> leaveMessage(@RequestBody VisitorSessions.LeftMessage form, HttpServletRequest request) {
		VisitorSessions.Left left = this.sessions.leaveMessage(visitor(request), form);
		return ResponseEntity.status(left.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(left.conversation());
	}

	record MessagePage(List<MessageView> items, long lastSeq) {
	}

	@GetMapping("/conversations/{id}/messages")
	MessagePage messages(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
		var conversation = this.access.forVisitor(visitor(request), id);
		return new MessagePage(this.transcript.forVisitor(id, after, limit), conversation.lastSeq());
	}

	@GetMapping("/conversations/{id}/queue")
	ConversationQueries.QueuePlace queue(@PathVariable long id, HttpServletRequest request) {
		return this.queries.queuePlace(visitor(request), id);
	}

	record SendForm(String clientId, String text) {
	}

	@PostMapping("/conversations/{id}/messages")
	ResponseEntity<MessageView> send(@PathVariable long id, @RequestBody SendForm form, HttpServletRequest request) {
		ChatMessages.Sent sent = this.chat.sendAsVisitor(visitor(request), id, form.clientId(), form.text());
		return ResponseEntity.status(sent.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.message());
	}

	@PostMapping("/conversations/{id}/attachments")
	ResponseEntity<MessageView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam("clientId") String clientId, HttpServletRequest request) throws IOException {
		ChatMessages.Sent sent = this.attachments.uploadAsVisitor(visitor(request), id, clientId,
				file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.status(sent.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.message());
	}

	@PostMapping("/conversations/{id}/close")
	ResponseEntity<Void> close(@PathVariable long id, HttpServletRequest request) {
		this.lifecycle.closeByVisitor(visitor(request), id);
		return ResponseEntity.noContent().build();
	}

	record RatingForm(Integer score, String comment) {
	}

	@PostMapping("/conversations/{id}/rating")
	ResponseEntity<Void> rate(@PathVariable long id, @RequestBody RatingForm form, HttpServletRequest request) {
		this.ratings.rate(visitor(request), id, form.score(), form.comment());
		return ResponseEntity.noContent().build();
	}

	record TranscriptForm(String email) {
	}

	/** E-mail me the transcript: when the conversation closes, or now if it has. */
	@PostMapping("/conversations/{id}/transcript-request")
	ResponseEntity<Void> requestTranscript(@PathVariable long id, @RequestBody TranscriptForm form,
			HttpServletRequest request) {
		this.transcriptRequests.request(visitor(request), id, form.email());
		return ResponseEntity.noContent().build();
	}

	private VisitorIdentity visitor(HttpServletRequest request) {
		return VisitorHeader.require(request, this.tokens);
	}

}
