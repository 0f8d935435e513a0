package dev.parley.conversations.internal;

/**
 * An e-mail's text made fit for a chat message: control characters (other than tab and
 * line breaks) and non-characters dropped, lone surrogates replaced, cut to the longest
 * message with an ellipsis rather than refused (a mail cannot be sent again shorter).
 */
final class MailText {

	private MailText() {
	}

	static String forChat(String text, int maxLength) {
		if (text == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength + 1));
		String wellFormed = dev.parley.platform.PlainText.wellFormed(text);
		wellFormed.codePoints().filter(MailText::allowed).forEach(clean::appendCodePoint);
		String body = clean.toString().strip();
		if (body.length() <= maxLength) {
			return body;
		}
		int end = maxLength - 1;
		if (Character.isHighSurrogate(body.charAt(end - 1))) {
			end--;
		}
		return body.substring(0, end) + "\u2026";
	}

	private static boolean allowed(int c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return true;
		}
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF)) {
			return false;
		}
		return (c & 0xFFFE) != 0xFFFE;
	}

}
