package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How many documents have each term, and each pair of terms (a document counts a term
 * once however often it has it).
 *
 * @param documents all documents
 * @param single documents with each term
 * @param pairs documents with both terms of each pair
 */
record CoOccurrences(int documents, Map<String, Integer> single, Map<Pair, Integer> pairs) {

	/** Two different terms in natural order. */
	record Pair(String first, String second) {

	}

	static CoOccurrences count(List<? extends Collection<String>> documents) {
		Map<String, Integer> single = new HashMap<>();
		Map<Pair, Integer> pairs = new HashMap<>();
		for (Collection<String> document : documents) {
			List<String> terms = new ArrayList<>(new TreeSet<>(document));
			for (int i = 0; i < terms.size(); i++) {
				single.merge(terms.get(i), 1, Integer::sum);
				for (int j = i + 1; j < terms.size(); j++) {
					pairs.merge(new Pair(terms.get(i), terms.get(j)), 1, Integer::sum);
				}
			}
		}
		return new CoOccurrences(documents.size(), single, pairs);
	}

	int documentsWith(String term) {
		return this.single.getOrDefault(term, 0);
	}

}
