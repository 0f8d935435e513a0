package dev.parley.conversations.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.conversations.internal.ChatEvents;
import dev.parley.conversations.internal.ChatEvents.ConversationChanged;
import dev.parley.conversations.internal.ChatEvents.MessageAdded;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationRepository;
import dev.parley.conversations.internal.Conversations;
import dev.parley.conversations.internal.Conversations.Sent;
import dev.parley.conversations.internal.Message;
import dev.parley.conversations.internal.StaffActor;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;
import dev.parley.platform.EventBus;
import dev.parley.platform.StaffAuthentication;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

/**
 * The realtime gateway of one node (docs/protocol.md): it reads client frames, calls the
 * chat service, and fans events from the bus out to the connections entitled to them. A
 * frame for many connections is serialised once.
 */
@Component
class Gateway implements dev.parley.conversations.LiveConnections {

	@Override
	public Set<Long> connectedStaff() {
		Set<Long> ids = new java.util.HashSet<>();
		for (Connection connection : this.staffConnections) {
			if (connection.actor() != null && connection.open()) {
				ids.add(connection.actor().id());
			}
		}
		return ids;
	}

	private static final Logger logger = LoggerFactory.getLogger(Gateway.class);

	static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "Not authenticated");

	static final CloseStatus IDLE = new CloseStatus(4408, "Idle");

	static final CloseStatus REVOKED = new CloseStatus(4403, "Permission revoked");

	private static final long HELLO_TIMEOUT_MILLIS = 10_000;

	private static final long ACTOR_REFRESH_MILLIS = 30_000;

	private final Conversations chat;

	private final ConversationRepository conversations;

	private final VisitorTokens tokens;

	private final StaffAuthentication staffAuthentication;

	private final JsonMapper json;

	private final RealtimeProperties properties;

	private final EventBus bus;

	private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

	/**
	 * The staff connections among them: fan-out to "everyone who may take a waiting
	 * conversation" walks these, never the (many more) visitor sockets.
	 */
	private final Set<Connection> staffConnections = ConcurrentHashMap.newKeySet();

	/** Visitor connections by conversation. */
	private final Map<Long, Set<Connection>> visitorsByConversation = new ConcurrentHashMap<>();

	/** Visitor connections by visitor, to join conversations the visitor starts. */
	private final Map<Long, Set<Connection>> visitorsById = new ConcurrentHashMap<>();

	/** Staff connections following a conversation. */
	private final Map<Long, Set<Connection>> staffByConversation = new ConcurrentHashMap<>();

	Gateway(Conversations chat, ConversationRepository conversations, VisitorTokens tokens,
			StaffAuthentication staffAuthentication, JsonMapper json, RealtimeProperties properties, EventBus bus) {
		this.chat = chat;
		this.conversations = conversations;
		this.tokens = tokens;
		this.staffAuthentication = staffAuthentication;
		this.json = json;
		this.properties = properties;
		this.bus = bus;
		this.subscriptions.add(bus.subscribe(MessageAdded.class, this::onMessage));
		this.subscriptions.add(bus.subscribe(ConversationChanged.class, this::onConversation));
		this.subscriptions.add(bus.subscribe(ChatEvents.Typing.class, this::onTyping));
		this.subscriptions.add(bus.subscribe(ChatEvents.NoteAdded.class, this::onNote));
		this.subscriptions.add(bus.subscribe(ChatEvents.Read.class, this::onRead));
		this.subscriptions.add(bus.subscribe(ChatEvents.Presence.class, this::onPresence));
		this.subscriptions.add(bus.subscribe(EventBus.Resynchronise.class, this::onResynchronise));
	}

	/**
	 * Live events may have been missed on this node (its broker connection came back):
	 * every client is asked to {@code sync} what it shows.
	 */
	private void onResynchronise(EventBus.Resynchronise event) {
		TextMessage frame = text(frame("resync"));
		for (Connection connection : this.connections) {
			if (connection.authenticated()) {
				connection.send(frame);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.subscriptions.forEach(EventBus.Subscription::close);
	}

	int connectionCount() {
		return this.connections.size();
	}

	// ---- connection life

	void opened(Connection connection, Authentication staff) {
		this.connections.add(connection);
		if (connection.staff()) {
			this.staffConnections.add(connection);
			connection.authenticateStaff(staff, now());
			for (Conversation c : this.conversations.openOf(connection.actor().id(), 100)) {
				follow(connection, c.id());
			}
			ready(connection);
		}
	}

	void closed(Connection connection) {
		this.connections.remove(connection);
		this.staffConnections.remove(connection);
		for (Long conversationId : List.copyOf(connection.conversations)) {
			leave(connection, conversationId);
		}
		if (connection.visitor() != null) {
			remove(this.visitorsById, connection.visitor().visitorId(), connection);
		}
	}

	/** Handles one text frame of a connection. */
	void receive(Connection connection, String payload) {
		long now = now();
		connection.touch(now);
		if (payload.length() > this.properties.maxFrameBytes().toBytes()) {
			error(connection, "too_large", "Frame larger than " + this.properties.maxFrameBytes().toBytes() + " bytes",
					null);
			return;
		}
		if (!connection.admit(now, this.properties.maxFramesPerSecond())) {
			error(connection, "rate_limited", "Too many frames; slow down", null);
			return;
		}
		ClientFrame parsed = ClientFrame.parse(this.json, payload);
		if (parsed.problem() != null) {
			error(connection, "bad_frame", parsed.problem(), null);
			return;
		}
		JsonNode frame = parsed.body();
		String type = parsed.type();
		String ref = parsed.ref();
		if (!connection.authenticated()) {
			if ("hello".equals(type) && !connection.staff()) {
				hello(connection, frame, ref);
			}
			else {
				error(connection, "unauthenticated", "Send hello with your token first", ref);
				connection.close(UNAUTHENTICATED);
			}
			return;
		}
		if (connection.staff() && !refreshStaff(connection, now)) {
			return;
		}
		try {
			switch (type) {
				case "ping" -> send(connection, frame("pong"));
				case "send" -> send(connection, frame, ref);
				case "typing" -> typing(connection, frame, ref);
				case "read" -> read(connection, frame, ref);
				case "sync" -> sync(connection, frame, ref);
				case "watch" -> watch(connection, frame, ref);
				case "unwatch" -> unwatch(connection, frame, ref);
				case "hello" -> error(connection, "validation_failed", "Already authenticated", ref);
				default -> error(connection, "unknown_type", "Unknown frame type", ref);
			}
		}
		catch (ApiException ex) {
			error(connection, frameCode(ex), ex.getMessage(), ref);
		}
		catch (RuntimeException ex) {
			logger.error("Realtime frame '{}' failed", type, ex);
			error(connection, "internal_error", "Something went wrong on the server", ref);
		}
	}

	private void hello(Connection connection, JsonNode frame, String ref) {
		Optional<VisitorIdentity> identity = this.tokens.verify(frame.path("token").asString(null));
		if (identity.isEmpty()) {
			error(connection, "unauthenticated", "The token is not valid", ref);
			connection.close(UNAUTHENTICATED);
			return;
		}
		VisitorIdentity visitor = identity.get();
		connection.authenticateVisitor(visitor);
		this.visitorsById.computeIfAbsent(visitor.visitorId(), (id) -> ConcurrentHashMap.newKeySet()).add(connection);
		this.conversations.findOpenForVisitor(visitor.visitorId()).ifPresent((c) -> join(connection, c.id()));
		Map<String, Object> ready = frame("ready");
		ready.put("role", "visitor");
		ready.put("visitorId", visitor.visitorId());
		ready.put("heartbeatSeconds", 25);
		send(connection, ready);
	}

	private void ready(Connection connection) {
		Map<String, Object> ready = frame("ready");
		ready.put("role", "staff");
		ready.put("userId", connection.actor().id());
		ready.put("heartbeatSeconds", 25);
		send(connection, ready);
	}

	private boolean refreshStaff(Connection connection, long now) {
		if (now - connection.actorCheckedAt() < ACTOR_REFRESH_MILLIS) {
			return true;
		}
		Optional<Authentication> fresh = this.staffAuthentication.refresh(connection.authentication());
		if (fresh.isEmpty()) {
			error(connection, "unauthenticated", "The account may no longer sign in", null);
			connection.close(REVOKED);
			return false;
		}
		connection.authenticateStaff(fresh.get(), now);
		return true;
	}

	// ---- client frames

	private void send(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		String clientId = frame.path("clientId").asString(null);
		String text = frame.path("text").isString() ? frame.path("text").asString() : null;
		Sent sent = connection.staff() ? this.chat.sendAsAgent(connection.actor(), conversationId, clientId, text)
				: this.chat.sendAsVisitor(connection.visitor(), conversationId, clientId, text);
		join(connection, conversationId);
		Map<String, Object> ack = frame("ack");
		ack.put("ref", ref);
		ack.put("conversationId", conversationId);
		ack.put("clientId", clientId);
		ack.put("seq", sent.message().seq());
		ack.put("messageId", sent.message().id());
		ack.put("createdAt", sent.message().createdAt());
		ack.put("duplicate", sent.duplicate());
		send(connection, ack);
	}

	private void typing(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		if (!frame.path("typing").isBoolean()) {
			throw Conversations.invalidField("typing", "must be true or false");
		}
		authorize(connection, conversationId);
		String side = connection.staff() ? Message.AGENT : Message.VISITOR;
		String name = connection.staff() ? connection.actor().displayName() : null;
		this.bus.publish(new ChatEvents.Typing(conversationId, side, name, frame.path("typing").asBoolean()));
	}

	private void read(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		JsonNode seq = frame.path("seq");
		if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
			throw Conversations.invalidField("seq", "must be a positive whole number");
		}
		Conversation c = authorize(connection, conversationId);
		if (connection.staff() && !c.assignedTo(connection.actor().id())) {
			return; // watching supervisors do not move the agent's read mark
		}
		this.chat.markRead(conversationId, connection.staff() ? Message.AGENT : Message.VISITOR, seq.asLong());
	}

	private void sync(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		JsonNode after = frame.path("afterSeq");
		if (!after.isIntegralNumber() || !after.canConvertToLong() || after.asLong() < 0) {
			throw Conversations.invalidField("afterSeq", "must be zero or a positive whole number");
		}
		authorize(connection, conversationId);
		join(connection, conversationId);
		long last = after.asLong();
		while (true) {
			List<MessageView> page = this.chat.messages(conversationId, last, 200);
			for (MessageView message : page) {
				send(connection, messageFrame(message));
				last = message.seq();
			}
			if (page.size() < 200) {
				break;
			}
		}
		Map<String, Object> synced = frame("synced");
		synced.put("conversationId", conversationId);
		synced.put("lastSeq", last);
		synced.put("ref", ref);
		send(connection, synced);
	}

	private void watch(Connection connection, JsonNode frame, String ref) {
		if (!connection.staff()) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "unknown_type",
					"Unknown frame type");
		}
		long conversationId = conversationId(frame);
		authorize(connection, conversationId);
		follow(connection, conversationId);
	}

	private void unwatch(Connection connection, JsonNode frame, String ref) {
		if (!connection.staff()) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "unknown_type",
					"Unknown frame type");
		}
		leave(connection, conversationId(frame));
	}

	private static long conversationId(JsonNode frame) {
		JsonNode id = frame.path("conversationId");
		if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
			throw Conversations.invalidField("conversationId", "must be a conversation id");
		}
		return id.asLong();
	}

	/**
	 * The conversation if this connection is a party to it (or may read it); else
	 * not_found.
	 */
	private Conversation authorize(Connection connection, long conversationId) {
		return connection.staff() ? this.chat.forStaff(connection.actor(), conversationId)
				: this.chat.forVisitor(connection.visitor(), conversationId);
	}

	// ---- membership

	private void join(Connection connection, long conversationId) {
		if (connection.staff()) {
			follow(connection, conversationId);
			return;
		}
		if (connection.conversations.add(conversationId)) {
			Set<Connection> set = this.visitorsByConversation.computeIfAbsent(conversationId,
					(id) -> ConcurrentHashMap.newKeySet());
			boolean first = set.isEmpty();
			set.add(connection);
			if (first) {
				this.bus.publish(new ChatEvents.Presence(conversationId, Message.VISITOR, true));
			}
		}
	}

	private void follow(Connection connection, long conversationId) {
		if (connection.conversations.add(conversationId)) {
			this.staffByConversation.computeIfAbsent(conversationId, (id) -> ConcurrentHashMap.newKeySet())
				.add(connection);
		}
	}

	private void leave(Connection connection, long conversationId) {
		connection.conversations.remove(conversationId);
		if (connection.staff()) {
			remove(this.staffByConversation, conversationId, connection);
		}
		else if (remove(this.visitorsByConversation, conversationId, connection)) {
			this.bus.publish(new ChatEvents.Presence(conversationId, Message.VISITOR, false));
		}
	}

	/**
	 * @return whether the set became empty
	 */
	private static boolean remove(Map<Long, Set<Connection>> map, long key, Connection connection) {
		boolean[] emptied = new boolean[1];
		map.computeIfPresent(key, (k, set) -> {
			set.remove(connection);
			emptied[0] = set.isEmpty();
			return set.isEmpty() ? null : set;
		});
		return emptied[0];
	}

	// ---- events from the bus

	private void onMessage(MessageAdded event) {
		MessageView message = event.message();
		TextMessage frame = text(messageFrame(message));
		deliver(this.visitorsByConversation.get(message.conversationId()), frame);
		Set<Connection> following = this.staffByConversation.get(message.conversationId());
		deliver(following, frame);
		if (event.waiting()) {
			for (Connection connection : this.staffConnections) {
				if (connection.actor() != null && connection.actor().can("conversation.reply")
						&& (following == null || !following.contains(connection))) {
					connection.send(frame);
				}
			}
		}
	}

	private void onConversation(ConversationChanged event) {
		ConversationView conversation = event.conversation();
		Map<String, Object> body = frame("conversation");
		body.put("conversation", conversation);
		TextMessage frame = text(body);
		Set<Connection> visitors = this.visitorsById.get(conversation.visitor().id());
		if (visitors != null) {
			for (Connection connection : visitors) {
				if (!"closed".equals(conversation.status())) {
					join(connection, conversation.id());
				}
				connection.send(frame);
			}
		}
		for (Connection connection : this.staffConnections) {
			if (connection.actor() == null) {
				continue;
			}
			StaffActor actor = connection.actor();
			boolean assignee = conversation.assignee() != null && conversation.assignee().id() == actor.id();
			if (assignee && !"closed".equals(conversation.status())) {
				follow(connection, conversation.id());
			}
			if (assignee || actor.seesAll()
					|| ("waiting".equals(conversation.status()) && actor.can("conversation.reply"))
					|| connection.conversations.contains(conversation.id())) {
				connection.send(frame);
			}
		}
	}

	private void onNote(ChatEvents.NoteAdded event) {
		long conversationId = event.note().conversationId();
		Map<String, Object> body = frame("note");
		body.put("conversationId", conversationId);
		body.put("note", event.note());
		deliver(this.staffByConversation.get(conversationId), text(body));
		if (!event.note().mentions().isEmpty()) {
			Set<Long> mentioned = new java.util.HashSet<>();
			event.note().mentions().forEach((m) -> mentioned.add(m.id()));
			Map<String, Object> mention = frame("mention");
			mention.put("conversationId", conversationId);
			mention.put("note", event.note());
			TextMessage frame = text(mention);
			for (Connection connection : this.staffConnections) {
				if (connection.actor() != null && mentioned.contains(connection.actor().id())) {
					connection.send(frame);
				}
			}
		}
	}

	private void onTyping(ChatEvents.Typing event) {
		Map<String, Object> body = frame("typing");
		body.put("conversationId", event.conversationId());
		body.put("side", event.side());
		body.put("name", event.name());
		body.put("typing", event.typing());
		toOtherSide(event.conversationId(), event.side(), text(body));
	}

	private void onRead(ChatEvents.Read event) {
		Map<String, Object> body = frame("read");
		body.put("conversationId", event.conversationId());
		body.put("side", event.side());
		body.put("seq", event.seq());
		toOtherSide(event.conversationId(), event.side(), text(body));
	}

	private void onPresence(ChatEvents.Presence event) {
		Map<String, Object> body = frame("presence");
		body.put("conversationId", event.conversationId());
		body.put("side", event.side());
		body.put("online", event.online());
		toOtherSide(event.conversationId(), event.side(), text(body));
	}

	private void toOtherSide(long conversationId, String side, TextMessage frame) {
		deliver(Message.VISITOR.equals(side) ? this.staffByConversation.get(conversationId)
				: this.visitorsByConversation.get(conversationId), frame);
	}

	private static void deliver(Set<Connection> targets, TextMessage frame) {
		if (targets != null) {
			for (Connection connection : targets) {
				connection.send(frame);
			}
		}
	}

	// ---- timeouts

	@Scheduled(fixedDelay = 5_000)
	void closeIdle() {
		long now = now();
		long idle = this.properties.idleTimeout().toMillis();
		for (Connection connection : this.connections) {
			if (!connection.authenticated() && now - connection.lastActivity() > HELLO_TIMEOUT_MILLIS) {
				connection.close(UNAUTHENTICATED);
			}
			else if (now - connection.lastActivity() > idle) {
				connection.close(IDLE);
			}
		}
	}

	// ---- frames

	static Map<String, Object> messageFrame(MessageView message) {
		Map<String, Object> body = frame("message");
		body.put("conversationId", message.conversationId());
		body.put("message", message);
		return body;
	}

	private void error(Connection connection, String code, String message, String ref) {
		Map<String, Object> body = frame("error");
		body.put("code", code);
		body.put("message", message);
		body.put("ref", ref);
		send(connection, body);
	}

	private static String frameCode(ApiException ex) {
		return switch (ex.code()) {
			case "not_found", "validation_failed", "too_large", "conversation_closed", "forbidden", "not_assigned",
					"conflict", "unknown_type" ->
				ex.code();
			default -> "validation_failed";
		};
	}

	private static Map<String, Object> frame(String type) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		return frame;
	}

	private void send(Connection connection, Map<String, Object> body) {
		connection.send(text(body));
	}

	private TextMessage text(Map<String, Object> body) {
		return new TextMessage(this.json.writeValueAsString(body));
	}

	/**
	 * Connection timing (idle, hello, rate windows) runs on the monotonic clock: it
	 * measures elapsed time, not business time, and must not jump with the wall clock.
	 */
	static long now() {
		return System.nanoTime() / 1_000_000;
	}

}
