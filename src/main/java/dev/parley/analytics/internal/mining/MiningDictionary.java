package dev.parley.analytics.internal.mining;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words administrators want read as one (product names, slang), as an immutable
 * value: an edit gives a new dictionary, and a new {@link TextAnalyzer} built from it
 * ({@link TextAnalyzer#withDictionary}) takes over, while analyses under way finish with
 * the old one. A word entered twice keeps its last kind.
 */
public final class MiningDictionary {

	/** No words. */
	public static final MiningDictionary EMPTY = new MiningDictionary(Map.of());

	private final Map<String, DictionaryEntry> entries;

	private MiningDictionary(Map<String, DictionaryEntry> entries) {
		this.entries = entries;
	}

	/**
	 * A dictionary of the given entries.
	 * @param entries the entries; a later entry of the same word replaces an earlier one
	 * @return the dictionary
	 */
	public static MiningDictionary of(Collection<DictionaryEntry> entries) {
		Map<String, DictionaryEntry> byWord = new LinkedHashMap<>();
		entries.forEach((entry) -> byWord.put(entry.word(), entry));
		return new MiningDictionary(byWord);
	}

	/**
	 * A dictionary of the given entries.
	 * @param entries the entries
	 * @return the dictionary
	 */
	public static MiningDictionary of(DictionaryEntry... entries) {
		return of(List.of(entries));
	}

	/**
	 * This dictionary with one more entry, or with the entry's word of another kind.
	 * @param entry the entry
	 * @return a new dictionary
	 */
	public MiningDictionary with(DictionaryEntry entry) {
		Map<String, DictionaryEntry> copy = new LinkedHashMap<>(this.entries);
		copy.remove(entry.word());
		copy.put(entry.word(), entry);
		return new MiningDictionary(copy);
	}

	/**
	 * This dictionary without a word.
	 * @param word the word as entered
	 * @return a new dictionary, or this one if it has no such word
	 */
	public MiningDictionary without(String word) {
		if (!this.entries.containsKey(word)) {
			return this;
		}
		Map<String, DictionaryEntry> copy = new LinkedHashMap<>(this.entries);
		copy.remove(word);
		return new MiningDictionary(copy);
	}

	/**
	 * The entries in the order they were added.
	 * @return the entries
	 */
	public List<DictionaryEntry> entries() {
		return List.copyOf(this.entries.values());
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof MiningDictionary dictionary) && this.entries().equals(dictionary.entries());
	}

	@Override
	public int hashCode() {
		return entries().hashCode();
	}

	@Override
	public String toString() {
		return "MiningDictionary" + entries();
	}

}
