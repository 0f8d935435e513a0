package dev.parley.analytics.internal.mining;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rising terms worked out by hand: 100 documents now, 200 before; a term in c of them now
 * and p before scores ln(((c + 1) / 102) / ((p + 1) / 202)).
 */
class HotTopicsTests {

	private static final HotTopics.Period CURRENT = new HotTopics.Period(
			Map.of("退款", 10, "物流", 30, "新品", 4, "一次", 1, "登录", 5), 100);

	private static final HotTopics.Period PREVIOUS = new HotTopics.Period(Map.of("退款", 5, "物流", 40, "登录", 20), 200);

	@Test
	void ranksTermsByTheRiseOfTheirShare() {
		List<HotTopic> topics = HotTopics.rank(CURRENT, PREVIOUS, 3, 10);
		// 新品 ln((5/102)/(1/202)) = 2.2927, 退款 ln((11/102)/(6/202)) = 1.2894,
		// 物流 ln((31/102)/(41/202)) = 0.4037; 登录 fell (-0.5695)
		assertThat(topics).extracting(HotTopic::term).containsExactly("新品", "退款", "物流");
		assertThat(topics.get(0).score()).isCloseTo(2.2927, within(1e-4));
		assertThat(topics.get(1).score()).isCloseTo(1.2894, within(1e-4));
		assertThat(topics.get(2).score()).isCloseTo(0.4037, within(1e-4));
		assertThat(topics.get(0).previousDocuments()).isZero();
		assertThat(topics.get(1).documents()).isEqualTo(10);
		assertThat(topics.get(1).previousDocuments()).isEqualTo(5);
	}

	@Test
	void aOneOffTermDoesNotWinUnderTheMinimumCount() {
		// 一次 alone would score ln((2/102)/(1/202)) = 1.3764, above 退款
		assertThat(HotTopics.rank(CURRENT, PREVIOUS, 1, 10)).extracting(HotTopic::term)
			.containsExactly("新品", "一次", "退款", "物流");
		assertThat(HotTopics.rank(CURRENT, PREVIOUS, 3, 2)).extracting(HotTopic::term).containsExactly("新品", "退款");
	}

	@Test
	void countsEachTermOncePerDocumentAndNeedsAPreviousPeriod() {
		HotTopics.Period period = HotTopics.Period.of(List.of(List.of("退款", "退款", "物流"), List.of("退款"), List.of()));
		assertThat(period.documentsByTerm()).isEqualTo(Map.of("退款", 2, "物流", 1));
		assertThat(period.documents()).isEqualTo(3);
		assertThat(HotTopics.rank(CURRENT, new HotTopics.Period(Map.of(), 0), 1, 10)).isEmpty();
	}

}
