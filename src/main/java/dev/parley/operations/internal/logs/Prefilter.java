package dev.parley.operations.internal.logs;

import java.util.List;
import java.util.Locale;

/**
 * What a raw ECS line must contain for the query to be able to match it, checked before
 * the line is parsed: the level and logger as the encoder writes them, the correlation
 * id, and the text when it has no character the JSON writer would escape. Only a
 * necessary condition; the parsed line is filtered exactly afterwards.
 */
record Prefilter(List<String> levels, String logger, String correlationId, String text) {

	static Prefilter of(LogQuery query, String lowerText) {
		List<String> levels = (query.levels() == null || query.levels().isEmpty()) ? List.of()
				: query.levels().stream().map((level) -> "\"level\":\"" + level.name() + "\"").toList();
		String logger = (query.logger() != null) ? "\"logger\":\"" + query.logger() : null;
		String id = (query.correlationId() != null) ? "\"" + query.correlationId() + "\"" : null;
		String text = (lowerText != null && unescaped(lowerText)) ? lowerText : null;
		return new Prefilter(levels, logger, id, text);
	}

	boolean mayMatch(String raw) {
		if (!this.levels.isEmpty() && this.levels.stream().noneMatch(raw::contains)) {
			return false;
		}
		if (this.logger != null && !raw.contains(this.logger)) {
			return false;
		}
		if (this.correlationId != null && !raw.contains(this.correlationId)) {
			return false;
		}
		return this.text == null || raw.toLowerCase(Locale.ROOT).contains(this.text);
	}

	/** Whether the text appears in the raw line as it is (no JSON escape inside it). */
	private static boolean unescaped(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || c == '/' || (c >= 0x7F && c <= 0x9F) || c == 0x2028
					|| c == 0x2029) {
				return false;
			}
		}
		return true;
	}

}
