package dev.parley.platform;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * English sentences the server writes (a field error, an audit detail) in the language of
 * the person reading them. A sentence is made from a text of the English message bundle
 * whose key starts with a prefix ({@code validation.}, {@code audit.detail.}); its
 * {@code {name}} placeholders match the varying parts, which are filled into the same
 * text of the reader's language.
 */
public interface Sentences {

	/**
	 * @param format turns a varying part (placeholder name, value as written) into text
	 * for the reader, e.g. a permission code into its label
	 * @return the sentence in the locale, or as it is when no text of the prefix made it
	 */
	String translate(String prefix, String english, Locale locale, BiFunction<String, String, String> format);

	/**
	 * @return the text of the key in the locale, or the fallback when there is none
	 */
	String text(String key, Locale locale, String fallback);

}
