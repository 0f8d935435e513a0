package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Terms whose share of documents rises the most from the previous period to the current
 * one.
 * <p>
 * A term in {@code c} of the current period's {@code N} documents and in {@code p} of the
 * previous period's {@code M} scores
 * {@code ln(((c + 1) / (N + 2)) / ((p + 1) / (M + 2)))}: the log ratio of its two shares,
 * each smoothed with one document with and one without it (Laplace's rule), so that a
 * term absent before has a finite score and a term seen in few documents a damped one.
 * Only terms in at least {@code minDocuments} current documents with a positive score
 * rank, so a one-off term never wins. With no previous documents there is nothing to rise
 * from, and nothing ranks.
 */
public final class HotTopics {

	private HotTopics() {
	}

	/**
	 * How many documents of a period have each term.
	 *
	 * @param documentsByTerm documents with each term
	 * @param documents all documents of the period
	 */
	public record Period(Map<String, Integer> documentsByTerm, int documents) {

		public Period {
			documentsByTerm = Map.copyOf(documentsByTerm);
			if (documents < 0) {
				throw new IllegalArgumentException("documents must not be negative");
			}
		}

		/**
		 * Counts documents' terms, each once per document.
		 * @param documents each document's terms
		 * @return the period
		 */
		public static Period of(List<? extends Collection<String>> documents) {
			Map<String, Integer> counts = new HashMap<>();
			for (Collection<String> document : documents) {
				document.stream().distinct().forEach((term) -> counts.merge(term, 1, Integer::sum));
			}
			return new Period(counts, documents.size());
		}

		int count(String term) {
			return this.documentsByTerm.getOrDefault(term, 0);
		}

	}

	/**
	 * The rising terms, highest score first; equal scores by more current documents, then
	 * by term.
	 * @param current the current period
	 * @param previous the previous period
	 * @param minDocuments the fewest current documents a term needs (at least 1)
	 * @param limit at most this many
	 * @return the hot topics
	 */
	public static List<HotTopic> rank(Period current, Period previous, int minDocuments, int limit) {
		Objects.requireNonNull(current, "current");
		Objects.requireNonNull(previous, "previous");
		if (minDocuments < 1) {
			throw new IllegalArgumentException("minDocuments must be at least 1");
		}
		if (previous.documents() == 0) {
			return List.of();
		}
		List<HotTopic> topics = new ArrayList<>();
		current.documentsByTerm().forEach((term, count) -> {
			if (count >= minDocuments) {
				int before = previous.count(term);
				double score = score(count, current.documents(), before, previous.documents());
				if (score > 0) {
					topics.add(new HotTopic(term, count, before, score));
				}
			}
		});
		topics.sort(Comparator.comparingDouble(HotTopic::score)
			.reversed()
			.thenComparing(Comparator.comparingInt(HotTopic::documents).reversed())
			.thenComparing(HotTopic::term));
		return List.copyOf(topics.subList(0, Math.min(Math.max(limit, 0), topics.size())));
	}

	static double score(int count, int documents, int previousCount, int previousDocuments) {
		double share = (count + 1.0) / (documents + 2.0);
		double previousShare = (previousCount + 1.0) / (previousDocuments + 2.0);
		return Math.log(share / previousShare);
	}

}
