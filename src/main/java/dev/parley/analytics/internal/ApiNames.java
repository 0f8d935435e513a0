package dev.parley.analytics.internal;

import java.util.Locale;

/** How the reports' API names what the code names in capitals or columns. */
final class ApiNames {

	private ApiNames() {
	}

	/** {@code FIRST_RESPONSE} or {@code first_response} as {@code firstResponse}. */
	static String camel(String name) {
		String[] parts = name.toLowerCase(Locale.ROOT).split("_");
		StringBuilder key = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
		}
		return key.toString();
	}

}
