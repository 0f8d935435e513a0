package dev.parley.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import dev.parley.platform.Sentences;

/**
 * The words of an export in the reader's language: column headers and sheet titles
 * ({@code export.*} in the message bundles), and how its numbers are written (durations
 * in seconds with up to three decimals, shares from 0 to 1 with four).
 */
public final class ExportLabels {

	private final Sentences sentences;

	private final Locale locale;

	public ExportLabels(Sentences sentences, Locale locale) {
		this.sentences = sentences;
		this.locale = locale;
	}

	public Locale locale() {
		return this.locale;
	}

	/**
	 * The text of {@code export.<key>}, its {@code {figure}} or other value filled in.
	 */
	public String text(String key, String english) {
		return this.sentences.text("export." + key, this.locale, english);
	}

	public String text(String key, String english, String value) {
		return text(key, english).replaceAll("\\{[a-z]+}", java.util.regex.Matcher.quoteReplacement(value));
	}

	/** A count's name ({@code export.count.conversations}). */
	public String count(String key) {
		return text("count." + key, key);
	}

	/** A rate's name ({@code export.rate.csat}). */
	String rate(String key) {
		return text("rate." + key, key);
	}

	/** A duration's name ({@code export.duration.firstResponse}). */
	public String duration(String key) {
		return text("duration." + key, key);
	}

	/** A column of a duration in seconds: "First response time: median (s)". */
	public String seconds(String statistic, String durationKey) {
		return text("column." + statistic, "{figure}: " + statistic + " (s)", duration(durationKey));
	}

	/** How many durations were measured: "First response time: number measured". */
	public String measured(String durationKey) {
		return text("column.n", "{figure}: number measured", duration(durationKey));
	}

	/** A figure of the period before: "Conversations: previous period". */
	String previous(String figure) {
		return text("column.previousOf", "{figure}: previous period", figure);
	}

	/** Milliseconds as seconds, up to three decimals; null stays null. */
	public static BigDecimal seconds(Long millis) {
		return (millis != null) ? plain(BigDecimal.valueOf(millis).movePointLeft(3)) : null;
	}

	/** A share or an average, to four decimals; null stays null. */
	public static BigDecimal decimal(Double value) {
		return (value != null) ? plain(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP)) : null;
	}

	/** The difference of two figures, or null when either is missing. */
	static BigDecimal change(BigDecimal now, BigDecimal before) {
		return (now != null && before != null) ? plain(now.subtract(before)) : null;
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
