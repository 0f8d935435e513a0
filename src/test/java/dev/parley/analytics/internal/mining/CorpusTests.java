package dev.parley.analytics.internal.mining;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The whole way from chat texts to topics on {@link ChatCorpus}. */
class CorpusTests {

	private final TextAnalyzer analyzer = new TextAnalyzer(ChatCorpus.DICTIONARY);

	private final List<Set<String>> keywords = ChatCorpus.TEXTS.stream()
		.map((text) -> Set.copyOf(this.analyzer.analyse(text, 8).keywordTerms()))
		.toList();

	@Test
	void everyTextHasKeywordsAndTheTraditionalOneIsReadSimplified() {
		assertThat(this.keywords).allMatch((terms) -> !terms.isEmpty());
		assertThat(this.keywords.get(1)).contains("退款", "进度");
		assertThat(this.keywords.get(9)).contains("小米手环8", "换货");
	}

	/** 退款 and 进度 meet in one text only, too few for a topic. */
	@Test
	void topicsGroupLoginDeliveryAndTheProductButNotAOneOffPair() {
		assertThat(TopicClusters.find(this.keywords, 2, 0.5, 2)).extracting(TopicCluster::name, TopicCluster::terms)
			.containsExactly(tuple("密码", List.of("密码", "登录", "错误")), tuple("小米手环8", List.of("小米手环8", "换货")),
					tuple("快递", List.of("快递", "物流")));
	}

	@Test
	void theProductLeadsToAnExchange() {
		assertThat(Associations.find(this.keywords, 2, 1.0))
			.extracting(Association::antecedent, Association::consequent)
			.contains(tuple("小米手环8", "换货"), tuple("换货", "小米手环8"));
	}

}
