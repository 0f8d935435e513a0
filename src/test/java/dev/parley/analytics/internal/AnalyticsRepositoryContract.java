package dev.parley.analytics.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the statistics tables must keep on every supported database: a fact exactly as
 * folded (histograms, nulls, the fold's state), its totals added and taken back. One
 * subclass per database, each test in a transaction rolled back at its end.
 */
abstract class AnalyticsRepositoryContract {

	@Autowired
	FactRepository facts;

	@Autowired
	RollupRepository totals;

	@Autowired
	PendingRepository pending;

	@Test
	void aFactIsStoredAndReadBackExactlyAsFolded() {
		ConversationFact folded = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer(),
				ConversationFoldTests.facts(1, ConversationFoldTests.T0, null, 5, true));
		this.facts.save(List.of(folded), Map.of());
		ConversationFact read = this.facts.load(List.of(1L)).get(1L);
		assertThat(FactRepository.fingerprint(read)).isEqualTo(FactRepository.fingerprint(folded));
		assertThat(this.facts.lastSeqs(List.of(1L, 2L))).containsExactly(Map.entry(1L, 10L));

		// an open conversation, folded on: the update keeps the running state
		ConversationFact open = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer().subList(0, 5),
				ConversationFoldTests.facts(2, ConversationFoldTests.T0, null, null, false));
		this.facts.save(List.of(open), Map.of());
		ConversationFact again = this.facts.load(List.of(2L)).get(2L);
		ConversationFold.apply(again, ConversationFoldTests.facts(2, ConversationFoldTests.T0, null, null, false),
				ConversationFoldTests.chatWithTransfer().subList(5, 10), ConversationFoldTests.ZONE,
				ConversationFoldTests.NINE_TO_FIVE);
		this.facts.save(List.of(again), Map.of(2L, true));
		ConversationFact whole = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer(),
				ConversationFoldTests.facts(2, ConversationFoldTests.T0, null, null, false));
		assertThat(FactRepository.fingerprint(this.facts.load(List.of(2L)).get(2L)))
			.isEqualTo(FactRepository.fingerprint(whole));
	}

	@Test
	void totalsAddUpAndRowsTakenBackToNothingAreGone() {
		ConversationFact f = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer(),
				ConversationFoldTests.facts(1, ConversationFoldTests.T0, null, 5, true));
		this.totals.apply(Contribution.of(f));
		this.totals.apply(Contribution.of(f));
		Map<Tally.Key, Tally> days = this.totals.read(Rollup.CONVERSATIONS, Rollup.DAY, List.of(20261130), false);
		Tally day = days.get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.DAY, 20261130, 3, 0));
		assertThat(day.get(Counter.CONVERSATIONS)).isEqualTo(2);
		assertThat(day.get(Counter.MESSAGES_IN)).isEqualTo(8);
		assertThat(Figures.Duration.of(day.samples(Metric.REPLY), false))
			.isEqualTo(new Figures.Duration(4, 30_000L, 60_000L, 45_000L));
		assertThat(this.totals.read(Rollup.AGENTS, Rollup.MONTH, List.of(202611), false)).hasSize(2);

		Map<Tally.Key, Tally> back = new java.util.HashMap<>();
		Contribution.add(f, -1, back);
		this.totals.apply(back);
		this.totals.apply(back);
		assertThat(this.totals.read(Rollup.CONVERSATIONS, Rollup.DAY, List.of(20261130), false)).isEmpty();
		assertThat(this.totals.read(Rollup.AGENTS, Rollup.MONTH, List.of(202611), false)).isEmpty();
	}

	@Test
	void pendingConversationsAreTakenOldestFirstAndDeletedByEntry() {
		long before = this.pending.count();
		this.pending.add(7);
		this.pending.add(7);
		this.pending.add(9);
		List<PendingRepository.Entry> oldest = this.pending.oldest(1000);
		assertThat(oldest).hasSize((int) before + 3);
		List<PendingRepository.Entry> mine = oldest.subList(oldest.size() - 3, oldest.size());
		assertThat(mine).extracting(PendingRepository.Entry::conversationId).containsExactly(7L, 7L, 9L);
		this.pending.delete(mine.stream().map(PendingRepository.Entry::id).toList());
		assertThat(this.pending.count()).isEqualTo(before);
	}

}
