package dev.parley.administration;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One run-time setting: its key, type, default and the bounds a new value must respect.
 * Modules declare theirs as {@link SettingDefinitions} beans.
 *
 * @param key dotted key, e.g. {@code password.minLength}
 * @param type the kind of value
 * @param defaultValue the value in force until an administrator changes it
 * @param min lower bound for integers, or {@code null}
 * @param max upper bound for integers, maximum length for strings
 * @param allowed the choices of a {@link SettingType#CHOICE}
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, Integer min, Integer max,
		List<String> allowed) {

	public static SettingDefinition integer(String key, int defaultValue, int min, int max) {
		return new SettingDefinition(key, SettingType.INTEGER, String.valueOf(defaultValue), min, max, List.of());
	}

	public static SettingDefinition text(String key, String defaultValue, int maxLength) {
		return new SettingDefinition(key, SettingType.STRING, defaultValue, 1, maxLength, List.of());
	}

	public static SettingDefinition choice(String key, String defaultValue, List<String> allowed) {
		return new SettingDefinition(key, SettingType.CHOICE, defaultValue, null, null, List.copyOf(allowed));
	}

	public static SettingDefinition zone(String key, String defaultValue) {
		return new SettingDefinition(key, SettingType.ZONE, defaultValue, null, null, List.of());
	}

	/** An http or https address, e.g. where the installation is reached from outside. */
	public static SettingDefinition url(String key, String defaultValue) {
		return new SettingDefinition(key, SettingType.URL, defaultValue, null, 500, List.of());
	}

	public static SettingDefinition bool(String key, boolean defaultValue) {
		return new SettingDefinition(key, SettingType.BOOLEAN, String.valueOf(defaultValue), null, null, List.of());
	}

	/**
	 * Checks a proposed value.
	 * @return why the value is refused, or empty if it is acceptable
	 */
	public Optional<String> problemWith(String value) {
		if (value == null) {
			return Optional.of("must not be null");
		}
		return switch (this.type) {
			case STRING -> {
				String trimmed = value.strip();
				if (trimmed.length() < this.min) {
					yield Optional.of("must not be blank");
				}
				yield (value.length() > this.max) ? Optional.of("must be at most " + this.max + " characters")
						: Optional.empty();
			}
			case INTEGER -> {
				try {
					int number = Integer.parseInt(value.strip());
					yield (number < this.min || number > this.max)
							? Optional.of("must be between " + this.min + " and " + this.max) : Optional.empty();
				}
				catch (NumberFormatException ex) {
					yield Optional.of("must be a whole number");
				}
			}
			case BOOLEAN -> ("true".equals(value) || "false".equals(value)) ? Optional.empty()
					: Optional.of("must be true or false");
			case CHOICE -> this.allowed.contains(value) ? Optional.empty()
					: Optional.of("must be one of " + String.join(", ", this.allowed));
			case URL -> urlProblem(value, this.max);
			case ZONE -> {
				try {
					ZoneId.of(value);
					yield Optional.empty();
				}
				catch (DateTimeException ex) {
					yield Optional.of("must be a time zone such as Asia/Shanghai");
				}
			}
		};
	}

	private static Optional<String> urlProblem(String value, int maxLength) {
		if (value.length() > maxLength) {
			return Optional.of("must be at most " + maxLength + " characters");
		}
		try {
			java.net.URI uri = new java.net.URI(value.strip());
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			if (web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
					&& uri.getRawUserInfo() == null) {
				return Optional.empty();
			}
		}
		catch (java.net.URISyntaxException ex) {
			// described below
		}
		return Optional.of("must be an http or https address such as https://support.example.com");
	}

	/** The value as it is stored: integers without surrounding blanks. */
	public String normalise(String value) {
		if (this.type == SettingType.URL) {
			String url = value.strip();
			return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		}
		return (this.type == SettingType.INTEGER) ? String.valueOf(Integer.parseInt(value.strip())) : value;
	}

}
