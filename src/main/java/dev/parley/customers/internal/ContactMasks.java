package dev.parley.customers.internal;

/**
 * E-mail addresses and phone numbers as shown to someone who may not read them: enough to
 * tell two apart ({@code w***@example.com}, {@code ******5678}), not enough to write.
 */
final class ContactMasks {

	private ContactMasks() {
	}

	static String mask(ContactKind kind, String value) {
		if (kind == ContactKind.EMAIL) {
			int at = value.lastIndexOf('@');
			if (at <= 0) {
				return "***";
			}
			return value.substring(0, 1) + "***" + value.substring(at);
		}
		String digits = ContactKind.PHONE.normalize(value).replace("+", "");
		int shown = Math.min(4, digits.length() / 3);
		return "*".repeat(Math.max(3, digits.length() - shown)) + digits.substring(digits.length() - shown);
	}

}
