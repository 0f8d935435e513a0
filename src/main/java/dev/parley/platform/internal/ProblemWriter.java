package dev.parley.platform.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Makes the problem documents of every error, in the request's language (its
 * {@code Accept-Language}, which the console sets to the language the person chose): the
 * title is the problem code's headline, the detail the first field error or the headline,
 * each field error's message translated ({@link ProblemTexts}). Also writes them from
 * places outside Spring MVC (security filters).
 */
@Component
class ProblemWriter {

	private final JsonMapper json;

	private final ProblemTexts texts;

	ProblemWriter(JsonMapper json, ProblemTexts texts) {
		this.json = json;
		this.texts = texts;
	}

	/**
	 * @param detail the English detail, kept only for a code without a headline
	 * @param properties added to the document; {@code errors} (field and message) are
	 * translated
	 */
	ProblemDetail problem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> values = new LinkedHashMap<>(properties);
		if (properties.get("retryAt") != null) {
			values.put("until", until(properties.get("retryAt").toString(), locale));
		}
		String headline = this.texts.headline(code, values, detail, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, headline);
		problem.setTitle(headline);
		problem.setProperty("code", code);
		properties.forEach(problem::setProperty);
		if (properties.get("errors") instanceof List<?> errors) {
			List<Map<String, Object>> translated = new ArrayList<>();
			for (Object error : errors) {
				if (error instanceof Map<?, ?> fieldError) {
					Map<String, Object> copy = new LinkedHashMap<>();
					fieldError.forEach((name, value) -> copy.put(String.valueOf(name), value));
					Object message = fieldError.get("message");
					copy.put("message", this.texts.violation((message != null) ? message.toString() : null, locale));
					translated.add(copy);
				}
			}
			problem.setProperty("errors", translated);
			if (!translated.isEmpty()) {
				Map<String, Object> first = translated.get(0);
				problem.setDetail(
						this.texts.field(String.valueOf(first.get("field")), locale) + ": " + first.get("message"));
			}
		}
		return problem;
	}

	/**
	 * An instant as people of the locale read it, in UTC (the zone they set is not known
	 * here).
	 */
	private static String until(String instant, Locale locale) {
		try {
			return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
				.withLocale(locale)
				.withZone(ZoneOffset.UTC)
				.format(Instant.parse(instant)) + " (UTC)";
		}
		catch (DateTimeException ex) {
			return instant;
		}
	}

	void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		write(response, new ApiException(status, code, detail));
	}

	/**
	 * Writes a refusal as {@code ProblemHandling} answers it, {@code Retry-After} from
	 * its {@code retryAfterSeconds} included.
	 */
	void write(HttpServletResponse response, ApiException refusal) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(refusal.status().value());
		if (refusal.properties().get("retryAfterSeconds") instanceof Number seconds) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(),
				problem(refusal.status(), refusal.code(), refusal.getMessage(), refusal.properties()));
	}

}
