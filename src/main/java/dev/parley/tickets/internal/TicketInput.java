package dev.parley.tickets.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.platform.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the fields of a ticket as they come from outside (JSON): every value
 * is checked before anything is stored, so a refusal changes nothing.
 */
final class TicketInput {

	static final int SUBJECT_MAX = 250;

	static final int BODY_MAX = 50_000;

	static final int TAGS_MAX = 20;

	static final int TAG_MAX = 40;

	static final int FOLLOWERS_MAX = 50;

	private TicketInput() {
	}

	/** A subject: one line (no control characters, so no header can be added), 1-250. */
	static String subject(JsonNode node) {
		if (node == null || !node.isString() || node.asString().isBlank()) {
			throw ApiException.invalid("subject", "is required");
		}
		String subject = node.asString().strip();
		if (subject.length() > SUBJECT_MAX) {
			throw ApiException.invalid("subject", "must be at most 250 characters");
		}
		if (subject.chars().anyMatch((c) -> Character.isISOControl(c))) {
			throw ApiException.invalid("subject", "must be on one line");
		}
		return subject;
	}

	/** A text of up to 50,000 characters; null or blank gives null unless required. */
	static String body(String field, JsonNode node, boolean required) {
		if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
			if (required) {
				throw ApiException.invalid(field, "is required");
			}
			return null;
		}
		if (!node.isString()) {
			throw ApiException.invalid(field, "must be text");
		}
		String text = node.asString().strip();
		if (text.length() > BODY_MAX) {
			throw ApiException.invalid(field, "must be at most 50000 characters");
		}
		return text;
	}

	static <E extends Enum<E>> E choice(String field, JsonNode node, Class<E> type) {
		if (node == null || !node.isString()) {
			throw ApiException.invalid(field, "must be one of " + names(type));
		}
		try {
			return Enum.valueOf(type, node.asString().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "must be one of " + names(type));
		}
	}

	private static <E extends Enum<E>> String names(Class<E> type) {
		List<String> names = new ArrayList<>();
		for (E value : type.getEnumConstants()) {
			names.add(value.name());
		}
		return String.join(", ", names);
	}

	/** An id, or null for a JSON null (clearing the field). */
	static Long id(String field, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
			throw ApiException.invalid(field, "must be an id");
		}
		return node.asLong();
	}

	/** An instant as ISO-8601 text ({@code 2026-12-24T17:00:00Z}), or null. */
	static Instant instant(String field, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.invalid(field, "must be a time such as 2026-12-24T17:00:00Z");
		}
		try {
			return Instant.parse(node.asString().strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be a time such as 2026-12-24T17:00:00Z");
		}
	}

	/**
	 * Tags: trimmed, lower case, without repeats, at most 20 of at most 40 characters.
	 */
	static Set<String> tags(JsonNode node) {
		if (node == null || node.isNull()) {
			return new TreeSet<>();
		}
		if (!node.isArray()) {
			throw ApiException.invalid("tags", "must be a list of tags");
		}
		Set<String> tags = new TreeSet<>();
		for (JsonNode tag : node) {
			if (!tag.isString() || tag.asString().isBlank()) {
				throw ApiException.invalid("tags", "must be a list of tags");
			}
			String value = tag.asString().strip().toLowerCase(Locale.ROOT);
			if (value.length() > TAG_MAX || value.chars().anyMatch(Character::isISOControl)) {
				throw ApiException.invalid("tags", "holds a tag longer than 40 characters");
			}
			tags.add(value);
		}
		if (tags.size() > TAGS_MAX) {
			throw ApiException.invalid("tags", "at most 20 tags");
		}
		return tags;
	}

	static Set<Long> ids(String field, JsonNode node, int max) {
		if (node == null || node.isNull()) {
			return new LinkedHashSet<>();
		}
		if (!node.isArray() || node.size() > max) {
			throw ApiException.invalid(field, "must be a list of at most " + max + " ids");
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (JsonNode id : node) {
			ids.add(id(field, id));
		}
		ids.remove(null);
		return ids;
	}

	/** A reason for a transfer: up to 500 characters, or null. */
	static String reason(JsonNode node) {
		String reason = body("reason", node, false);
		if (reason != null && reason.length() > 500) {
			throw ApiException.invalid("reason", "must be at most 500 characters");
		}
		return reason;
	}

}
