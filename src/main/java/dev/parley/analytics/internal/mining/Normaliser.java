package dev.parley.analytics.internal.mining;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.other.CharTable;

/**
 * The one form in which the analyzer compares words: simplified Chinese (HanLP's
 * traditional-to-simplified converter, which also knows multi-character words), then
 * HanLP's character table for letters and digits: full-width to half-width, upper to
 * lower case. Texts, dictionary words and stop words all pass through it.
 * <p>
 * Punctuation keeps its form, except that an ASCII question mark becomes a full-width
 * one: HanLP's person-name recogniser takes a surname-like character before an ASCII "?"
 * into a name with it ("怎么查?" gives the "name" "查?"), and does not with "？".
 */
final class Normaliser {

	private Normaliser() {
	}

	static String normalise(String text) {
		char[] chars = HanLP.convertToSimplifiedChinese(text).toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c == '?') {
				chars[i] = '？';
			}
			else if (Character.isLetterOrDigit(c)) {
				chars[i] = CharTable.convert(c);
			}
		}
		return new String(chars);
	}

}
