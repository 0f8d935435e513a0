package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal data found by pattern rather than by the segmenter: e-mail addresses,
 * phone numbers, people's names ({@link PersonNames}) and order numbers. Where two
 * patterns overlap the first of that order wins, so a mobile number is a phone and not an
 * order number. Their spans are taken out of the text before it is segmented, so no part
 * of them becomes a token or a keyword.
 *
 * @param orderNumber what an order number looks like in this organisation
 */
public record EntityPatterns(Pattern orderNumber) {

	/**
	 * One to four letters and at least seven digits ("SO20240512", "DD-1234567"), or at
	 * least ten digits; a phone number is matched first.
	 */
	public static final Pattern DEFAULT_ORDER_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])(?:[A-Za-z]{1,4}-?\\d{7,}|\\d{10,})(?![0-9A-Za-z])");

	static final Pattern EMAIL = Pattern
		.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	/**
	 * A mainland mobile number (1[3-9] and nine digits, optionally with +86 or 0086 and
	 * spaces or hyphens as 3-4-4), or an international number starting with +.
	 */
	static final Pattern PHONE = Pattern
		.compile("(?<![0-9A-Za-z+])(?:(?:(?:\\+|00)86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}"
				+ "|\\+\\d{1,3}(?:[- ]?\\(?\\d{1,4}\\)?)(?:[- ]?\\d{2,4}){2,4})(?![0-9])");

	public EntityPatterns {
		Objects.requireNonNull(orderNumber, "orderNumber");
	}

	/**
	 * The default patterns.
	 * @return e-mail, phone and {@link #DEFAULT_ORDER_NUMBER}
	 */
	public static EntityPatterns defaults() {
		return new EntityPatterns(DEFAULT_ORDER_NUMBER);
	}

	/** A piece of personal data and where it is. */
	record Match(EntityKind kind, int start, int end, String text) {

	}

	/** The matches in order of position, none overlapping another. */
	List<Match> find(String text) {
		return find(text, List.of());
	}

	/**
	 * The matches in order of position, none overlapping another: e-mail addresses, phone
	 * numbers, people's names ({@link PersonNames}: the known ones and those introduced),
	 * then order numbers.
	 * @param names the names known for the text
	 */
	List<Match> find(String text, Collection<String> names) {
		List<Match> found = new ArrayList<>();
		if (text.indexOf('@') >= 0) {
			// the pattern tries every run of letters otherwise
			collect(EntityKind.EMAIL, EMAIL, text, found);
		}
		collect(EntityKind.PHONE, PHONE, text, found);
		collect(EntityKind.PERSON, PersonNames.INTRODUCTION, 1, text, found);
		for (Pattern name : PersonNames.patterns(text, names)) {
			collect(EntityKind.PERSON, name, text, found);
		}
		collect(EntityKind.ORDER_NUMBER, this.orderNumber, text, found);
		found.sort(Comparator.comparingInt(Match::start));
		return found;
	}

	/** The text with every match replaced by spaces, so that it still separates words. */
	static String mask(String text, List<Match> matches) {
		if (matches.isEmpty()) {
			return text;
		}
		char[] chars = text.toCharArray();
		for (Match match : matches) {
			Arrays.fill(chars, match.start(), match.end(), ' ');
		}
		return new String(chars);
	}

	private static void collect(EntityKind kind, Pattern pattern, String text, List<Match> found) {
		collect(kind, pattern, 0, text, found);
	}

	/** The whole match is taken out; the group is what was found. */
	private static void collect(EntityKind kind, Pattern pattern, int group, String text, List<Match> found) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			int start = matcher.start();
			int end = matcher.end();
			if (end > start && found.stream().noneMatch((other) -> start < other.end() && other.start() < end)) {
				found.add(new Match(kind, start, end, matcher.group(group)));
			}
		}
	}

}
