package dev.parley.customers.internal;

import java.util.Locale;

/** The kinds of contact details a customer has, each normalised before it is compared. */
public enum ContactKind {

	EMAIL {
		@Override
		public String normalize(String value) {
			return value.strip().toLowerCase(Locale.ROOT);
		}
	},

	PHONE {
		@Override
		public String normalize(String value) {
			String stripped = value.strip();
			StringBuilder digits = new StringBuilder();
			if (stripped.startsWith("+")) {
				digits.append('+');
			}
			stripped.chars().filter(Character::isDigit).forEach((c) -> digits.append((char) c));
			return digits.toString();
		}
	};

	/**
	 * @return the value as compared: equal for values that mean the same contact
	 */
	public abstract String normalize(String value);

	/**
	 * @return the purpose the blind index is computed for
	 */
	public String indexPurpose() {
		return "customer." + name().toLowerCase(Locale.ROOT);
	}

}
