package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

/**
 * People's names found before the text is lower-cased and segmented, so that none of them
 * becomes a token, a keyword or part of a phrase: the names known for the conversation
 * (the visitor's and his customer record's, the agents' display and public names) and the
 * names people give in an English self-introduction ("My name is Jane Doe", "I'm Jane",
 * "this is Tom", "call me Ann": the introduction in any case, the name capitalised).
 * <p>
 * A known name is found as a whole and by its parts: "Jane Doe" also as "Jane" and "Doe",
 * as whole words in any case; "王小明" also as "小明"; traditional and simplified forms alike.
 * A name found by introduction is then found everywhere else in the text too. A part of a
 * name that is also an ordinary word (an agent called "Will") is taken out wherever it
 * appears: a word fewer among the keywords is the price of never showing a name. Parts
 * shorter than two characters are not searched for on their own.
 */
final class PersonNames {

	/**
	 * The introduction, case-insensitive, then one to three capitalised words; the name
	 * is group 1. The whole introduction is taken out ("my name is" says nothing about
	 * the conversation's topic), the name is what is counted.
	 */
	static final Pattern INTRODUCTION = Pattern.compile(
			"(?<![\\p{IsLatin}\\p{N}])(?iu:my\\s+name\\s+is|my\\s+name['’]s|i\\s+am|i['’]m|this\\s+is|call\\s+me)\\s+"
					+ "(\\p{Lu}[\\p{IsLatin}'’-]*(?:[ \\t]+\\p{Lu}[\\p{IsLatin}'’-]*){0,2})");

	private static final int MIN_PART = 2;

	private PersonNames() {
	}

	/**
	 * The patterns that find the names in a text: the known names and those introduced in
	 * the text itself, longest first (so "Jane Doe" is found whole before "Jane").
	 * @param text the text as written
	 * @param known the names known for it; blanks are ignored
	 * @return the patterns, each matching a whole name
	 */
	static List<Pattern> patterns(String text, Collection<String> known) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : known) {
			if (name != null && !name.isBlank()) {
				names.add(name.strip());
			}
		}
		names.addAll(introduced(text));
		Set<String> searched = new LinkedHashSet<>();
		for (String name : names) {
			for (String form : List.of(name, HanLP.convertToSimplifiedChinese(name),
					HanLP.convertToTraditionalChinese(name))) {
				searched.add(form);
				for (String part : form.split("[\\s\\p{Punct}·・]+")) {
					searched.add(part);
					if (part.length() >= 3 && allHan(part)) {
						// a given name without the surname ("小明" of "王小明")
						searched.add(part.substring(1));
					}
				}
			}
		}
		List<String> ordered = new ArrayList<>(searched);
		ordered.removeIf((part) -> part.codePointCount(0, part.length()) < MIN_PART);
		ordered.sort((a, b) -> Integer.compare(b.length(), a.length()));
		List<Pattern> patterns = new ArrayList<>(ordered.size());
		for (String part : ordered) {
			patterns.add(allHan(part) ? Pattern.compile(Pattern.quote(part))
					// whole words among Latin letters; Chinese touches a Latin name
					// ("我是Li Lei的")
					: Pattern.compile("(?<![\\p{IsLatin}\\p{N}])" + Pattern.quote(part) + "(?![\\p{IsLatin}\\p{N}])",
							Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
		}
		return patterns;
	}

	/**
	 * The names people give in the text's English self-introductions.
	 * @param text the text as written
	 * @return the names as written, in order
	 */
	static Set<String> introduced(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher introduced = INTRODUCTION.matcher(text);
		while (introduced.find()) {
			names.add(introduced.group(1).strip());
		}
		return names;
	}

	private static boolean allHan(String word) {
		return word.codePoints().allMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

}
