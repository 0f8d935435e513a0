package dev.parley.conversations.realtime;

import dev.parley.platform.PlainText;
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

	/**
	 * The frame's text, well-formed: text stored before the one text rule existed may
	 * hold a lone surrogate, which no socket can encode (it is replaced, once per frame,
	 * here).
	 */
	TextMessage text(ServerFrame frame) {
		return new TextMessage(PlainText.wellFormed(this.json.writeValueAsString(frame)));
	}

	void send(Connection connection, ServerFrame frame) {
		connection.send(text(frame));
	}

}
