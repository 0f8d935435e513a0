package dev.parley.analytics.internal.mining;

import java.util.Objects;

/**
 * A word that administrators want read as one: a product name, slang, a complaint.
 *
 * @param word the word as entered, trimmed; traditional characters and upper case are
 * allowed and match their simplified, lower-case forms
 * @param kind what the word names
 */
public record DictionaryEntry(String word, TermKind kind) {

	/** The longest word accepted. */
	public static final int MAX_LENGTH = 50;

	public DictionaryEntry {
		Objects.requireNonNull(kind, "kind");
		word = (word != null) ? word.strip() : "";
		if (word.isEmpty() || word.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A dictionary word has 1 to " + MAX_LENGTH + " characters");
		}
	}

	/**
	 * A plain term.
	 * @param word the word
	 * @return the entry
	 */
	public static DictionaryEntry term(String word) {
		return new DictionaryEntry(word, TermKind.TERM);
	}

	/**
	 * A product name.
	 * @param word the word
	 * @return the entry
	 */
	public static DictionaryEntry product(String word) {
		return new DictionaryEntry(word, TermKind.PRODUCT);
	}

	/**
	 * A place.
	 * @param word the word
	 * @return the entry
	 */
	public static DictionaryEntry place(String word) {
		return new DictionaryEntry(word, TermKind.PLACE);
	}

	/**
	 * An organisation.
	 * @param word the word
	 * @return the entry
	 */
	public static DictionaryEntry organisation(String word) {
		return new DictionaryEntry(word, TermKind.ORGANISATION);
	}

}
