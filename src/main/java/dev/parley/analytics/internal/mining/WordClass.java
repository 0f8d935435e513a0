package dev.parley.analytics.internal.mining;

import com.hankcs.hanlp.corpus.tag.Nature;

/**
 * What kind of word a {@link Token} is: a coarse part of speech read from HanLP's
 * PKU-style tag, a name found by its recognisers, or an entry of the administrators'
 * {@link MiningDictionary}.
 */
public enum WordClass {

	NOUN, VERB, ADJECTIVE, ADVERB, PRONOUN, NUMBER,

	/** A person's name; personal data, never a keyword. */
	PERSON,

	/**
	 * A place or organisation: in Chinese found by HanLP's recognisers, in any language
	 * from the dictionary ({@link TermKind#PLACE}, {@link TermKind#ORGANISATION}).
	 */
	PLACE, ORGANISATION,

	/**
	 * A word in Latin letters: an English word or a product code such as "iphone15".
	 * English has no finer classes (HanLP's portable edition tags no English): see
	 * docs/decisions/0011-english-text-mining.md.
	 */
	LATIN,

	/** A {@link TermKind#PRODUCT} entry of the dictionary. */
	PRODUCT,

	/** A {@link TermKind#TERM} entry of the dictionary. */
	DICTIONARY_TERM,

	/** Function words and everything else: particles, prepositions, measure words. */
	OTHER;

	/** Whether a word of this class can be a keyword (names of people never are). */
	boolean canBeKeyword() {
		return switch (this) {
			case NOUN, VERB, PLACE, ORGANISATION, LATIN, PRODUCT, DICTIONARY_TERM -> true;
			default -> false;
		};
	}

	/**
	 * Whether a word of this class can be part of a phrase such as "物流 慢"; adverbs too,
	 * since HanLP's dictionary holds "太慢" and "很慢" as adverbs.
	 */
	boolean canBeInPhrase() {
		return canBeKeyword() || this == ADJECTIVE || this == ADVERB;
	}

	/** The class of a dictionary word of this kind, in any language. */
	static WordClass of(TermKind kind) {
		return switch (kind) {
			case PRODUCT -> PRODUCT;
			case TERM -> DICTIONARY_TERM;
			case PLACE -> PLACE;
			case ORGANISATION -> ORGANISATION;
		};
	}

	static WordClass of(Nature nature) {
		String tag = nature.toString();
		if (tag.startsWith("nr")) {
			return PERSON;
		}
		if (tag.startsWith("ns")) {
			return PLACE;
		}
		if (tag.startsWith("nt")) {
			return ORGANISATION;
		}
		if (tag.equals("nx")) {
			return LATIN;
		}
		return switch (tag.charAt(0)) {
			case 'n', 'g' -> NOUN;
			case 'v' -> VERB;
			case 'a' -> ADJECTIVE;
			case 'd' -> ADVERB;
			case 'r' -> PRONOUN;
			case 'm' -> NUMBER;
			default -> OTHER;
		};
	}

}
