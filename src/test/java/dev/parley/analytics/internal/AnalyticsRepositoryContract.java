package dev.parley.analytics.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.Spreadsheets.Format;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the statistics tables must keep on every supported database: a fact exactly as
 * folded (histograms, nulls, the fold's state), its totals added and taken back; a
 * scheduled report and the compare-and-set of its planned times. One subclass per
 * database, each test in a transaction rolled back at its end.
 */
abstract class AnalyticsRepositoryContract {

	@Autowired
	FactRepository facts;

	@Autowired
	RollupRepository totals;

	@Autowired
	PendingRepository pending;

	@Autowired
	ReportScheduleRepository schedules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFactIsStoredAndReadBackExactlyAsFolded() {
		ConversationFact folded = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer(),
				ConversationFoldTests.facts(1, ConversationFoldTests.T0, null, 5, true));
		this.facts.save(List.of(folded), Set.of());
		ConversationFact read = this.facts.load(List.of(1L)).get(1L);
		assertThat(FactRepository.fingerprint(read)).isEqualTo(FactRepository.fingerprint(folded));
		assertThat(this.facts.lastSeqs(List.of(1L, 2L))).containsExactly(Map.entry(1L, 10L));

		// an open conversation, folded on: the update keeps the running state
		ConversationFact open = ConversationFoldTests.fold(ConversationFoldTests.chatWithTransfer().subList(0, 5),
				ConversationFoldTests.facts(2, ConversationFoldTests.T0, null, null, false));
		this.facts.save(List.of(open), Set.of());
		ConversationFact again = this.facts.load(List.of(2L)).get(2L);
		ConversationFold.apply(again, ConversationFoldTests.facts(2, ConversationFoldTests.T0, null, null, false),
				ConversationFoldTests.chatWithTransfer().subList(5, 10), ConversationFoldTests.ZONE,
				ConversationFoldTests.NINE_TO_FIVE);
		this.facts.save(List.of(again), Set.of(2L));
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

	@Test
	void aScheduleKeepsWhatWasAskedAndEachPlannedTimeIsTakenOnce() {
		long owner = staffUser("owner");
		long wang = staffUser("wang");
		long li = staffUser("li");
		Instant created = Instant.parse("2026-12-01T01:00:00Z");
		ReportSchedule asked = new ReportSchedule(0, owner, "每周客服报表", "agents", null, 7L, "business",
				ReportSchedule.Frequency.WEEKLY, DayOfWeek.MONDAY, 9, ReportSchedule.Period.LAST_WEEK, Format.XLSX,
				true, List.of(li, wang), created, created, created);
		long id = this.schedules.insert(asked);
		ReportSchedule stored = this.schedules.find(id).orElseThrow();
		assertThat(stored).isEqualTo(new ReportSchedule(id, owner, "每周客服报表", "agents", null, 7L, "business",
				ReportSchedule.Frequency.WEEKLY, DayOfWeek.MONDAY, 9, ReportSchedule.Period.LAST_WEEK, Format.XLSX,
				true, List.of(wang, li).stream().sorted().toList(), created, created, created));
		assertThat(this.schedules.owned(owner)).extracting(ReportSchedule::id).containsExactly(id);
		assertThat(this.schedules.countOwned(owner)).isEqualTo(1);

		Instant monday = Instant.parse("2026-12-07T01:00:00Z");
		assertThat(this.schedules.takeSlot(id, created, monday)).isTrue();
		assertThat(this.schedules.takeSlot(id, created, monday)).as("taken already").isFalse();
		assertThat(this.schedules.find(id).orElseThrow().lastSlot()).isEqualTo(monday);

		this.schedules.update(new ReportSchedule(id, owner, "Daily", "overview", 3L, null, "calendar",
				ReportSchedule.Frequency.DAILY, null, 0, ReportSchedule.Period.YESTERDAY, Format.CSV, false,
				List.of(wang), monday, created, monday));
		ReportSchedule changed = this.schedules.find(id).orElseThrow();
		assertThat(changed.weekday()).isNull();
		assertThat(changed.recipients()).containsExactly(wang);
		assertThat(changed.enabled()).isFalse();
		assertThat(this.schedules.enabled()).extracting(ReportSchedule::id).doesNotContain(id);

		this.jdbc.sql("DELETE FROM staff_user WHERE id = ?").param(wang).update();
		assertThat(this.schedules.find(id).orElseThrow().recipients()).as("a deleted user receives nothing").isEmpty();
		assertThat(this.schedules.delete(id)).isTrue();
		assertThat(this.schedules.find(id)).isEmpty();
	}

	/** A staff user (the schedules refer to them), written with plain SQL. */
	private long staffUser(String name) {
		long role = this.jdbc.sql("SELECT id FROM staff_role WHERE name = 'supervisor'").query(Long.class).single();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO staff_user (username, display_name, role_id, enabled, password_hash, password_changed_at, "
						+ "password_change_required, created_at) VALUES (?, ?, ?, TRUE, '{noop}x', 0, FALSE, 0)")
			.params(name + System.nanoTime(), name, role)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
