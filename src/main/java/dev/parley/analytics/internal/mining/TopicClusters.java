package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups terms into topics by how often they appear in the same documents: two terms are
 * linked when at least {@code minDocuments} documents have both and their Jaccard index
 * (documents with both / documents with either) reaches {@code minJaccard}; a topic is a
 * connected group of linked terms. Jaccard rather than a raw count keeps a term found
 * everywhere ("订单") from linking every topic into one. Deterministic: the result depends
 * only on the documents' terms, not on their order or on hashing.
 */
public final class TopicClusters {

	private TopicClusters() {
	}

	/**
	 * The topics among documents' terms.
	 * @param documents each document's terms
	 * @param minDocuments the fewest documents with both terms of a link (at least 1)
	 * @param minJaccard the lowest Jaccard index of a link, 0 to 1
	 * @param minSize the fewest terms of a topic (at least 1)
	 * @return the topics, those in more documents first, then by name
	 */
	public static List<TopicCluster> find(List<? extends Collection<String>> documents, int minDocuments,
			double minJaccard, int minSize) {
		if (minDocuments < 1 || minSize < 1) {
			throw new IllegalArgumentException("minDocuments and minSize must be at least 1");
		}
		CoOccurrences counts = CoOccurrences.count(documents);
		Map<String, String> parent = new HashMap<>();
		counts.pairs().forEach((pair, both) -> {
			int either = counts.documentsWith(pair.first()) + counts.documentsWith(pair.second()) - both;
			if (both >= minDocuments && (double) both / either >= minJaccard) {
				union(parent, pair.first(), pair.second());
			}
		});
		Comparator<String> byFrequency = Comparator.comparingInt((String term) -> counts.documentsWith(term))
			.reversed()
			.thenComparing(Comparator.naturalOrder());
		Map<String, List<String>> groups = new HashMap<>();
		for (String term : counts.single().keySet()) {
			groups.computeIfAbsent(root(parent, term), (r) -> new ArrayList<>()).add(term);
		}
		List<TopicCluster> clusters = new ArrayList<>();
		for (List<String> terms : groups.values()) {
			if (terms.size() >= minSize) {
				terms.sort(byFrequency);
				clusters.add(new TopicCluster(terms.get(0), terms, documentsWithAny(documents, Set.copyOf(terms))));
			}
		}
		clusters.sort(Comparator.comparingInt(TopicCluster::documents).reversed().thenComparing(TopicCluster::name));
		return clusters;
	}

	private static int documentsWithAny(List<? extends Collection<String>> documents, Set<String> terms) {
		int count = 0;
		for (Collection<String> document : documents) {
			if (document.stream().anyMatch(terms::contains)) {
				count++;
			}
		}
		return count;
	}

	private static void union(Map<String, String> parent, String a, String b) {
		String rootA = root(parent, a);
		String rootB = root(parent, b);
		if (!rootA.equals(rootB)) {
			parent.put(rootA, rootB);
		}
	}

	private static String root(Map<String, String> parent, String term) {
		String root = term;
		while (parent.containsKey(root)) {
			root = parent.get(root);
		}
		if (!root.equals(term)) {
			parent.put(term, root);
		}
		return root;
	}

}
