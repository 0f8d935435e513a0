package dev.parley.analytics.internal.mining;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that say nothing about what a conversation is about: particles, pronouns,
 * greetings and politeness ("你好", "谢谢", "请问", "please", "thanks"). The default lists are
 * {@code analytics/stop-words-zh.txt} and {@code analytics/stop-words-en.txt} on the
 * class path; words are compared in their normalised form (simplified, lower case).
 */
public final class StopWords {

	private static final String[] DEFAULT_LISTS = { "analytics/stop-words-zh.txt", "analytics/stop-words-en.txt" };

	private final Set<String> words;

	private StopWords(Set<String> words) {
		this.words = Set.copyOf(words);
	}

	/**
	 * The default Chinese and English lists, read once.
	 * @return the default stop words
	 */
	public static StopWords defaults() {
		return Defaults.INSTANCE;
	}

	/**
	 * Stop words of one's own.
	 * @param words the words, in any script and case
	 * @return the stop words
	 */
	public static StopWords of(Collection<String> words) {
		return new StopWords(normalised(words));
	}

	/**
	 * These stop words and some more.
	 * @param more the words to add
	 * @return the stop words
	 */
	public StopWords with(Collection<String> more) {
		Set<String> union = new HashSet<>(this.words);
		union.addAll(normalised(more));
		return new StopWords(union);
	}

	/**
	 * Whether a normalised word is a stop word.
	 * @param term a word, simplified and lower case
	 * @return whether it is a stop word
	 */
	public boolean contains(String term) {
		return this.words.contains(term);
	}

	/**
	 * How many words there are.
	 * @return the count
	 */
	public int size() {
		return this.words.size();
	}

	private static Set<String> normalised(Collection<String> words) {
		Set<String> result = new HashSet<>();
		for (String word : words) {
			String normalised = Normaliser.normalise(word.strip());
			if (!normalised.isEmpty()) {
				result.add(normalised);
			}
		}
		return result;
	}

	private static final class Defaults {

		static final StopWords INSTANCE = new StopWords(normalised(read()));

		private static Set<String> read() {
			Set<String> words = new HashSet<>();
			for (String list : DEFAULT_LISTS) {
				try (InputStream in = StopWords.class.getClassLoader().getResourceAsStream(list)) {
					if (in == null) {
						throw new IllegalStateException("No stop-word list " + list + " on the class path");
					}
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
					reader.lines()
						.map(String::strip)
						.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
						.forEach(words::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return words;
		}

	}

}
