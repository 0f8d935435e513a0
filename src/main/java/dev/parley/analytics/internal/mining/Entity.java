package dev.parley.analytics.internal.mining;

/**
 * A named thing found in a text.
 *
 * @param kind what it is
 * @param text as written for order numbers, phones and e-mail addresses; in simplified
 * Chinese and lower case for the others, as the segmenter reads them
 */
public record Entity(EntityKind kind, String text) {

}
