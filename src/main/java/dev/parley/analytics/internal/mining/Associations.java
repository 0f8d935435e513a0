package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Association rules between pairs of terms over many documents' keyword sets (a document
 * counts a term once however often it has it): support, confidence and lift of every
 * ordered pair A → B that reaches both thresholds.
 */
public final class Associations {

	/** Strongest first: confidence, then support, then lift, then the terms. */
	static final Comparator<Association> ORDER = Comparator.comparingDouble(Association::confidence)
		.reversed()
		.thenComparing(Comparator.comparingDouble(Association::support).reversed())
		.thenComparing(Comparator.comparingDouble(Association::lift).reversed())
		.thenComparing(Association::antecedent)
		.thenComparing(Association::consequent);

	private Associations() {
	}

	/**
	 * The rules among documents' terms.
	 * @param documents each document's terms
	 * @param minDocuments the fewest documents that must have both terms (at least 1)
	 * @param minConfidence the lowest confidence kept, 0 to 1
	 * @return the rules, strongest first (confidence, support, lift, then the terms in
	 * natural order)
	 */
	public static List<Association> find(List<? extends Collection<String>> documents, int minDocuments,
			double minConfidence) {
		if (minDocuments < 1) {
			throw new IllegalArgumentException("minDocuments must be at least 1");
		}
		CoOccurrences counts = CoOccurrences.count(documents);
		List<Association> rules = new ArrayList<>();
		counts.pairs().forEach((pair, count) -> {
			if (count >= minDocuments) {
				add(pair.first(), pair.second(), count, counts, minConfidence, rules);
				add(pair.second(), pair.first(), count, counts, minConfidence, rules);
			}
		});
		rules.sort(ORDER);
		return rules;
	}

	private static void add(String antecedent, String consequent, int count, CoOccurrences counts, double minConfidence,
			List<Association> rules) {
		double total = counts.documents();
		double confidence = (double) count / counts.documentsWith(antecedent);
		if (confidence >= minConfidence) {
			double lift = confidence / (counts.documentsWith(consequent) / total);
			rules.add(new Association(antecedent, consequent, count, count / total, confidence, lift));
		}
	}

}
