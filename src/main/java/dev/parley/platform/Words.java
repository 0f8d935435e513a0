package dev.parley.platform;

import java.util.List;
import java.util.Set;

/**
 * Turns text into search terms, the same way for what is indexed and what is searched:
 * normalised (NFKC, lower case), Chinese (Simplified and Traditional) segmented into
 * words by Lucene's smartcn analyzer plus its single characters and character pairs (so
 * that a fragment of a name finds it: "小明" finds "王小明"), other words (Latin, digits) as
 * they are written. No term is longer than {@link #MAX_TERM_LENGTH}.
 */
public interface Words {

	/** The longest term stored (longer words are cut). */
	int MAX_TERM_LENGTH = 40;

	/**
	 * @return the terms under which a text is found (at most {@code limit})
	 */
	Set<String> index(String text, int limit);

	/**
	 * @return the terms a search for this text requires, all of them; empty when the text
	 * holds no word
	 */
	List<Term> query(String text);

	/**
	 * A term a search requires.
	 *
	 * @param prefix whether stored terms that begin with it match too (words written in
	 * letters and digits: "wan" finds "wang"); Chinese character pairs match exactly
	 */
	record Term(String text, boolean prefix) {
	}

}
