package dev.parley.analytics.internal.mining;

import java.util.List;

/**
 * Terms that keep appearing together, as one topic.
 *
 * @param name the cluster's most frequent term
 * @param terms its terms, most frequent first (the name first)
 * @param documents documents with at least one of its terms
 */
public record TopicCluster(String name, List<String> terms, int documents) {

	public TopicCluster {
		terms = List.copyOf(terms);
	}

}
