package dev.parley.operations.internal.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.parley.platform.ApiException;
import dev.parley.platform.Correlation;

import org.springframework.stereotype.Component;

/**
 * Turns the viewer's request parameters into a {@link LogQuery}, refusing what it cannot
 * run: unknown levels or types, a range reversed or longer than
 * {@code parley.logs.max-query-range}, a regular expression RE2 does not run in linear
 * time (backreferences, look-arounds), over-long texts. Without a range: the last hour.
 */
@Component
public class LogQueries {

	/** The most lines one page of the viewer shows. */
	public static final int MAX_PAGE = 1_000;

	/** The most lines one download holds. */
	public static final int MAX_DOWNLOAD = 10_000;

	private static final int MAX_TEXT = 200;

	/** The files' timestamps are the system's, whatever the application's clock says. */
	private final Clock clock = Clock.systemUTC();

	private final Duration maxRange;

	LogQueries(LogsProperties properties) {
		this.maxRange = properties.maxQueryRange();
	}

	/**
	 * The request parameters of a query.
	 *
	 * @param regex whether {@code text} is a regular expression (RE2 syntax) rather than
	 * plain text
	 */
	public record Parameters(Instant since, Instant until, List<String> level, List<String> type, String node,
			String logger, String text, boolean regex, String correlationId, Integer limit) {
	}

	public LogQuery parse(Parameters parameters, int maxLimit) {
		Instant until = (parameters.until() != null) ? parameters.until() : this.clock.instant();
		Instant since = (parameters.since() != null) ? parameters.since() : until.minus(Duration.ofHours(1));
		if (until.isBefore(since)) {
			throw ApiException.invalid("until", "must not be before the start");
		}
		if (Duration.between(since, until).compareTo(this.maxRange) > 0) {
			throw ApiException.invalid("until", "must be at most " + this.maxRange.toDays() + " days after the start");
		}
		int limit = (parameters.limit() != null) ? parameters.limit() : 200;
		if (limit < 1 || limit > maxLimit) {
			throw ApiException.invalid("limit", "must be between 1 and " + maxLimit);
		}
		String node = token("node", parameters.node());
		String correlationId = token("correlationId", parameters.correlationId());
		String logger = text("logger", parameters.logger());
		String text = text("text", parameters.text());
		Pattern pattern = null;
		if (parameters.regex() && text != null) {
			try {
				pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
			}
			catch (PatternSyntaxException ex) {
				throw ApiException.invalid("text",
						"must be a regular expression without backreferences or look-arounds");
			}
			text = null;
		}
		return new LogQuery(since, until, levels(parameters.level()), types(parameters.type()), node, logger, text,
				pattern, correlationId, limit);
	}

	private static Set<LogLevel> levels(List<String> given) {
		Set<LogLevel> levels = EnumSet.noneOf(LogLevel.class);
		for (String name : values(given)) {
			try {
				levels.add(LogLevel.valueOf(name.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("level", "must be one of "
						+ Arrays.stream(LogLevel.values()).map(Enum::name).collect(Collectors.joining(", ")));
			}
		}
		return levels;
	}

	private static Set<LogType> types(List<String> given) {
		Set<LogType> types = EnumSet.noneOf(LogType.class);
		for (String name : values(given)) {
			types.add(LogType.of(name)
				.orElseThrow(() -> ApiException.invalid("type", "must be one of "
						+ Arrays.stream(LogType.values()).map(LogType::id).collect(Collectors.joining(", ")))));
		}
		return types;
	}

	private static List<String> values(List<String> given) {
		return (given == null) ? List.of() : given.stream().map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private static String token(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!Correlation.valid(value.trim())) {
			throw ApiException.invalid(field, "has the wrong format");
		}
		return value.trim();
	}

	private static String text(String field, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw ApiException.invalid(field, "must be at most " + MAX_TEXT + " characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid(field, "must not contain control characters");
		}
		return value;
	}

}
