package dev.parley.notifications.internal.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reply without the earlier mail it quotes: everything from the first separator line
 * that mail clients put above the quote ("On ... wrote:", "-----Original Message-----",
 * an Outlook header block, the Chinese clients' "发件人:" or "原始邮件"), lines quoted with
 * "&gt;", and the signature after "-- ".
 */
final class QuotedText {

	private static final Pattern WROTE = Pattern
		.compile("(?i)^(on\\s.*\\swrote:|.*(写道|寫道)\\s*[:：]?|le\\s.*\\sa écrit\\s*:|am\\s.*\\sschrieb.*:)$");

	private static final Pattern SEPARATOR = Pattern.compile(
			"(?i)^(-{2,}\\s*(original message|forwarded message|原始邮件|原始郵件|转发邮件|轉寄郵件)\\s*-{2,}|-{5,}.*(原始|original).*|_{10,})$");

	private static final Pattern HEADER_START = Pattern.compile("(?i)^(\\*?from\\*?|发件人|發件人|寄件者|寄件人)\\s*[:：].*");

	private static final Pattern HEADER_NEXT = Pattern
		.compile("(?i)^(\\*?(sent|date|to|subject|cc)\\*?|发送时间|發送時間|日期|时间|時間|收件人|收件者|主题|主旨|主題|抄送|副本)\\s*[:：].*");

	/** Longer lines are text, not a separator (and are not matched at all). */
	private static final int MAX_SEPARATOR = 300;

	private QuotedText() {
	}

	static String strip(String text) {
		if (text == null) {
			return "";
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (startsQuote(lines, i, line)) {
				break;
			}
			if (lines[i].equals("-- ") || lines[i].equals("--")) {
				break;
			}
			if (line.startsWith(">")) {
				continue;
			}
			kept.add(lines[i].stripTrailing());
		}
		return String.join("\n", kept).strip();
	}

	private static boolean startsQuote(String[] lines, int i, String line) {
		if (line.length() > MAX_SEPARATOR) {
			return false;
		}
		if (WROTE.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
			return true;
		}
		// "On Mon, 1 Jan 2026 at 10:00, Support <support@example.com>" / "wrote:"
		// (wrapped)
		if (line.toLowerCase(Locale.ROOT).startsWith("on ") && i + 1 < lines.length
				&& lines[i + 1].strip().length() <= MAX_SEPARATOR
				&& lines[i + 1].strip().toLowerCase(Locale.ROOT).endsWith("wrote:")) {
			return true;
		}
		if (HEADER_START.matcher(line).matches()) {
			for (int next = i + 1; next < Math.min(lines.length, i + 4); next++) {
				String header = lines[next].strip();
				if (header.length() <= MAX_SEPARATOR && HEADER_NEXT.matcher(header).matches()) {
					return true;
				}
			}
		}
		return false;
	}

}
