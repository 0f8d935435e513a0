package dev.parley.conversations.internal;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationQueue.QueueStats;
import dev.parley.conversations.ConversationQueue.Requeued;
import dev.parley.conversations.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.parley.conversations.internal.ConversationRows.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the queue repository must do on every supported database: first come, first served
 * within each group's queue (the id breaks ties), without messages left for later; loads,
 * statistics and the unanswered. One subclass per database ({@code @H2RepositoryTest} and
 * the like) runs these tests on the real migrations on a real engine, each in a
 * transaction rolled back at its end.
 */
abstract class QueueRepositoryContract extends ConversationsContract {

	@Autowired
	QueueRepository queues;

	private long sales;

	private long billing;

	@BeforeEach
	void groups() {
		this.sales = ReferencedRows.group(this.jdbc, "Sales");
		this.billing = ReferencedRows.group(this.jdbc, "Billing");
	}

	private long waiting(Long group, long createdAt) {
		return this.conversations
			.insert(ConversationRows.of(this.channel, this.visitor, at(createdAt), at(createdAt), group, null));
	}

	private long leftMessage(Long group, long createdAt) {
		long id = waiting(group, createdAt);
		this.conversations.markLeftMessage(id, at(createdAt));
		return id;
	}

	private long assigned(Long group, long agent, long createdAt, long assignedAt) {
		long id = waiting(group, createdAt);
		this.conversations.assignIfWaiting(id, agent, at(assignedAt));
		return id;
	}

	private void message(long conversation, long seq, Side side, long senderId, long at) {
		this.messages.insert(Draft.text(null, side, senderId, null, "text").toMessage(conversation, seq, at(at)));
	}

	private Conversation find(long id) {
		return this.conversations.findById(id).orElseThrow();
	}

	@Test
	void aQueueIsOldestFirstWithoutMessagesLeftForLaterAndWithoutOtherQueues() {
		long last = waiting(this.sales, 3_000);
		long first = waiting(this.sales, 1_000);
		long tiedFirst = waiting(this.sales, 2_000);
		long tiedSecond = waiting(this.sales, 2_000);
		leftMessage(this.sales, 500);
		assigned(this.sales, this.ann, 100, 200);
		long billings = waiting(this.billing, 100);
		long nobodys = waiting(null, 100);

		assertThat(this.queues.waitingIn(this.sales, 10)).extracting(Conversation::id)
			.containsExactly(first, tiedFirst, tiedSecond, last);
		assertThat(this.queues.waitingIn(this.sales, 2)).extracting(Conversation::id).containsExactly(first, tiedFirst);
		assertThat(this.queues.waitingIn(this.billing, 10)).extracting(Conversation::id).containsExactly(billings);
		assertThat(this.queues.waitingIn(null, 10)).extracting(Conversation::id).containsExactly(nobodys);
	}

	@Test
	void aheadAreTheEarlierOfTheSameQueueAndTheSameMillisecondWithASmallerId() {
		long first = waiting(this.sales, 1_000);
		long tiedFirst = waiting(this.sales, 2_000);
		long tiedSecond = waiting(this.sales, 2_000);
		leftMessage(this.sales, 500);
		assigned(this.sales, this.ann, 100, 200);
		waiting(this.billing, 100);
		long nobodys = waiting(null, 1_500);
		waiting(null, 1_600);

		assertThat(this.queues.ahead(find(first))).isZero();
		assertThat(this.queues.ahead(find(tiedFirst))).isEqualTo(1);
		assertThat(this.queues.ahead(find(tiedSecond))).isEqualTo(2);
		assertThat(this.queues.ahead(find(nobodys))).isZero();
	}

	@Test
	void openCountsAreEachAgentsAssignedConversationsAndZeroForAnAgentWithNone() {
		long cho = ReferencedRows.staffUser(this.jdbc, "cho");
		long dee = ReferencedRows.staffUser(this.jdbc, "dee");
		assigned(this.sales, this.ann, 100, 200);
		assigned(null, this.ann, 100, 200);
		long closed = assigned(null, this.ann, 100, 200);
		this.conversations.close(closed, at(300), ClosedBy.AGENT);
		assigned(this.billing, this.bob, 100, 200);
		assigned(null, dee, 100, 200);

		assertThat(this.queues.openCounts(List.of(this.ann, this.bob, cho)))
			.isEqualTo(Map.of(this.ann, 2, this.bob, 1, cho, 0));
		assertThat(this.queues.openCounts(List.of())).isEmpty();
	}

