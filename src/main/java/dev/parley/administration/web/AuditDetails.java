package dev.parley.administration.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.administration.Settings;
import dev.parley.platform.Sentences;

import org.springframework.stereotype.Component;

/**
 * An audit entry's detail as people read it: the English the modules write (parts joined
 * by {@code "; "}, each an {@code audit.detail.*} text) in the reader's language, with
 * permission codes as their labels, lists joined as the language joins them, built-in
 * role and language names translated, and instants in the organisation's time zone.
 */
@Component
class AuditDetails {

	private final Sentences sentences;

	private final Settings settings;

	AuditDetails(Sentences sentences, Settings settings) {
		this.sentences = sentences;
		this.settings = settings;
	}

	String describe(String detail, Locale locale) {
		if (detail == null || detail.isBlank()) {
			return detail;
		}
		ZoneId zone = zone();
		boolean chinese = locale.getLanguage().equals("zh");
		List<String> parts = new ArrayList<>();
		for (String part : detail.split("; ")) {
			String translated = this.sentences.translate("audit.detail.", part, locale,
					(name, value) -> value(name, value, locale, zone, chinese));
			parts.add(translated.equals(part) ? code(part, locale) : translated);
		}
		return String.join(chinese ? "；" : "; ", parts);
	}

	private String value(String name, String value, Locale locale, ZoneId zone, boolean chinese) {
		if (value.startsWith("[") && value.endsWith("]")) {
			String inside = value.substring(1, value.length() - 1).strip();
			if (inside.isEmpty()) {
				return "—";
			}
			String prefix = name.equals("violations") ? "audit.detail.violation." : "permission.";
			List<String> labels = new ArrayList<>();
			for (String item : inside.split(",\\s*")) {
				labels.add(this.sentences.text(prefix + item, locale, item));
			}
			return String.join(chinese ? "、" : ", ", labels);
		}
		return switch (name) {
			case "until" -> instant(value, locale, zone);
			case "role", "from", "to" -> this.sentences.text("role." + value, locale, value);
			case "language" -> this.sentences.text("language." + value, locale, value);
			case "kind" -> this.sentences.text("shifts.exception." + value, locale, value);
			default -> value;
		};
	}

	/** A detail that is a single code: a channel kind or a routing strategy. */
	private String code(String part, Locale locale) {
		if (!part.matches("[a-z_]+")) {
			return part;
		}
		return this.sentences.text("channels.kind." + part, locale,
				this.sentences.text("team.groups.routing." + part, locale, part));
	}

	private static String instant(String value, Locale locale, ZoneId zone) {
		try {
			return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
				.withLocale(locale)
				.withZone(zone)
				.format(Instant.parse(value));
		}
		catch (DateTimeException ex) {
			return value;
		}
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(this.settings.get("organisation.timeZone"));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

}
