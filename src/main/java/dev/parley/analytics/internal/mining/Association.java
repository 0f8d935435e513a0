package dev.parley.analytics.internal.mining;

/**
 * A rule "documents with the antecedent also have the consequent".
 *
 * @param antecedent the term A
 * @param consequent the term B
 * @param documents how many documents have both
 * @param support the share of all documents that have both
 * @param confidence the share of documents with A that also have B, P(B|A)
 * @param lift confidence divided by the share of documents with B: above 1 when A makes B
 * likelier than it is anyway
 */
public record Association(String antecedent, String consequent, int documents, double support, double confidence,
		double lift) {

}
