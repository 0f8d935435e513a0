package dev.parley.analytics.internal.mining;

import java.util.List;

/**
 * What the analyzer read in one text.
 *
 * @param tokens the words in order, without punctuation, emoji, or the spans of order
 * numbers, phone numbers and e-mail addresses
 * @param keywords the best keywords first, never personal data
 * @param phrases pairs of content words next to each other ("物流 慢", "delivery late"),
 * each once, in order of first appearance
 * @param entities each once, in order of kind, then of first appearance
 */
public record Analysis(List<Token> tokens, List<Keyword> keywords, List<String> phrases, List<Entity> entities) {

	/** The analysis of a text with no words. */
	public static final Analysis EMPTY = new Analysis(List.of(), List.of(), List.of(), List.of());

	public Analysis {
		tokens = List.copyOf(tokens);
		keywords = List.copyOf(keywords);
		phrases = List.copyOf(phrases);
		entities = List.copyOf(entities);
	}

	/**
	 * The entities of one kind.
	 * @param kind the kind
	 * @return their texts in order of first appearance
	 */
	public List<String> entities(EntityKind kind) {
		return this.entities.stream().filter((entity) -> entity.kind() == kind).map(Entity::text).toList();
	}

	/**
	 * The keywords' terms.
	 * @return the terms, best first
	 */
	public List<String> keywordTerms() {
		return this.keywords.stream().map(Keyword::term).toList();
	}

}