	@Test
	void queueStatsCountTheWaitingOfEachQueueAndTheLongestWaitingSince() {
		waiting(this.sales, 3_000);
		waiting(this.sales, 1_234);
		leftMessage(this.sales, 500);
		assigned(this.sales, this.ann, 100, 200);
		waiting(null, 2_000);
		assigned(this.billing, this.ann, 100, 200);

		assertThat(this.queues.queueStats()).containsExactlyInAnyOrder(new QueueStats(this.sales, 2, at(1_234)),
				new QueueStats(null, 1, at(2_000)));
	}

	@Test
	void theRecentWaitIsTheAverageOfTheQueuesLastTwentyRecentAssignmentsToTheMillisecond() {
		assigned(this.sales, this.ann, 0, 1_000_000);
		for (int i = 0; i < 20; i++) {
			long created = 2_000_000 + i * 10_000;
			assigned(this.sales, this.ann, created, created + ((i % 2 == 0) ? 1_500 : 2_500));
		}
		long requeued = assigned(this.sales, this.ann, 3_000_000, 3_600_000);
		this.conversations.requeueIfAssignedBefore(requeued, at(4_000_000));
		waiting(this.sales, 0);
		assigned(this.billing, this.ann, 0, 60_000);
		assigned(null, this.ann, 1_000, 1_250);
		// a message left overnight and answered in the morning is no wait in the queue
		long leftOvernight = leftMessage(this.sales, 4_100_000);
		this.conversations.assignTo(leftOvernight, this.ann, at(40_000_000));

		assertThat(this.queues.recentWaitSeconds(this.sales, at(0))).isEqualTo(OptionalDouble.of(2.0));
		assertThat(this.queues.recentWaitSeconds(this.billing, at(0))).isEqualTo(OptionalDouble.of(60.0));
		assertThat(this.queues.recentWaitSeconds(null, at(0))).isEqualTo(OptionalDouble.of(0.25));
		long empty = ReferencedRows.group(this.jdbc, "Empty");
		assertThat(this.queues.recentWaitSeconds(empty, at(0))).isEmpty();
		// only waits measured since the given time count: older ones are no basis
		assertThat(this.queues.recentWaitSeconds(this.billing, at(60_001))).isEmpty();
		assertThat(this.queues.recentWaitSeconds(this.sales, at(2_190_000))).isEqualTo(OptionalDouble.of(2.5));
	}

	@Test
	void unansweredAreAssignedConversationsWithoutAnAgentsMessageSinceTheAssignmentOldestFirst() {
		long silent = assigned(this.sales, this.ann, 100, 1_200);
		long answered = assigned(this.sales, this.ann, 100, 1_000);
		message(answered, 1, Side.AGENT, this.ann, 1_000);
		long answeredBefore = assigned(null, this.bob, 100, 800);
		message(answeredBefore, 1, Side.AGENT, this.ann, 799);
		message(answeredBefore, 2, Side.VISITOR, this.visitor, 900);
		assigned(this.sales, this.ann, 100, 2_000);
		long left = leftMessage(null, 100);
		this.conversations.assignTo(left, this.ann, at(500));
		long closed = assigned(null, this.ann, 100, 500);
		this.conversations.close(closed, at(600), ClosedBy.AGENT);
		waiting(null, 100);

		assertThat(this.queues.unanswered(at(2_000), 10)).containsExactly(new Requeued(answeredBefore, this.bob),
				new Requeued(silent, this.ann));
		assertThat(this.queues.unanswered(at(2_000), 1)).containsExactly(new Requeued(answeredBefore, this.bob));
		assertThat(this.queues.unanswered(at(800), 10)).isEmpty();
	}

}
