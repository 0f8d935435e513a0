package dev.parley.notifications.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;

/**
 * Fills a gateway's URL and body templates (JMustache). Every value is escaped for where
 * it goes: percent-encoded in the URL, URL-encoded in a form body, JSON-escaped in a JSON
 * body; tags that would put a value in raw ({@code {{{x}}}}, {@code {{&x}}}), include
 * other templates or change the delimiters are refused, so a message text can never
 * change the request's shape.
 */
final class SmsTemplates {

	/**
	 * Tags that bypass escaping or the parser: triple braces, &, partials, delimiters.
	 */
	private static final Pattern RAW_TAG = Pattern.compile("\\{\\{\\s*[{&>=<]");

	private static final Pattern LINE = Pattern.compile("line (\\d+)");

	private SmsTemplates() {
	}

	/** What is wrong with a template, in the words of a {@code validation.*} text. */
	static final class TemplateProblem extends RuntimeException {

		TemplateProblem(String message) {
			super(message, null, false, false);
		}

	}

	/** Percent-encoding for a URL (a space is %20, not +). */
	static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Encoding for application/x-www-form-urlencoded. */
	static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The inside of a JSON string. */
	static String jsonEscape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** Fills the URL template; its values percent-encoded. */
	static String url(String template, Map<String, Object> values) {
		return render(template, values, SmsTemplates::urlEncode);
	}

	/** Fills the body template, escaped for the content type; null for no body. */
	static String body(SmsContentType type, String template, Map<String, Object> values) {
		return switch (type) {
			case FORM -> render(template, values, SmsTemplates::formEncode);
			case JSON -> render(template, values, SmsTemplates::jsonEscape);
			case NONE -> null;
		};
	}

	/**
	 * @throws TemplateProblem when the template cannot be parsed, puts a value in raw, or
	 * uses a value it is not given
	 */
	static String render(String template, Map<String, Object> values, Mustache.Escaper escaper) {
		if (template == null) {
			return "";
		}
		if (RAW_TAG.matcher(template).find()) {
			throw new TemplateProblem("must use only escaped values, no partials or delimiter changes");
		}
		try {
			return Mustache.compiler().withEscaper(escaper).compile(template).execute(values);
		}
		catch (MustacheParseException ex) {
			Matcher line = LINE.matcher(String.valueOf(ex.getMessage()));
			throw new TemplateProblem(
					line.find() ? "is not a valid template (line " + line.group(1) + ")" : "is not a valid template");
		}
		catch (MustacheException.Context ex) {
			throw new TemplateProblem("uses '" + ex.key + "', which is neither to, text, from nor a parameter");
		}
		catch (MustacheException ex) {
			throw new TemplateProblem("is not a valid template");
		}
	}

}
