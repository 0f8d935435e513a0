package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one text (the visitor's messages of a conversation) in Chinese, simplified or
 * traditional, English, or both: its words with their classes, its keywords and phrases,
 * and the named things in it.
 * <p>
 * The steps: e-mail addresses, phone numbers, people's names (those known for the
 * conversation, and those introduced in English: {@link PersonNames}) and order numbers
 * are found by pattern and blanked out, before anything is lower-cased; the rest is
 * converted to simplified Chinese and lower case, segmented by HanLP with the
 * administrators' {@link MiningDictionary}; keywords are ranked by TextRank among the
 * nouns, verbs, names of places and organisations, English words and dictionary words
 * that are not stop words. Personal data (people's names, phones, e-mail addresses, order
 * numbers) is never a keyword or part of a phrase.
 * <p>
 * Immutable and thread-safe. The first analyzer built in a JVM loads HanLP's dictionaries
 * (about a second and some 60 MB of heap, held for the JVM's life); later ones take
 * microseconds, so an edit of the dictionary simply builds a new one.
 */
public final class TextAnalyzer {

	private final MiningDictionary dictionary;

	private final StopWords stopWords;

	private final EntityPatterns patterns;

	private final Segmenter segmenter;

	/**
	 * An analyzer with the default stop words and entity patterns.
	 * @param dictionary the administrators' words
	 */
	public TextAnalyzer(MiningDictionary dictionary) {
		this(dictionary, StopWords.defaults(), EntityPatterns.defaults());
	}

	/**
	 * An analyzer.
	 * @param dictionary the administrators' words
	 * @param stopWords the words that are never keywords
	 * @param patterns the patterns of personal data
	 */
	public TextAnalyzer(MiningDictionary dictionary, StopWords stopWords, EntityPatterns patterns) {
		this.dictionary = dictionary;
		this.stopWords = stopWords;
		this.patterns = patterns;
		Map<String, TermKind> normalised = new HashMap<>();
		for (DictionaryEntry entry : dictionary.entries()) {
			normalised.put(Normaliser.normalise(entry.word()), entry.kind());
		}
		this.segmenter = new Segmenter(normalised, stopWords);
	}

	/**
	 * This analyzer with another dictionary, the same stop words and patterns.
	 * @param dictionary the new dictionary
	 * @return a new analyzer
	 */
	public TextAnalyzer withDictionary(MiningDictionary dictionary) {
		return new TextAnalyzer(dictionary, this.stopWords, this.patterns);
	}

	/**
	 * The dictionary this analyzer was built with.
	 * @return the dictionary
	 */
	public MiningDictionary dictionary() {
		return this.dictionary;
	}

	/**
	 * Reads a text.
	 * @param text the text, may be {@code null} or blank
	 * @param maxKeywords at most this many keywords
	 * @return what was found; {@link Analysis#EMPTY} for a text without words
	 */
	public Analysis analyse(String text, int maxKeywords) {
		return analyse(text, maxKeywords, List.of());
	}

	/**
	 * Reads a text of a conversation whose people are known.
	 * @param text the text, may be {@code null} or blank
	 * @param maxKeywords at most this many keywords
	 * @param names the names of the conversation's people (visitor, customer, agents),
	 * taken out before the text is read, like those people give in an English
	 * self-introduction ({@link PersonNames})
	 * @return what was found; {@link Analysis#EMPTY} for a text without words
	 */
	public Analysis analyse(String text, int maxKeywords, Collection<String> names) {
		if (text == null || text.isBlank()) {
			return Analysis.EMPTY;
		}
		List<EntityPatterns.Match> matches = this.patterns.find(text, names);
		List<List<Token>> clauses = this.segmenter.clauses(Normaliser.normalise(EntityPatterns.mask(text, matches)));
		List<Token> tokens = clauses.stream().flatMap(List::stream).toList();
		List<Entity> entities = entities(tokens, matches);
		Set<String> people = new LinkedHashSet<>();
		entities.stream().filter((entity) -> entity.kind() == EntityKind.PERSON).forEach((e) -> people.add(e.text()));
		List<String> candidates = tokens.stream()
			.filter((token) -> isKeywordCandidate(token, people))
			.map(Token::term)
			.toList();
		return new Analysis(tokens, TextRank.keywords(candidates, maxKeywords), phrases(clauses, people), entities);
	}

	/**
	 * The names people give in a text's English self-introductions ("I'm Tom Baker"), to
	 * be taken out of the other side's messages too ("Thanks Tom").
	 * @param text the text, may be null
	 * @return the names as written
	 */
	public static Set<String> introducedNames(String text) {
		return (text != null) ? PersonNames.introduced(text) : Set.of();
	}

	private static boolean isKeywordCandidate(Token token, Set<String> people) {
		if (token.stopWord() || !token.wordClass().canBeKeyword() || people.contains(token.term())) {
			return false;
		}
		return switch (token.wordClass()) {
			case PRODUCT, DICTIONARY_TERM, PLACE, ORGANISATION -> true;
			// a single character or letter is too vague to say what a text is about
			default -> token.term().codePointCount(0, token.term().length()) > 1;
		};
	}

	/**
	 * Two content words next to each other in a clause, or with only stop words between
	 * them ("delivery is late" gives "delivery late"), at least one of them a keyword
	 * candidate.
	 */
	private static List<String> phrases(List<List<Token>> clauses, Set<String> people) {
		Set<String> phrases = new LinkedHashSet<>();
		for (List<Token> clause : clauses) {
			Token previous = null;
			for (Token token : clause) {
				if (token.stopWord()) {
					continue;
				}
				boolean usable = token.wordClass().canBeInPhrase() && !people.contains(token.term());
				if (usable && previous != null && !previous.term().equals(token.term())
						&& (isKeywordCandidate(previous, people) || isKeywordCandidate(token, people))) {
					phrases.add(previous.term() + " " + token.term());
				}
				previous = usable ? token : null;
			}
		}
		return List.copyOf(phrases);
	}

	private static List<Entity> entities(List<Token> tokens, List<EntityPatterns.Match> matches) {
		Set<Entity> entities = new LinkedHashSet<>();
		for (Token token : tokens) {
			EntityKind kind = switch (token.wordClass()) {
				case PERSON -> EntityKind.PERSON;
				case PLACE -> EntityKind.PLACE;
				case ORGANISATION -> EntityKind.ORGANISATION;
				case PRODUCT -> EntityKind.PRODUCT;
				default -> null;
			};
			if (kind != null) {
				entities.add(new Entity(kind, token.term()));
			}
		}
		matches.forEach((match) -> entities.add(new Entity(match.kind(), match.text().strip())));
		List<Entity> ordered = new ArrayList<>(entities);
		ordered.sort(Comparator.comparing(Entity::kind));
		return ordered;
	}

}
