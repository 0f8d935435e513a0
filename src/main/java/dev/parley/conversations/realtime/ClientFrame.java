package dev.parley.conversations.realtime;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame from a client, parsed: its type, its ref (kept only when well-formed), and the
 * whole object for the fields of its type; or, for something that is not a frame, the
 * error to answer with.
 *
 * @param problem why this is not a frame ({@code bad_frame}'s message), or null
 */
record ClientFrame(String type, String ref, JsonNode body, String problem) {

	private static final Pattern REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	static ClientFrame parse(JsonMapper json, String payload) {
		JsonNode frame;
		try {
			frame = json.readTree(payload);
		}
		catch (JacksonException ex) {
			return new ClientFrame(null, null, null, "Not JSON");
		}
		if (frame == null || !frame.isObject() || !frame.path("type").isString()) {
			return new ClientFrame(null, null, null, "A frame is a JSON object with a string 'type'");
		}
		JsonNode ref = frame.path("ref");
		return new ClientFrame(frame.path("type").asString(),
				(ref.isString() && REF.matcher(ref.asString()).matches()) ? ref.asString() : null, frame, null);
	}

}
