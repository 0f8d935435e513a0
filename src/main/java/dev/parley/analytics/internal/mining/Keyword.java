package dev.parley.analytics.internal.mining;

/**
 * A word that says what a text is about.
 *
 * @param term the word, simplified and lower-cased
 * @param weight its TextRank score: higher is more central; 0.15 for a word with no
 * neighbour, and about 1 on average
 */
public record Keyword(String term, double weight) {

}
