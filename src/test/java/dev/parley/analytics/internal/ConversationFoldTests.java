package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.agents.BusinessCalendars.WorkingTime;
import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.ConversationFacts.Line;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The figures of hand-made transcripts, worked out by hand: a chat with a transfer, one
 * abandoned in the queue, a message left in the evening and answered in the morning (in
 * business hours 09:00-17:00), a reopened one; folded all at once, line by line and
 * twice.
 */
class ConversationFoldTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 2026-11-30, 10:00 in Shanghai. */
	static final Instant T0 = LocalDateTime.of(2026, 11, 30, 10, 0).atZone(ZONE).toInstant();

	/** 09:00-17:00 in Shanghai, every day. */
	static final WorkingTime NINE_TO_FIVE = new NineToFive();

	private static final long ANN = 7;

	private static final long BOB = 8;

	@Test
	void aChatWithATransferGivesEveryFigureWorkedOutByHand() {
		ConversationFact f = fold(chatWithTransfer(), facts(1, T0, null, 5, true));

		assertThat(f.day).isEqualTo(20261130);
		assertThat(f.hour).isEqualTo(10);
		assertThat(f.messagesIn).isEqualTo(4);
		assertThat(f.messagesOut).isEqualTo(3);
		assertThat(f.waitMs).isEqualTo(20_000);
		assertThat(f.firstResponseMs).isEqualTo(50_000);
		assertThat(f.replies.n).isEqualTo(2);
		assertThat(f.replies.sumMs).isEqualTo(90_000);
		assertThat(f.handlingMs).isEqualTo(160_000 + 120_000);
		assertThat(f.resolutionMs).isEqualTo(300_000);
		assertThat(f.transfers).isEqualTo(1);
		assertThat(f.closedBy).isEqualTo(ClosedBy.AGENT);
		assertThat(f.abandoned()).isFalse();
		assertThat(f.agentId).isEqualTo(BOB);
		// within business hours the two clocks agree
		assertThat(f.firstResponseBhMs).isEqualTo(f.firstResponseMs);
		assertThat(f.handlingBhMs).isEqualTo(f.handlingMs);

		Participation ann = f.participations.get(ANN);
		assertThat(ann.assigned).isEqualTo(1);
		assertThat(ann.firstResponse).isTrue();
		assertThat(ann.firstResponseMs).isEqualTo(50_000);
		assertThat(ann.replies.sumMs).isEqualTo(60_000);
		assertThat(ann.handlingMs).isEqualTo(160_000);
		assertThat(ann.transfersOut).isEqualTo(1);
		assertThat(ann.resolved).isFalse();
		Participation bob = f.participations.get(BOB);
		assertThat(bob.firstResponse).isFalse();
		assertThat(bob.replies.sumMs).isEqualTo(30_000);
		assertThat(bob.handlingMs).isEqualTo(120_000);
		assertThat(bob.resolved).isTrue();

		Map<Tally.Key, Tally> totals = Contribution.of(f);
		Tally day = totals.get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.DAY, 20261130, 3, 0));
		assertThat(day.get(Counter.CONVERSATIONS)).isEqualTo(1);
		assertThat(day.get(Counter.HOUR_10)).isEqualTo(1);
		assertThat(day.get(Counter.RATING_5)).isEqualTo(1);
		assertThat(day.get(Counter.COMMENTED)).isEqualTo(1);
		// replies 30 s and 60 s: median (nearest rank) 30 s, p90 60 s, average 45 s
		Figures.Duration replies = Figures.Duration.of(day.samples(Metric.REPLY), false);
		assertThat(replies).isEqualTo(new Figures.Duration(2, 30_000L, 60_000L, 45_000L));
		assertThat(totals.get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.MONTH, 202611, 3, 0)).get(Counter.CLOSED))
			.isEqualTo(1);
		Tally bobs = totals.get(new Tally.Key(Rollup.AGENTS, Rollup.DAY, 20261130, BOB, 0));
		assertThat(bobs.get(Counter.RESOLVED)).isEqualTo(1);
		assertThat(bobs.get(Counter.RATED)).as("the rating goes to the agent it closed with").isEqualTo(1);
		assertThat(totals.get(new Tally.Key(Rollup.AGENTS, Rollup.DAY, 20261130, ANN, 0)).get(Counter.RATED)).isZero();
	}

	@Test
	void aVisitorWhoLeavesTheQueueAbandonedTheConversation() {
		List<Line> lines = List.of(visitor(1, 0), closed(2, 120, "visitor", null));
		ConversationFact f = fold(lines, facts(2, T0, null, null, false));

		assertThat(f.abandoned()).isTrue();
		assertThat(f.waitMs).isNull();
		Tally day = Contribution.of(f).get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.DAY, 20261130, 3, 0));
		assertThat(day.get(Counter.ABANDONED)).isEqualTo(1);
		assertThat(Figures.Duration.of(day.samples(Metric.ABANDON), false).median()).isEqualTo(120_000);
		assertThat(day.samples(Metric.RESOLUTION).n).as("no agent answered it").isZero();
		assertThat(day.samples(Metric.HANDLING).n).isZero();
	}

	@Test
	void aMessageLeftInTheEveningCountsOnlyBusinessHoursUntilTheAnswer() {
		// left Monday 20:00, answered Tuesday 09:30: 13.5 hours, of which 30 minutes in
		// business hours
		Instant left = T0.plus(Duration.ofHours(10));
		List<Line> lines = List.of(new Line(1, Side.VISITOR, 1L, MessageKind.TEXT, null, null, left),
				new Line(2, Side.AGENT, ANN, MessageKind.TEXT, null, null, left.plus(Duration.ofMinutes(810))));
		ConversationFact f = fold(lines, facts(3, left, left, null, false));

		assertThat(f.leftMessage).isTrue();
		assertThat(f.leftAnswerMs).isEqualTo(Duration.ofMinutes(810).toMillis());
		assertThat(f.leftAnswerBhMs).isEqualTo(Duration.ofMinutes(30).toMillis());
		assertThat(f.firstResponseMs).as("a left message has no live first response").isNull();
		Tally day = Contribution.of(f).get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.DAY, 20261130, 3, 0));
		assertThat(day.get(Counter.LEFT_MESSAGES)).isEqualTo(1);
		assertThat(day.get(Counter.LEFT_ANSWERED)).isEqualTo(1);
		assertThat(day.get(Counter.LIVE)).isZero();
		assertThat(day.get(Counter.HOUR_20)).isEqualTo(1);
	}

	@Test
	void aReopenedConversationIsResolvedAtItsLastCloseAndCountsOneReopening() {
		List<Line> lines = List.of(visitor(1, 0), assigned(2, 10, ANN), agent(3, 40, ANN), closed(4, 100, "agent", ANN),
				new Line(5, Side.SYSTEM, null, MessageKind.EVENT, TimelineEvent.REOPENED, "visitor", at(160)),
				visitor(6, 160), agent(7, 190, ANN), closed(8, 400, "agent", ANN));
		ConversationFact f = fold(lines, facts(4, T0, null, null, false));

		assertThat(f.reopens).isEqualTo(1);
		assertThat(f.resolutionMs).isEqualTo(400_000);
		assertThat(f.handlingMs).as("10 s-100 s and 160 s-400 s").isEqualTo(90_000 + 240_000);
		assertThat(f.replies.sumMs).isEqualTo(30_000);

		// between the two closes, it counts as open: no resolution, no handling
		ConversationFact open = fold(lines.subList(0, 6), facts(4, T0, null, null, false));
		Tally day = Contribution.of(open).get(new Tally.Key(Rollup.CONVERSATIONS, Rollup.DAY, 20261130, 3, 0));
		assertThat(day.get(Counter.CLOSED)).isZero();
		assertThat(day.get(Counter.REOPENED)).isEqualTo(1);
		assertThat(day.samples(Metric.RESOLUTION).n).isZero();
	}

	@Test
	void foldingLineByLineOrTwiceGivesTheSameFiguresAsAllAtOnce() {
		ConversationFacts.Facts now = facts(1, T0, null, 5, true);
		ConversationFact whole = fold(chatWithTransfer(), now);

		ConversationFact pieces = new ConversationFact(1);
		for (Line line : chatWithTransfer()) {
			ConversationFold.apply(pieces, now, List.of(line), ZONE, NINE_TO_FIVE);
		}
		ConversationFold.apply(pieces, now, chatWithTransfer(), ZONE, NINE_TO_FIVE);

		assertThat(FactRepository.fingerprint(pieces)).isEqualTo(FactRepository.fingerprint(whole));
	}

	@Test
	void aGapInTheLinesIsRefusedRatherThanCountedWrong() {
		ConversationFact f = new ConversationFact(1);
		assertThatIllegalStateException().isThrownBy(() -> ConversationFold.apply(f, facts(1, T0, null, null, false),
				List.of(agent(2, 5, ANN)), ZONE, NINE_TO_FIVE));
	}

	@Test
	void contributionsTakenBackLeaveNothing() {
		ConversationFact f = fold(chatWithTransfer(), facts(1, T0, null, 5, true));
		Map<Tally.Key, Tally> totals = Contribution.of(f);
		Contribution.add(f, -1, totals);
		assertThat(totals.values()).allMatch(Tally::isZero);
	}

	/** Ann takes it, answers, hands it to Bob, Bob answers and closes it. */
	static List<Line> chatWithTransfer() {
		return List.of(visitor(1, 0), assigned(2, 20, ANN), agent(3, 50, ANN), visitor(4, 60), visitor(5, 90),
				agent(6, 120, ANN),
				new Line(7, Side.SYSTEM, BOB, MessageKind.EVENT, TimelineEvent.TRANSFERRED, "agent", at(180)),
				visitor(8, 190), agent(9, 220, BOB), closed(10, 300, "agent", BOB));
	}

	static ConversationFact fold(List<Line> lines, ConversationFacts.Facts now) {
		ConversationFact fact = new ConversationFact(now.id());
		ConversationFold.apply(fact, now, new ArrayList<>(lines), ZONE, NINE_TO_FIVE);
		return fact;
	}

	static ConversationFacts.Facts facts(long id, Instant started, Instant left, Integer rating, boolean commented) {
		return new ConversationFacts.Facts(id, 3, null, started, ConversationStatus.CLOSED, null, left, rating,
				(rating != null) ? started.plus(Duration.ofHours(1)) : null, commented, 0, null);
	}

	private static Instant at(int seconds) {
		return T0.plusSeconds(seconds);
	}

	private static Line visitor(long seq, int seconds) {
		return new Line(seq, Side.VISITOR, 1L, MessageKind.TEXT, null, null, at(seconds));
	}

	private static Line agent(long seq, int seconds, long agentId) {
		return new Line(seq, Side.AGENT, agentId, MessageKind.TEXT, null, null, at(seconds));
	}

	private static Line assigned(long seq, int seconds, long agentId) {
		return new Line(seq, Side.SYSTEM, agentId, MessageKind.EVENT, TimelineEvent.ASSIGNED, null, at(seconds));
	}

	private static Line closed(long seq, int seconds, String by, Long agentId) {
		return new Line(seq, Side.SYSTEM, agentId, MessageKind.EVENT, TimelineEvent.CLOSED, by, at(seconds));
	}

	/** Working time 09:00-17:00 in Shanghai every day, minute by minute arithmetic. */
	private static final class NineToFive implements WorkingTime {

		@Override
		public Duration workingBetween(Instant from, Instant to) {
			Duration total = Duration.ZERO;
			LocalDate day = from.atZone(ZONE).toLocalDate();
			while (!day.atStartOfDay(ZONE).toInstant().isAfter(to)) {
				Instant open = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
				Instant close = day.atTime(LocalTime.of(17, 0)).atZone(ZONE).toInstant();
				Instant start = from.isAfter(open) ? from : open;
				Instant end = to.isBefore(close) ? to : close;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
				day = day.plusDays(1);
			}
			return total;
		}

		@Override
		public Instant addWorking(Instant from, Duration amount) {
			throw new UnsupportedOperationException();
		}

	}

}
