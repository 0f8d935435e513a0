package dev.parley.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.parley.platform.Words;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.springframework.stereotype.Component;

/**
 * {@link Words} with Lucene's smartcn analyzer for runs of Chinese characters
 * (thread-safe: an analyzer keeps one token stream per thread). A run of ideographs (or
 * kana, hangul) is indexed as smartcn's words, its single characters and its character
 * pairs; a search asks for the pairs of each run (or the character, for a run of one),
 * which every text holding that run has, whatever smartcn made of its neighbours.
 */
@Component
class SegmentingWords implements Words {

	private final Analyzer chinese = new SmartChineseAnalyzer();

	@Override
	public Set<String> index(String text, int limit) {
		Set<String> terms = new LinkedHashSet<>();
		for (Run run : runs(text)) {
			if (terms.size() >= limit) {
				break;
			}
			if (run.ideographic()) {
				segment(run.text(), terms);
				int[] chars = run.text().codePoints().toArray();
				for (int i = 0; i < chars.length; i++) {
					terms.add(new String(chars, i, 1));
					if (i + 1 < chars.length) {
						terms.add(new String(chars, i, 2));
					}
				}
			}
			else {
				terms.add(cut(run.text()));
			}
		}
		return (terms.size() <= limit) ? terms : new LinkedHashSet<>(new ArrayList<>(terms).subList(0, limit));
	}

	@Override
	public List<Term> query(String text) {
		Set<Term> terms = new LinkedHashSet<>();
		for (Run run : runs(text)) {
			if (run.ideographic()) {
				int[] chars = run.text().codePoints().toArray();
				if (chars.length == 1) {
					terms.add(new Term(run.text(), false));
				}
				for (int i = 0; i + 1 < chars.length; i++) {
					terms.add(new Term(new String(chars, i, 2), false));
				}
			}
			else {
				terms.add(new Term(cut(run.text()), true));
			}
		}
		return List.copyOf(terms);
	}

	private void segment(String run, Set<String> terms) {
		try (TokenStream tokens = this.chinese.tokenStream("text", run)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				if (term.length() > 1) {
					terms.add(cut(term.toString()));
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String cut(String term) {
		return (term.length() <= MAX_TERM_LENGTH) ? term : term.substring(0, MAX_TERM_LENGTH);
	}

	/**
	 * @return the text's runs of ideographs and of other letters and digits, normalised
	 */
	static List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		if (text == null) {
			return runs;
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder current = new StringBuilder();
		boolean ideographic = false;
		for (int i = 0; i < normal.length();) {
			int c = normal.codePointAt(i);
			i += Character.charCount(c);
			boolean letter = Character.isLetterOrDigit(c);
			boolean cjk = letter && ideographic(c);
			if (current.length() > 0 && (!letter || cjk != ideographic)) {
				runs.add(new Run(current.toString(), ideographic));
				current.setLength(0);
			}
			if (letter) {
				current.appendCodePoint(c);
				ideographic = cjk;
			}
		}
		if (current.length() > 0) {
			runs.add(new Run(current.toString(), ideographic));
		}
		return runs;
	}

	private static boolean ideographic(int c) {
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	record Run(String text, boolean ideographic) {
	}

}
