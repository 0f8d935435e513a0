package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Optional;

import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationLists;
import dev.parley.conversations.internal.ConversationRepository;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;
import dev.parley.platform.EventBus;
import dev.parley.platform.Maintenance;
import dev.parley.platform.Permission;
import dev.parley.platform.SourceSignal;
import dev.parley.platform.SourceSignals;
import dev.parley.platform.StaffActor;
import dev.parley.platform.StaffAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The realtime gateway of one node (docs/protocol.md): a connection's life (opening,
 * {@code hello}, limits, the staff member's permissions kept fresh, closing). What an
 * authenticated connection's frames do is {@link ClientFrames}'; fan-out of live events
 * is the {@link Dispatcher}'s, and who receives what the {@link Audience}'s.
 */
@Component
class Gateway {

	private static final Logger logger = LoggerFactory.getLogger(Gateway.class);

	static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "Not authenticated");

	static final CloseStatus IDLE = new CloseStatus(4408, "Idle");

	static final CloseStatus REVOKED = new CloseStatus(4403, "Permission revoked");

	/**
	 * The client's address was blocked, or is outside the networks the console is for.
	 */
	static final CloseStatus SOURCE_REFUSED = new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(),
			"Address refused");

	static final int HEARTBEAT_SECONDS = 25;

	private static final long ACTOR_REFRESH_MILLIS = 30_000;

	private final ConversationRepository conversations;

	private final ConversationLists lists;

	private final VisitorTokens tokens;

	private final StaffAuthentication staffAuthentication;

	private final ConnectionRegistry registry;

	private final Dispatcher dispatcher;

	private final ClientFrames clientFrames;

	private final Frames frames;

	private final JsonMapper json;

	private final RealtimeProperties properties;

	private final EventBus bus;

	private final Maintenance maintenance;

	private final MaintenanceClosing maintenanceClosing;

	/** The module that watches sources (security); absent in a test of a module alone. */
	private final ObjectProvider<SourceSignals> signals;

	Gateway(ConversationRepository conversations, ConversationLists lists, VisitorTokens tokens,
			StaffAuthentication staffAuthentication, ConnectionRegistry registry, Dispatcher dispatcher,
			ClientFrames clientFrames, Frames frames, JsonMapper json, RealtimeProperties properties, EventBus bus,
			Maintenance maintenance, MaintenanceClosing maintenanceClosing, ObjectProvider<SourceSignals> signals) {
		this.signals = signals;
		this.conversations = conversations;
		this.lists = lists;
		this.tokens = tokens;
		this.staffAuthentication = staffAuthentication;
		this.registry = registry;
		this.dispatcher = dispatcher;
		this.clientFrames = clientFrames;
		this.frames = frames;
		this.json = json;
		this.properties = properties;
		this.bus = bus;
		this.maintenance = maintenance;
		this.maintenanceClosing = maintenanceClosing;
	}

	// ---- connection life

	void opened(Connection connection, Authentication staff) {
		this.registry.opened(connection);
		if (connection.staff()) {
			connection.authenticateStaff(staff, now());
			if (!mayChat(connection.actor())) {
				error(connection, FrameError.FORBIDDEN, "Your role does not include live chat", null);
				connection.close(REVOKED);
				return;
			}
			for (Conversation c : this.lists.openOf(connection.actor().id(), 100)) {
				this.registry.join(connection, c.id());
			}
			this.frames.send(connection, ServerFrame.Ready.staff(connection.actor().id()));
		}
	}

	void closed(Connection connection) {
		for (Long conversationId : this.registry.closed(connection)) {
			if (!connection.staff()) {
				this.bus.publish(new ChatEvents.Presence(conversationId, Side.VISITOR, false));
			}
		}
	}

	/** Handles one text frame of a connection. */
	void receive(Connection connection, String payload) {
		if (connection.closing()) {
			return; // e.g. revoked: nothing more is done for it while its last frames go
					// out
		}
		long now = now();
		connection.touch(now);
		if (payload.length() > this.properties.maxFrameBytes().toBytes()) {
			this.signals.ifAvailable((watch) -> watch.observed(SourceSignal.MALFORMED_FRAME, connection.address()));
			error(connection, FrameError.TOO_LARGE,
					"Frame larger than " + this.properties.maxFrameBytes().toBytes() + " bytes", null);
			return;
		}
		ClientFrame parsed = ClientFrame.parse(this.json, payload);
		if (!connection.admit(now, this.properties.maxFramesPerSecond())) {
			// with the frame's ref, so the client knows which message to send again
			error(connection, FrameError.RATE_LIMITED, "Too many frames; slow down", parsed.ref());
			return;
		}
		if (parsed.problem() != null) {
			this.signals.ifAvailable((watch) -> watch.observed(SourceSignal.MALFORMED_FRAME, connection.address()));
			error(connection, FrameError.BAD_FRAME, parsed.problem(), null);
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
				error(connection, FrameError.UNAUTHENTICATED, "Send hello with your token first", ref);
				connection.close(UNAUTHENTICATED);
			}
			return;
		}
		if (connection.staff() && now - connection.actorCheckedAt() >= ACTOR_REFRESH_MILLIS
				&& !refreshStaff(connection)) {
			return;
		}
		try {
			// counted, so that entering maintenance waits for a frame being handled;
			// refused
			// once it began (the socket is being closed for it)
			if (!this.maintenance.runWrite(() -> this.clientFrames.handle(connection, type, frame, ref))) {
				this.maintenanceClosing.closedForMaintenance(connection);
			}
		}
		catch (ApiException ex) {
			error(connection, FrameError.of(ex), ex.getMessage(), ref);
		}
		catch (RuntimeException ex) {
			logger.error("Realtime frame '{}' failed", type, ex);
			error(connection, FrameError.INTERNAL_ERROR, "Something went wrong on the server", ref);
		}
	}

	private void hello(Connection connection, JsonNode frame, String ref) {
		Optional<VisitorIdentity> identity = this.tokens.verify(frame.path("token").asString(null));
		if (identity.isEmpty()) {
			error(connection, FrameError.UNAUTHENTICATED, "The token is not valid", ref);
			connection.close(UNAUTHENTICATED);
			return;
		}
		VisitorIdentity visitor = identity.get();
		connection.authenticateVisitor(visitor);
		this.registry.visitorAuthenticated(connection);
		this.conversations.findOpenForVisitor(visitor.visitorId())
			.ifPresent((c) -> this.dispatcher.join(connection, c.id()));
		this.frames.send(connection, ServerFrame.Ready.visitor(visitor.visitorId()));
	}

	/**
	 * A staff socket is for staff who may read conversations in some way.
	 */
	static boolean mayChat(StaffActor actor) {
		return actor.canAny(Permission.CONVERSATION_VIEW, Permission.CONVERSATION_REPLY,
				Permission.CONVERSATION_VIEW_ALL, Permission.CONVERSATION_MONITOR);
	}

	/**
	 * Reloads a staff connection's permissions; closes it (4403) when the account may no
	 * longer sign in or no longer read any conversation, and stops it following
	 * conversations it may no longer read.
	 * @return whether the connection is still open
	 */
	boolean refreshStaff(Connection connection) {
		Optional<Authentication> fresh = this.staffAuthentication.refresh(connection.authentication());
		if (fresh.isEmpty()) {
			error(connection, FrameError.UNAUTHENTICATED, "The account may no longer sign in", null);
			connection.close(REVOKED);
			return false;
		}
		connection.authenticateStaff(fresh.get(), now());
		if (!mayChat(connection.actor())) {
			error(connection, FrameError.FORBIDDEN, "Your role no longer includes live chat", null);
			connection.close(REVOKED);
			return false;
		}
		for (Long conversationId : List.copyOf(connection.conversations)) {
			ChatEvents.Access known = this.dispatcher.knownAccess(conversationId);
			ChatEvents.Access state = (known != null) ? known
					: this.conversations.findById(conversationId).map(ChatEvents.Access::of).orElse(null);
			if (state == null || !Audience.accepts(connection, state)) {
				this.registry.leave(connection, conversationId);
			}
		}
		return true;
	}

	private void error(Connection connection, FrameError error, String message, String ref) {
		this.frames.send(connection, new ServerFrame.Error(error.code(), message, ref));
	}

	/**
	 * Connection timing (idle, hello, rate windows) runs on the monotonic clock: it
	 * measures elapsed time, not business time, and must not jump with the wall clock.
	 */
	static long now() {
		return System.nanoTime() / 1_000_000;
	}

}
