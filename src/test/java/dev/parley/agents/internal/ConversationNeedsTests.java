package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.agents.AgentStatus;
import dev.parley.agents.RoutingStrategy;
import dev.parley.conversations.ConversationQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who matches a conversation's needs: languages by BCP 47 prefix either way, every skill
 * of the level and the group; the better match first, the strategy's order kept within.
 */
class ConversationNeedsTests {

	@Test
	void languagesMatchByPrefixAtASubtagBoundary() {
		assertThat(ConversationNeeds.sameLanguage("zh", "zh-CN")).isTrue();
		assertThat(ConversationNeeds.sameLanguage("zh-cn", "zh")).isTrue();
		assertThat(ConversationNeeds.sameLanguage("zh_CN", "ZH-cn")).isTrue();
		assertThat(ConversationNeeds.sameLanguage("zh-CN", "zh-TW")).isFalse();
		assertThat(ConversationNeeds.sameLanguage("en", "eng")).isFalse();
		assertThat(ConversationNeeds.sameLanguage("", "en")).isFalse();
	}

	@Test
	void anAgentMatchesWithTheLanguageAndEverySkillOfTheLevelAndTheGroup() {
		AgentGroup billing = new AgentGroup(1, "Billing", null, RoutingStrategy.LEAST_BUSY, null, List.of(), List.of(),
				Instant.EPOCH, List.of("billing"), 60);
		ConversationNeeds needs = ConversationNeeds.of(waiting("zh-CN", List.of("VIP")), billing);
		assertThat(needs.skills()).containsExactly("vip", "billing");
		assertThat(needs.metBy(agent(1, List.of("zh"), List.of("vip", "billing", "returns")))).isTrue();
		assertThat(needs.metBy(agent(2, List.of("zh"), List.of("billing")))).isFalse();
		assertThat(needs.metBy(agent(3, List.of("en"), List.of("vip", "billing")))).isFalse();
		assertThat(ConversationNeeds.of(waiting(null, List.of()), null).any()).isFalse();
	}

	@Test
	void candidatesWhoMeetMoreComeFirstInTheStrategysOrder() {
		ConversationNeeds needs = new ConversationNeeds("zh", List.of("vip"));
		AgentProfile none = agent(1, List.of("en"), List.of());
		AgentProfile language = agent(2, List.of("zh"), List.of());
		AgentProfile both = agent(3, List.of("zh"), List.of("vip"));
		AgentProfile alsoNone = agent(4, List.of(), List.of());
		assertThat(RoutingCandidates.byMatch(List.of(none, language, alsoNone, both), needs)).containsExactly(both,
				language, none, alsoNone);
		assertThat(RoutingCandidates.byMatch(List.of(none, both), ConversationNeeds.NONE)).containsExactly(none, both);
	}

	private static ConversationQueue.Waiting waiting(String language, List<String> skills) {
		return new ConversationQueue.Waiting(1, 1, 1L, Instant.EPOCH, language, skills, null);
	}

	private static AgentProfile agent(long id, List<String> languages, List<String> skills) {
		return new AgentProfile(id, null, languages, skills, 5, AgentStatus.ONLINE, Instant.EPOCH, 0);
	}

}
