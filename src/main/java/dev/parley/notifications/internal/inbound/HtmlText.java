package dev.parley.notifications.internal.inbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML mail, for a mail that has no plain-text part: scripts, styles and
 * quoted blocks dropped, line breaks where blocks end, every other tag removed, character
 * references decoded. The result is plain text (shown as text, never as HTML), so what is
 * left of a tag can do no harm; this only has to read well.
 */
final class HtmlText {

	/** HTML beyond this is not read (a reply is short; the quoted history is not). */
	static final int MAX_HTML = 512 * 1024;

	/** Elements dropped with everything in them (the quoted mail, what is not text). */
	private static final String[] DROPPED = { "script", "style", "head", "title", "blockquote" };

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|pre|table)\\s*>");

	private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

	private HtmlText() {
	}

	static String toText(String html) {
		if (html == null) {
			return "";
		}
		String text = (html.length() > MAX_HTML) ? html.substring(0, MAX_HTML) : html;
		text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
		text = dropQuote(dropElements(text));
		text = BREAK.matcher(text).replaceAll("\n");
		text = dropTags(text);
		text = decode(text);
		return tidyLines(text);
	}

	/**
	 * Removes every tag, scanning once: a {@code <} with no {@code >} after it is kept as
	 * text with the rest (a regular expression would try every {@code <} to the end).
	 */
	static String dropTags(String html) {
		StringBuilder out = new StringBuilder(html.length());
		int at = 0;
		while (at < html.length()) {
			int open = html.indexOf('<', at);
			if (open < 0) {
				out.append(html, at, html.length());
				break;
			}
			int close = html.indexOf('>', open + 1);
			if (close < 0) {
				out.append(html, at, html.length());
				break;
			}
			out.append(html, at, open);
			at = close + 1;
		}
		return out.toString();
	}

	/**
	 * Each line without the blanks around it, and at most one empty line in a row; in one
	 * pass (no backtracking over long runs of blanks).
	 */
	static String tidyLines(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int empty = 0;
		for (String line : text.split("\n", -1)) {
			int start = 0;
			int end = line.length();
			while (start < end && isBlank(line.charAt(start))) {
				start++;
			}
			while (end > start && isBlank(line.charAt(end - 1))) {
				end--;
			}
			if (start == end) {
				empty++;
				continue;
			}
			if (out.length() > 0) {
				out.append((empty > 0) ? "\n\n" : "\n");
			}
			out.append(line, start, end);
			empty = 0;
		}
		return out.toString();
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\u00a0';
	}

	/**
	 * Drops comments and the {@link #DROPPED} elements with their content, scanning once
	 * (no regular expression that could take quadratic time on unclosed tags); an element
	 * that is never closed takes the rest with it.
	 */
	private static String dropElements(String html) {
		String lower = html.toLowerCase(java.util.Locale.ROOT);
		StringBuilder out = new StringBuilder(html.length());
		int at = 0;
		while (at < html.length()) {
			int open = lower.indexOf('<', at);
			if (open < 0) {
				out.append(html, at, html.length());
				break;
			}
			out.append(html, at, open);
			String end = closing(lower, open);
			if (end == null) {
				out.append('<');
				at = open + 1;
				continue;
			}
			int close = lower.indexOf(end, open + 1);
			if (close < 0) {
				break;
			}
			out.append(' ');
			at = close + end.length();
		}
		return out.toString();
	}

	/** What ends the element or comment opening at {@code open}; null to keep it. */
	private static String closing(String lower, int open) {
		if (lower.startsWith("<!--", open)) {
			return "-->";
		}
		for (String name : DROPPED) {
			int after = open + 1 + name.length();
			if (lower.startsWith(name, open + 1) && after < lower.length()
					&& !Character.isLetterOrDigit(lower.charAt(after))) {
				return "</" + name + ">";
			}
		}
		return null;
	}

	/** Gmail's quote: everything from its {@code gmail_quote} block on. */
	private static String dropQuote(String html) {
		int quote = html.indexOf("class=\"gmail_quote");
		if (quote < 0) {
			return html;
		}
		int open = html.lastIndexOf('<', quote);
		return html.substring(0, Math.max(open, 0));
	}

	private static String decode(String text) {
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String character(String name, String whole) {
		if (name.startsWith("#")) {
			try {
				int codePoint = (name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X'))
						? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
				return Character.isValidCodePoint(codePoint) && Character.getType(codePoint) != Character.SURROGATE
						? new String(Character.toChars(codePoint)) : "\uFFFD";
			}
			catch (NumberFormatException ex) {
				return whole;
			}
		}
		return switch (name.toLowerCase(java.util.Locale.ROOT)) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> " ";
			default -> whole;
		};
	}

}
