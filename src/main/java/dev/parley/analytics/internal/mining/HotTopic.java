package dev.parley.analytics.internal.mining;

/**
 * A term whose share of documents rose from one period to the next.
 *
 * @param term the term
 * @param documents documents with the term in the current period
 * @param previousDocuments documents with the term in the previous period (0 for a new
 * term)
 * @param score the smoothed log ratio of its shares, see {@link HotTopics}
 */
public record HotTopic(String term, int documents, int previousDocuments, double score) {

}
