package dev.parley.analytics.internal.mining;

/**
 * One word of a text as the analyzer reads it: in simplified Chinese and lower case, with
 * its class. Stop words stay in the sequence (flagged) so that phrases are only formed
 * from words that were really next to each other.
 *
 * @param term the word, simplified and lower-cased
 * @param wordClass what kind of word it is
 * @param stopWord whether it is a stop word (greetings, particles, "the", "please")
 */
public record Token(String term, WordClass wordClass, boolean stopWord) {

}
