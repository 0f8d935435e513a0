package dev.parley.analytics.internal.mining;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default lists, and one's own words in any script and case. */
class StopWordsTests {

	@Test
	void defaultsHoldParticlesGreetingsAndPoliteness() {
		StopWords defaults = StopWords.defaults();
		assertThat(List.of("的", "了", "吗", "呢", "啊", "你好", "谢谢", "请问", "在吗", "the", "a", "is", "please", "hi", "thanks",
				"don't"))
			.allMatch(defaults::contains);
		assertThat(List.of("退款", "物流", "登录", "refund", "delivery", "login", "客服")).noneMatch(defaults::contains);
		assertThat(defaults.size()).isGreaterThan(500);
	}

	@Test
	void ownWordsAreComparedSimplifiedAndInLowerCase() {
		StopWords own = StopWords.of(List.of("謝謝", " THANKS "));
		assertThat(own.contains("谢谢")).isTrue();
		assertThat(own.contains("thanks")).isTrue();
		assertThat(own.contains("的")).isFalse();
		assertThat(own.with(List.of("的")).contains("的")).isTrue();
	}

}
