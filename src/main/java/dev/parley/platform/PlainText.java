package dev.parley.platform;

/**
 * The one rule for text Parley accepts from outside (chat messages, notes, names, forms,
 * later e-mail): well-formed UTF-16 (no lone surrogate, which no encoder can write to a
 * socket or a UTF-8 column), and no NUL or other control character apart from tab, line
 * feed and carriage return (PostgreSQL refuses NUL; the others hide text or break
 * terminals and logs), and no Unicode non-character.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * @return why the text may not be stored, or null when it may (null text is fine:
	 * whether a field is required is the caller's rule)
	 */
	public static String problem(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (Character.isHighSurrogate(ch)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					int codePoint = Character.toCodePoint(ch, text.charAt(i + 1));
					if ((codePoint & 0xFFFE) == 0xFFFE) {
						return "contains a character that is not allowed (U+" + Integer.toHexString(codePoint) + ")";
					}
					i++;
					continue;
				}
				return "is not well-formed text (a lone surrogate)";
			}
			if (Character.isLowSurrogate(ch)) {
				return "is not well-formed text (a lone surrogate)";
			}
			if (forbidden(ch)) {
				return "contains a control character that is not allowed (U+" + String.format("%04X", (int) ch) + ")";
			}
		}
		return null;
	}

	/**
	 * @return the text with every lone surrogate replaced by U+FFFD, so that text stored
	 * before this rule existed can still be sent; the same instance when there is none
	 */
	public static String wellFormed(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder fixed = null;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			boolean lone = (Character.isHighSurrogate(ch)
					&& (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
					|| (Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
			if (lone && fixed == null) {
				fixed = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (fixed != null) {
				fixed.append(lone ? '\uFFFD' : ch);
			}
		}
		return (fixed != null) ? fixed.toString() : text;
	}

	private static boolean forbidden(char ch) {
		if (ch == '\t' || ch == '\n' || ch == '\r') {
			return false;
		}
		return ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || (ch >= 0xFDD0 && ch <= 0xFDEF) || ch == 0xFFFE
				|| ch == 0xFFFF;
	}

}
