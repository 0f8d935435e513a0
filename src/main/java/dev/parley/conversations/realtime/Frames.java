package dev.parley.conversations.realtime;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Serialises server frames. A frame for many connections is serialised once and the same
 * text sent to each.
 */
@Component
class Frames {

	private final JsonMapper json;

	Frames(JsonMapper json) {
		this.json = json;
	}

	TextMessage text(ServerFrame frame) {
		return new TextMessage(this.json.writeValueAsString(frame));
	}

	void send(Connection connection, ServerFrame frame) {
		connection.send(text(frame));
	}

}
