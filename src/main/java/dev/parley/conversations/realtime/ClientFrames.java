package dev.parley.conversations.realtime;

import java.util.List;

import dev.parley.conversations.PublicNames;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents;
import dev.parley.conversations.internal.ChatInput;
import dev.parley.conversations.internal.ChatMessages;
import dev.parley.conversations.internal.ChatMessages.Sent;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationAccess;
import dev.parley.conversations.internal.Transcript;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.platform.ApiException;
import dev.parley.platform.EventBus;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * What an authenticated connection's frames do (docs/protocol.md, "Client frames"):
 * sending, typing, read marks, sync, watching. Each checks the connection's access to the
 * conversation with the same rule as REST; a refusal is an {@link ApiException} that the
 * {@link Gateway} answers with an error frame of the same code.
 */
@Component
class ClientFrames {

	private static final int SYNC_PAGE = 200;

	private final ChatMessages chat;

	private final ConversationAccess access;

	private final Transcript transcript;

	private final PublicNames publicNames;

	private final ConnectionRegistry registry;

	private final Dispatcher dispatcher;

	private final Frames frames;

	private final EventBus bus;

	ClientFrames(ChatMessages chat, ConversationAccess access, Transcript transcript, PublicNames publicNames,
			ConnectionRegistry registry, Dispatcher dispatcher, Frames frames, EventBus bus) {
		this.chat = chat;
		this.access = access;
		this.transcript = transcript;
		this.publicNames = publicNames;
		this.registry = registry;
		this.dispatcher = dispatcher;
		this.frames = frames;
		this.bus = bus;
	}

	/** Handles one frame of a connection that has authenticated. */
	void handle(Connection connection, String type, JsonNode frame, String ref) {
		switch (type) {
			case "ping" -> this.frames.send(connection, new ServerFrame.Pong());
			case "send" -> send(connection, frame, ref);
			case "typing" -> typing(connection, frame);
			case "read" -> read(connection, frame);
			case "sync" -> sync(connection, frame, ref);
			case "watch" -> watch(connection, frame);
			case "unwatch" -> unwatch(connection, frame);
			case "hello" ->
				throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "Already authenticated");
			default -> throw unknownType();
		}
	}

	private static ApiException unknownType() {
		return new ApiException(HttpStatus.BAD_REQUEST, "unknown_type", "Unknown frame type");
	}

	private void send(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		String clientId = frame.path("clientId").asString(null);
		String text = frame.path("text").isString() ? frame.path("text").asString() : null;
		Sent sent = connection.staff() ? this.chat.sendAsAgent(connection.actor(), conversationId, clientId, text)
				: this.chat.sendAsVisitor(connection.visitor(), conversationId, clientId, text);
		this.frames.send(connection, new ServerFrame.Ack(ref, conversationId, clientId, sent.message().seq(),
				sent.message().id(), sent.message().createdAt(), sent.duplicate()));
		this.dispatcher.join(connection, conversationId);
	}

	private void typing(Connection connection, JsonNode frame) {
		long conversationId = conversationId(frame);
		if (!frame.path("typing").isBoolean()) {
			throw ChatInput.invalid("typing", "must be true or false");
		}
		authorize(connection, conversationId);
		// the visitor sees an agent only by the public name
		Side side = connection.staff() ? Side.AGENT : Side.VISITOR;
		String name = connection.staff() ? this.publicNames.publicName(connection.actor().id()) : null;
		this.bus.publish(new ChatEvents.Typing(conversationId, side, name, frame.path("typing").asBoolean()));
	}

	private void read(Connection connection, JsonNode frame) {
		long conversationId = conversationId(frame);
		JsonNode seq = frame.path("seq");
		if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
			throw ChatInput.invalid("seq", "must be a positive whole number");
		}
		Conversation c = authorize(connection, conversationId);
		if (connection.staff() && !c.assignedTo(connection.actor().id())) {
			return; // watching supervisors do not move the agent's read mark
		}
		this.chat.markRead(conversationId, connection.staff() ? Side.AGENT : Side.VISITOR, seq.asLong());
	}

	private void sync(Connection connection, JsonNode frame, String ref) {
		long conversationId = conversationId(frame);
		JsonNode after = frame.path("afterSeq");
		if (!after.isIntegralNumber() || !after.canConvertToLong() || after.asLong() < 0) {
			throw ChatInput.invalid("afterSeq", "must be zero or a positive whole number");
		}
		authorize(connection, conversationId);
		this.dispatcher.join(connection, conversationId);
		long last = after.asLong();
		while (true) {
			List<MessageView> page = connection.staff() ? this.transcript.forStaff(conversationId, last, SYNC_PAGE)
					: this.transcript.forVisitor(conversationId, last, SYNC_PAGE);
			for (MessageView message : page) {
				if (!connection.sendPaced(this.frames.text(new ServerFrame.Message(conversationId, message)))) {
					// the socket did not take the replay in time: better a reconnect
					// and a new sync than a replay that silently stopped
					connection.close(CloseStatus.SESSION_NOT_RELIABLE);
					return;
				}
				last = message.seq();
			}
			if (page.size() < SYNC_PAGE) {
				break;
			}
		}
		this.frames.send(connection, new ServerFrame.Synced(conversationId, last, ref));
	}

	private void watch(Connection connection, JsonNode frame) {
		if (!connection.staff()) {
			throw unknownType();
		}
		long conversationId = conversationId(frame);
		authorize(connection, conversationId);
		this.registry.join(connection, conversationId);
	}

	private void unwatch(Connection connection, JsonNode frame) {
		if (!connection.staff()) {
			throw unknownType();
		}
		this.registry.leave(connection, conversationId(frame));
	}

	private static long conversationId(JsonNode frame) {
		JsonNode id = frame.path("conversationId");
		if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
			throw ChatInput.invalid("conversationId", "must be a conversation id");
		}
		return id.asLong();
	}

	/**
	 * The conversation if this connection is a party to it (or may read it); else
	 * not_found.
	 */
	private Conversation authorize(Connection connection, long conversationId) {
		return connection.staff() ? this.access.forStaff(connection.actor(), conversationId)
				: this.access.forVisitor(connection.visitor(), conversationId);
	}

}
