package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TextRank keywords (Mihalcea and Tarau, 2004) as HanLP's {@code TextRankKeyword}
 * computes them: each word linked to the four candidate words before it, scores started
 * at the sigmoid of a word's number of neighbours, then PageRank with damping 0.85 until
 * no score moves by more than 0.001, at most 200 rounds. Written over arrays rather than
 * through HanLP's class, which keeps its graph in tree maps of boxed floats: on 2,000
 * characters of chat that took about 4 ms, more than the segmentation itself. Equal
 * scores keep the order of first appearance. Stateless and thread-safe.
 */
final class TextRank {

	private static final double DAMPING = 0.85;

	private static final int WINDOW = 4;

	private static final int MAX_ROUNDS = 200;

	private static final double MIN_CHANGE = 0.001;

	private TextRank() {
	}

	/**
	 * The best keywords among candidate words.
	 * @param candidates the candidate words in text order, repeats included
	 * @param max at most this many
	 * @return the keywords, best first, weights rounded to four decimals
	 */
	static List<Keyword> keywords(List<String> candidates, int max) {
		if (candidates.isEmpty() || max <= 0) {
			return List.of();
		}
		Map<String, Integer> index = new HashMap<>();
		List<String> words = new ArrayList<>();
		int[] sequence = new int[candidates.size()];
		for (int i = 0; i < sequence.length; i++) {
			String word = candidates.get(i);
			Integer id = index.get(word);
			if (id == null) {
				id = words.size();
				index.put(word, id);
				words.add(word);
			}
			sequence[i] = id;
		}
		int[][] neighbours = neighbours(sequence, words.size());
		double[] scores = rank(neighbours);
		List<Keyword> keywords = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			keywords.add(new Keyword(words.get(i), Math.round(scores[i] * 10_000.0) / 10_000.0));
		}
		// a stable sort: equal weights stay in order of first appearance
		keywords.sort(Comparator.comparingDouble(Keyword::weight).reversed());
		return List.copyOf(keywords.subList(0, Math.min(max, keywords.size())));
	}

	private static int[][] neighbours(int[] sequence, int size) {
		List<Set<Integer>> links = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			links.add(new LinkedHashSet<>());
		}
		for (int i = 0; i < sequence.length; i++) {
			for (int j = Math.max(0, i - WINDOW); j < i; j++) {
				if (sequence[i] != sequence[j]) {
					links.get(sequence[i]).add(sequence[j]);
					links.get(sequence[j]).add(sequence[i]);
				}
			}
		}
		int[][] neighbours = new int[size][];
		for (int i = 0; i < size; i++) {
			neighbours[i] = links.get(i).stream().mapToInt(Integer::intValue).toArray();
		}
		return neighbours;
	}

	private static double[] rank(int[][] neighbours) {
		int size = neighbours.length;
		double[] scores = new double[size];
		for (int i = 0; i < size; i++) {
			scores[i] = 1 / (1 + Math.exp(-neighbours[i].length));
		}
		for (int round = 0; round < MAX_ROUNDS; round++) {
			double[] next = new double[size];
			double change = 0;
			for (int i = 0; i < size; i++) {
				double sum = 0;
				for (int neighbour : neighbours[i]) {
					sum += scores[neighbour] / neighbours[neighbour].length;
				}
				next[i] = (1 - DAMPING) + DAMPING * sum;
				change = Math.max(change, Math.abs(next[i] - scores[i]));
			}
			scores = next;
			if (change <= MIN_CHANGE) {
				break;
			}
		}
		return scores;
	}

}
