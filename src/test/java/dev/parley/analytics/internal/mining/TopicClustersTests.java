package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics from six documents: 退款 in four (twice with 到账, once with 进度, once with the
 * delivery words), 物流 and 快递 together twice, 登录 once.
 */
class TopicClustersTests {

	private static final List<Set<String>> DOCUMENTS = List.of(Set.of("退款", "到账"), Set.of("退款", "到账"),
			Set.of("退款", "进度"), Set.of("物流", "快递"), Set.of("物流", "快递", "退款"), Set.of("登录"));

	@Test
	void linksTermsThatKeepAppearingTogether() {
		// 到账-退款: 2 together, Jaccard 2/4; 快递-物流: 2/2; 退款 with 物流 or 快递: 1/5
		assertThat(TopicClusters.find(DOCUMENTS, 2, 0.3, 2)).containsExactly(
				new TopicCluster("退款", List.of("退款", "到账"), 4), new TopicCluster("快递", List.of("快递", "物流"), 2));
	}

	@Test
	void aLowThresholdLetsAFrequentTermJoinTopicsIntoOne() {
		assertThat(TopicClusters.find(DOCUMENTS, 1, 0.2, 2))
			.containsExactly(new TopicCluster("退款", List.of("退款", "到账", "快递", "物流", "进度"), 5));
		assertThat(TopicClusters.find(DOCUMENTS, 1, 0.2, 1)).extracting(TopicCluster::name).containsExactly("退款", "登录");
	}

	@Test
	void doesNotDependOnTheOrderOfDocuments() {
		List<Set<String>> shuffled = new ArrayList<>(DOCUMENTS);
		Collections.reverse(shuffled);
		assertThat(TopicClusters.find(shuffled, 2, 0.3, 2)).isEqualTo(TopicClusters.find(DOCUMENTS, 2, 0.3, 2));
	}

}
