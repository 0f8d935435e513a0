package dev.parley.operations.internal.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.platform.ApiException;

/**
 * What people send about a fault, checked field by field before anything is stored
 * ({@code validation_failed}, 400, naming the field).
 */
public final class FaultInput {

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 4000;

	/** How far a start time may lie in the future (clocks of browsers are not exact). */
	static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

	/** How far back a start time may lie. */
	static final Duration OLDEST_START = Duration.ofDays(366);

	/** A new fault as reported. */
	public record Draft(String title, String observed, String faultClass, String severity, List<String> functions,
			String startedAt) {
	}

	/**
	 * Changed fields of a fault (null: unchanged; an empty text clears fix, verification
	 * and the summary).
	 *
	 * @param version the version the change was made on
	 */
	public record Change(Integer version, String title, String observed, String faultClass, String severity,
			List<String> functions, String startedAt, String fix, String verification, String cause, String impact,
			String prevention) {
	}

	/**
	 * A move in the flow, with a note and the fields it may need (a resolution needs the
	 * summary: cause, impact, prevention).
	 */
	public record Move(Integer version, String to, String note, String fix, String verification, String cause,
			String impact, String prevention) {
	}

	private FaultInput() {
	}

	static String title(String value) {
		String title = required("title", value);
		if (title.length() > MAX_TITLE) {
			throw ApiException.invalid("title", "must be at most " + MAX_TITLE + " characters");
		}
		if (title.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("title", "must not contain control characters");
		}
		return title;
	}

	static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(field, "is required");
		}
		return text(field, value);
	}

	/**
	 * @return the text stripped, or null when it is null or blank
	 */
	static String text(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > MAX_TEXT) {
			throw ApiException.invalid(field, "must be at most " + MAX_TEXT + " characters");
		}
		return text;
	}

	static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(field, "is required");
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field, "must be one of " + names(type));
		}
	}

	static Set<FaultFunction> functions(List<String> values) {
		Set<FaultFunction> functions = EnumSet.noneOf(FaultFunction.class);
		if (values == null) {
			return functions;
		}
		for (String value : values) {
			functions.add(choice("functions", value, FaultFunction.class));
		}
		return functions;
	}

	static Instant startedAt(String value, Instant now) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid("startedAt", "is required");
		}
		Instant at;
		try {
			at = Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid("startedAt", "must be a time such as 2026-12-07T09:30:00Z");
		}
		if (at.isAfter(now.plus(CLOCK_SLACK))) {
			throw ApiException.invalid("startedAt", "must not be in the future");
		}
		if (at.isBefore(now.minus(OLDEST_START))) {
			throw ApiException.invalid("startedAt", "must be within the last year");
		}
		return at;
	}

	private static <E extends Enum<E>> String names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

}
