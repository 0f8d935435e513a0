package dev.parley.conversations.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;
import dev.parley.platform.PlainText;

import org.springframework.stereotype.Component;

/**
 * The checks of what clients send to live chat, the same for REST and socket frames:
 * client ids, message text (one rule for well-formed text, see {@link PlainText}), and
 * the {@code validation_failed} refusal naming a field.
 */
@Component
public class ChatInput {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{3,32}");

	private final ChatSettings settings;

	ChatInput(ChatSettings settings) {
		this.settings = settings;
	}

	/**
	 * @return the message text, stripped of white space around it
	 * @throws ApiException {@code validation_failed} (blank, malformed) or
	 * {@code too_large}
	 */
	public String text(String text) {
		String body = (text != null) ? text.strip() : "";
		if (body.isEmpty()) {
			throw invalid("text", "must not be blank");
		}
		if (body.length() > this.settings.maxTextLength()) {
			throw ApiException.badRequest("too_large", "text: longer than " + this.settings.maxTextLength())
				.with("maxLength", this.settings.maxTextLength());
		}
		return plain("text", body);
	}

	/**
	 * @return the value, when it is well-formed text
	 */
	public static String plain(String field, String value) {
		String problem = PlainText.problem(value);
		if (problem != null) {
			throw invalid(field, problem);
		}
		return value;
	}

	public static String clientId(String clientId) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw invalid("clientId", "must be 1-64 letters, digits, '-' or '_'");
		}
		return clientId;
	}

	/**
	 * An optional text field: stripped, null when blank, at most {@code max} characters.
	 */
	public static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw invalid(field, "must be at most " + max + " characters");
		}
		return plain(field, text);
	}

	public static String email(String value) {
		String email = optional("email", value, 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw invalid("email", "must be an e-mail address");
		}
		return email;
	}

	public static String phone(String value) {
		String phone = optional("phone", value, 32);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw invalid("phone", "must be a phone number");
		}
		return phone;
	}

	/** A {@code validation_failed} refusal naming one field. */

	/** A {@code validation_failed} refusal naming one field. */
	public static ApiException invalid(String field, String message) {
		return ApiException.invalid(field, message);
	}

}
