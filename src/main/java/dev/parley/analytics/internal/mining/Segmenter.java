package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * HanLP's shortest-path (Viterbi) segmenter with part-of-speech tags and its Chinese
 * person, place and organisation recognisers, plus this analyzer's own dictionary.
 * <p>
 * The dictionary is a {@link DynamicCustomDictionary} of this segmenter alone: it shares
 * the read-only double-array trie of HanLP's bundled custom dictionary and puts its own
 * words in a trie of its own, never through {@code insert}, which would write into the
 * shared one. HanLP's global {@code CustomDictionary} is never changed, so analyzers with
 * different dictionaries live side by side. HanLP joins a dictionary word from the words
 * of its first pass, so an entry counts where it is made of whole words ("小米" "手环" "8").
 * <p>
 * Thread-safe: HanLP's {@code Segment.seg} is, once configured, and neither the
 * configuration nor the dictionary changes after construction.
 */
final class Segmenter {

	static {
		// HanLP loads its dictionaries and its recognisers' models on first use, once per
		// JVM: here, at the first analyzer rather than at its first text
		configured(CustomDictionary.DEFAULT).seg(Normaliser.normalise("張偉在北京的華為公司工作"));
	}

	private final Segment segment;

	private final Map<String, TermKind> dictionary;

	private final StopWords stopWords;

	/**
	 * @param dictionary normalised words and their kinds
	 * @param stopWords the stop words
	 */
	Segmenter(Map<String, TermKind> dictionary, StopWords stopWords) {
		this.dictionary = Map.copyOf(dictionary);
		this.stopWords = stopWords;
		DynamicCustomDictionary custom = new DynamicCustomDictionary(CustomDictionary.DEFAULT.dat, new BinTrie<>(),
				null);
		this.dictionary.keySet().forEach((word) -> custom.trie.put(word, new CoreDictionary.Attribute(Nature.nz, 1)));
		this.segment = configured(custom);
	}

	/**
	 * Chinese person names only: the recognisers of transliterated and Japanese names
	 * stay off, as every false name they add is a word taken from the keywords.
	 */
	private static Segment configured(DynamicCustomDictionary dictionary) {
		return new ViterbiSegment().enableCustomDictionary(dictionary)
			.enablePartOfSpeechTagging(true)
			.enableNameRecognize(true)
			.enableTranslatedNameRecognize(false)
			.enableJapaneseNameRecognize(false)
			.enablePlaceRecognize(true)
			.enableOrganizationRecognize(true)
			.enableNormalization(false)
			.enableOffset(true);
	}

	/**
	 * The words of a normalised text in clauses: punctuation and emoji end a clause and
	 * are dropped; spaces only separate words.
	 */
	List<List<Token>> clauses(String normalised) {
		List<List<Token>> clauses = new ArrayList<>();
		List<Token> clause = new ArrayList<>();
		List<Term> terms = joinCodes(this.segment.seg(normalised));
		for (Term term : terms) {
			if (term.word.isBlank()) {
				continue;
			}
			if (!hasLetterOrDigit(term.word) || term.nature.startsWith('w')) {
				if (!clause.isEmpty()) {
					clauses.add(clause);
					clause = new ArrayList<>();
				}
				continue;
			}
			String word = term.word.strip();
			clause.add(new Token(word, classOf(word, term.nature), this.stopWords.contains(word)));
		}
		if (!clause.isEmpty()) {
			clauses.add(clause);
		}
		return clauses;
	}

	private WordClass classOf(String word, Nature nature) {
		TermKind kind = this.dictionary.get(word);
		if (kind != null) {
			return WordClass.of(kind);
		}
		WordClass wordClass = WordClass.of(nature);
		return switch (wordClass) {
			// the recognisers now and then call "3点" an organisation, or one character a
			// name
			case PERSON, PLACE, ORGANISATION -> (word.length() > 1 && allHan(word)) ? wordClass : WordClass.NOUN;
			case LATIN -> word.chars().anyMatch(Character::isLetter) ? wordClass : WordClass.OTHER;
			default -> wordClass;
		};
	}

	/**
	 * Joins a product code that HanLP cuts into letters and digits ("iphone" "15", "x"
	 * "200") back into one word: touching runs of ASCII letters and digits that start
	 * with letters (HanLP never cuts letters from letters, so what follows is digits).
	 */
	private static List<Term> joinCodes(List<Term> terms) {
		List<Term> joined = new ArrayList<>(terms.size());
		Term run = null;
		for (Term term : terms) {
			if (run != null && isAsciiWord(term.word) && run.offset + run.word.length() == term.offset) {
				Term longer = new Term(run.word + term.word, Nature.nx);
				longer.offset = run.offset;
				run = longer;
				joined.set(joined.size() - 1, run);
				continue;
			}
			joined.add(term);
			run = (term.nature == Nature.nx && isAsciiWord(term.word)) ? term : null;
		}
		return joined;
	}

	private static boolean isAsciiWord(String word) {
		return !word.isEmpty() && word.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
	}

	private static boolean hasLetterOrDigit(String word) {
		return word.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	private static boolean allHan(String word) {
		return word.codePoints().allMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

}
