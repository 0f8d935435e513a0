package dev.parley.notifications.internal;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a gateway's answer means: accepted (a 2xx that passes the success test, with the
 * provider's id where the gateway says it is), worth another attempt (5xx, 429, 408), or
 * refused for good (anything else), with an error that names the status and quotes a
 * short, cleaned excerpt of the answer.
 */
final class SmsAnswers {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int EXCERPT = 200;

	private SmsAnswers() {
	}

	static DeliveryResult judge(SmsGateway gateway, int status, byte[] bytes) {
		String body = new String(bytes, StandardCharsets.UTF_8);
		if (status == 429 || status == 408 || (status >= 500 && status <= 599)) {
			return DeliveryResult.retry(failure(gateway, status, body));
		}
		if (status >= 300 && status <= 399) {
			return DeliveryResult.refused("HTTP " + status + " from the SMS gateway: redirects are not followed");
		}
		if (status < 200 || status > 299) {
			return DeliveryResult.refused(failure(gateway, status, body));
		}
		JsonNode answer = null;
		if (gateway.successPointer() != null || gateway.messageIdPointer() != null) {
			try {
				answer = json.readTree(body);
			}
			catch (JacksonException ex) {
				answer = null;
			}
		}
		if (gateway.successPointer() != null) {
			JsonNode value = (answer != null) ? answer.at(gateway.successPointer()) : null;
			if (value == null || !value.isValueNode() || !value.asString().equals(gateway.successValue())) {
				return DeliveryResult
					.refused("HTTP " + status + " from the SMS gateway, but " + gateway.successPointer() + " is not "
							+ gateway.successValue() + ": " + excerpt(gateway, body));
			}
		}
		if (gateway.successSubstring() != null && !body.contains(gateway.successSubstring())) {
			return DeliveryResult.refused("HTTP " + status + " from the SMS gateway, but the answer lacks \""
					+ gateway.successSubstring() + "\": " + excerpt(gateway, body));
		}
		String id = null;
		if (answer != null && gateway.messageIdPointer() != null) {
			JsonNode value = answer.at(gateway.messageIdPointer());
			if (value.isValueNode() && !value.isNull()) {
				id = clean(value.asString());
				id = (id.length() > 255) ? id.substring(0, 255) : id;
			}
		}
		return DeliveryResult.delivered(id);
	}

	private static String failure(SmsGateway gateway, int status, String body) {
		return "HTTP " + status + " from the SMS gateway: " + excerpt(gateway, body);
	}

	/**
	 * The start of an answer on one line, every secret of the gateway blotted out (a
	 * provider may echo what it was sent).
	 */
	static String excerpt(SmsGateway gateway, String body) {
		String text = body;
		for (String secret : gateway.secretValues()) {
			text = text.replace(secret, "****");
		}
		text = clean(text);
		if (text.isEmpty()) {
			return "(empty answer)";
		}
		return (text.length() > EXCERPT) ? text.substring(0, EXCERPT) + "…" : text;
	}

	/** Control and formatting characters as spaces, runs of spaces as one. */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 4 * EXCERPT));
		boolean space = false;
		for (int i = 0; i < text.length() && out.length() < 4 * EXCERPT; i++) {
			char c = text.charAt(i);
			boolean blank = Character.isWhitespace(c) || Character.isISOControl(c)
					|| Character.getType(c) == Character.FORMAT;
			if (blank) {
				if (!space && out.length() > 0) {
					out.append(' ');
				}
				space = true;
			}
			else {
				out.append(c);
				space = false;
			}
		}
		return out.toString().strip();
	}

}
