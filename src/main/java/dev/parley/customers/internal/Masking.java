package dev.parley.customers.internal;

/**
 * Masks e-mail addresses and phone numbers for people who may not see them
 * ({@code l***@example.com}, {@code +86 138****5678}): enough to tell two apart, not
 * enough to write to them.
 */
public final class Masking {

	private Masking() {
	}

	public static String mask(ContactKind kind, String value) {
		if (value == null) {
			return null;
		}
		return (kind == ContactKind.EMAIL) ? email(value) : phone(value);
	}

	public static String email(String value) {
		int at = value.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		return value.charAt(0) + "***" + value.substring(at);
	}

	/** Masks up to four digits before the last four (fewer for short numbers). */
	public static String phone(String value) {
		int digits = (int) value.chars().filter(Character::isDigit).count();
		int kept = (digits >= 8) ? 4 : digits / 2;
		int masked = Math.min(4, digits - kept);
		int first = digits - kept - masked;
		StringBuilder out = new StringBuilder();
		int seen = 0;
		for (char c : value.toCharArray()) {
			if (Character.isDigit(c)) {
				out.append((seen >= first && seen < first + masked) ? '*' : c);
				seen++;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
