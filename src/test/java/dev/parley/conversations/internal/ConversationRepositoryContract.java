package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.Side;
import org.junit.jupiter.api.Test;

import static dev.parley.conversations.internal.ConversationRows.TRICKY_TEXT;
import static dev.parley.conversations.internal.ConversationRows.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the conversation repository must do on every supported database: storing, reading
 * and locking a conversation and every change of its state. One subclass per database
 * ({@code @H2RepositoryTest} and the like) runs these tests on the real migrations on a
 * real engine, each in a transaction rolled back at its end.
 */
abstract class ConversationRepositoryContract extends ConversationsContract {

	private long insert(long createdAt) {
		return this.conversations.insert(ConversationRows.waiting(this.channel, this.visitor, at(createdAt)));
	}

	private Conversation find(long id) {
		return this.conversations.findById(id).orElseThrow();
	}

	@Test
	void storesAndReadsAConversationWithTextVerbatimAndTimesToTheMillisecond() {
		long group = ReferencedRows.group(this.jdbc, "Sales");
		Conversation draft = new Conversation(0, this.channel, this.visitor, ConversationStatus.WAITING, null,
				TRICKY_TEXT, "https://shop.example/p?q=%E4%BD%A0&x='1'&y=\"2\"", "https://search.example/?q=a_b%25",
				"Mozilla/5.0 (X11; Linux) \"quoted\" \\", "2001:db8::ff00:42:8329", "zh-Hans-CN",
				at(1_800_000_000_123L), null, null, null, at(1_800_000_000_456L), null, 0, 0, 0, null, null, null,
				group, at(1_800_000_000_789L));
		long id = this.conversations.insert(draft);

		assertThat(find(id)).usingRecursiveComparison().ignoringFields("id", "awaitingReplySince").isEqualTo(draft);
		assertThat(find(id).id()).isEqualTo(id);
		assertThat(find(id).awaitingReplySince()).as("the question awaits its answer").isEqualTo(draft.createdAt());
	}

	@Test
	void emptyColumnsComeBackAsNull() {
		long id = insert(1_000);
		Conversation stored = find(id);
		assertThat(stored.assigneeId()).isNull();
		assertThat(stored.question()).isNull();
		assertThat(stored.pageUrl()).isNull();
		assertThat(stored.referrer()).isNull();
		assertThat(stored.userAgent()).isNull();
		assertThat(stored.sealedIp()).isNull();
		assertThat(stored.language()).isNull();
		assertThat(stored.assignedAt()).isNull();
		assertThat(stored.closedAt()).isNull();
		assertThat(stored.closedBy()).isNull();
		assertThat(stored.lastMessagePreview()).isNull();
		assertThat(stored.rating()).isNull();
		assertThat(stored.ratingComment()).isNull();
		assertThat(stored.ratedAt()).isNull();
		assertThat(stored.groupId()).isNull();
		assertThat(stored.leftMessageAt()).isNull();
		assertThat(stored.lastMessageAttachment()).isNull();
		assertThat(stored.awaitingReplySince()).isNull();
		assertThat(this.conversations.findById(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aWaitingConversationIsAssignedOnceAndThenRefusesOtherAgents() {
		long id = insert(1_000);
		assertThat(this.conversations.assignIfWaiting(id, this.ann, at(2_345))).isTrue();
		assertThat(this.conversations.assignIfWaiting(id, this.bob, at(3_000))).isFalse();
		Conversation assigned = find(id);
		assertThat(assigned.status()).isEqualTo(ConversationStatus.ASSIGNED);
		assertThat(assigned.assigneeId()).isEqualTo(this.ann);
		assertThat(assigned.assignedAt()).isEqualTo(at(2_345));
		assertThat(this.conversations.assignIfWaiting(Long.MAX_VALUE, this.ann, at(3_000))).isFalse();
	}

	@Test
	void aClosedConversationIsNotAssignedIfWaiting() {
		long id = insert(1_000);
		this.conversations.close(id, at(2_000), ClosedBy.VISITOR);
		assertThat(this.conversations.assignIfWaiting(id, this.ann, at(3_000))).isFalse();
		assertThat(find(id).assigneeId()).isNull();
	}

	@Test
	void onlyAConversationAssignedBeforeTheGivenTimeGoesBackToTheQueue() {
		long id = insert(1_000);
		this.conversations.assignIfWaiting(id, this.ann, at(5_000));
		assertThat(this.conversations.requeueIfAssignedBefore(id, at(5_000))).as("assigned at that time").isFalse();
		assertThat(find(id).assigneeId()).isEqualTo(this.ann);

		assertThat(this.conversations.requeueIfAssignedBefore(id, at(5_001))).isTrue();
		Conversation back = find(id);
		assertThat(back.status()).isEqualTo(ConversationStatus.WAITING);
		assertThat(back.assigneeId()).isNull();
		assertThat(back.assignedAt()).isNull();
		assertThat(this.conversations.requeueIfAssignedBefore(id, at(5_001))).as("waiting already").isFalse();
	}

	@Test
	void aClosedConversationDoesNotGoBackToTheQueue() {
		long id = insert(1_000);
		this.conversations.assignIfWaiting(id, this.ann, at(2_000));
		this.conversations.close(id, at(3_000), ClosedBy.AGENT);
		assertThat(this.conversations.requeueIfAssignedBefore(id, at(9_000))).isFalse();
		assertThat(find(id).status()).isEqualTo(ConversationStatus.CLOSED);
	}

	@Test
	void aConversationIsHandedToAnAgentAndRequeuedIntoAGroup() {
		long id = insert(1_000);
		long group = ReferencedRows.group(this.jdbc, "Billing");
		this.conversations.assignIfWaiting(id, this.ann, at(2_000));
		this.conversations.assignTo(id, this.bob, at(3_000));
		assertThat(find(id).assigneeId()).isEqualTo(this.bob);
		assertThat(find(id).assignedAt()).isEqualTo(at(3_000));

		this.conversations.requeue(id, group);
		Conversation requeued = find(id);
		assertThat(requeued.status()).isEqualTo(ConversationStatus.WAITING);
		assertThat(requeued.assigneeId()).isNull();
		assertThat(requeued.assignedAt()).isNull();
		assertThat(requeued.groupId()).isEqualTo(group);

		this.conversations.placeInGroup(id, null);
		assertThat(find(id).groupId()).isNull();
	}

	@Test
	void closingRecordsWhenAndByWhatAndReopeningClearsBoth() {
		long id = insert(1_000);
		this.conversations.assignIfWaiting(id, this.ann, at(2_000));
		this.conversations.close(id, at(3_456), ClosedBy.TIMEOUT);
		Conversation closed = find(id);
		assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
		assertThat(closed.closedAt()).isEqualTo(at(3_456));
		assertThat(closed.closedBy()).isEqualTo(ClosedBy.TIMEOUT);

		this.conversations.reopen(id, ConversationStatus.ASSIGNED);
		Conversation reopened = find(id);
		assertThat(reopened.status()).isEqualTo(ConversationStatus.ASSIGNED);
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.closedBy()).isNull();
		assertThat(reopened.assigneeId()).as("kept").isEqualTo(this.ann);
	}

	@Test
	void aReadMarkOnlyMovesForwardAndNeverPastTheLastMessage() {
		long id = insert(1_000);
		this.conversations.recordSeq(id, 5);
		assertThat(this.conversations.markRead(id, Side.VISITOR, 3)).isTrue();
		assertThat(this.conversations.markRead(id, Side.VISITOR, 3)).as("there already").isFalse();
		assertThat(this.conversations.markRead(id, Side.VISITOR, 2)).as("backwards").isFalse();
		assertThat(this.conversations.markRead(id, Side.VISITOR, 6)).as("past the last message").isFalse();
		assertThat(find(id).visitorReadSeq()).isEqualTo(3);

		assertThat(this.conversations.markRead(id, Side.VISITOR, 5)).isTrue();
		assertThat(this.conversations.markRead(id, Side.AGENT, 4)).isTrue();
		Conversation read = find(id);
		assertThat(read.visitorReadSeq()).isEqualTo(5);
		assertThat(read.agentReadSeq()).isEqualTo(4);
		assertThat(read.lastSeq()).isEqualTo(5);
	}

	@Test
	void aConversationIsRatedOnlyOnceAndOnlyWhenClosed() {
		long id = insert(1_000);
		assertThat(this.conversations.rate(id, 4, "too early", at(2_000))).as("open").isFalse();
		this.conversations.close(id, at(3_000), ClosedBy.VISITOR);

		assertThat(this.conversations.rate(id, 5, TRICKY_TEXT, at(4_567))).isTrue();
		assertThat(this.conversations.rate(id, 1, "changed my mind", at(5_000))).isFalse();
		Conversation rated = find(id);
		assertThat(rated.rating()).isEqualTo(5);
		assertThat(rated.ratingComment()).isEqualTo(TRICKY_TEXT);
		assertThat(rated.ratedAt()).isEqualTo(at(4_567));
	}

	@Test
	void aRatingWithoutACommentKeepsTheCommentNull() {
		long id = insert(1_000);
		this.conversations.close(id, at(2_000), ClosedBy.AGENT);
		assertThat(this.conversations.rate(id, 3, null, at(3_000))).isTrue();
		assertThat(find(id).rating()).isEqualTo(3);
		assertThat(find(id).ratingComment()).isNull();
	}

	@Test
	void aMessageIsLeftOnlyOnceAndOnlyWhileWaiting() {
		long waiting = insert(1_000);
		assertThat(this.conversations.markLeftMessage(waiting, at(2_345))).isTrue();
		assertThat(this.conversations.markLeftMessage(waiting, at(3_000))).isFalse();
		assertThat(find(waiting).leftMessageAt()).isEqualTo(at(2_345));

		long assigned = insert(1_000);
		this.conversations.assignIfWaiting(assigned, this.ann, at(1_500));
		assertThat(this.conversations.markLeftMessage(assigned, at(2_000))).isFalse();
		assertThat(find(assigned).leftMessageAt()).isNull();
	}

	@Test
	void lockReadsTheRowAndLockAllReadsEveryRowThatExists() {
		long first = insert(1_000);
		long second = insert(2_000);
		long third = insert(3_000);
		assertThat(this.conversations.lock(second)).contains(find(second));
		assertThat(this.conversations.lock(Long.MAX_VALUE)).isEmpty();

		assertThat(this.conversations.lockAll(List.of(third, first, Long.MAX_VALUE))).containsOnlyKeys(first, third)
			.containsEntry(first, find(first))
			.containsEntry(third, find(third));
		assertThat(this.conversations.lockAll(List.of(second))).containsOnlyKeys(second)
			.containsEntry(second, find(second));
	}

	@Test
	void appendsSetTheLastMessageAndMoveEachReadMarkOnlyForward() {
		long first = insert(1_000);
		long second = insert(1_000);
		this.conversations.recordSeq(first, 8);
		this.conversations.markRead(first, Side.VISITOR, 8);
		this.conversations.markRead(first, Side.AGENT, 2);

		AppendMark agentWrote = new AppendMark(first);
		agentWrote.add(9, at(5_678), "答复 😀", null, Side.AGENT);
		AppendMark visitorThenEvent = new AppendMark(second);
		visitorThenEvent.add(1, at(6_000), "hello", null, Side.VISITOR);
		visitorThenEvent.add(2, at(6_001), null, null, Side.SYSTEM);
		this.conversations.recordAppends(List.of(agentWrote, visitorThenEvent));

		Conversation one = find(first);
		assertThat(one.lastSeq()).isEqualTo(9);
		assertThat(one.lastMessageAt()).isEqualTo(at(5_678));
		assertThat(one.lastMessagePreview()).isEqualTo("答复 😀");
		assertThat(one.agentReadSeq()).isEqualTo(9);
		assertThat(one.visitorReadSeq()).as("not moved back").isEqualTo(8);
		Conversation two = find(second);
		assertThat(two.lastSeq()).isEqualTo(2);
		assertThat(two.lastMessageAt()).isEqualTo(at(6_001));
		assertThat(two.lastMessagePreview()).as("an event line has none").isNull();
		assertThat(two.visitorReadSeq()).isEqualTo(1);
		assertThat(two.agentReadSeq()).isZero();
	}

	@Test
	void aFileIsListedByItsNameAndKind() {
		long id = insert(1_000);
		AppendMark file = new AppendMark(id);
		file.add(1, at(2_000), "合同 scan.pdf", PreviewAttachment.FILE, Side.VISITOR);
		this.conversations.recordAppends(List.of(file));
		assertThat(find(id).lastMessagePreview()).isEqualTo("合同 scan.pdf");
		assertThat(find(id).lastMessageAttachment()).isEqualTo(PreviewAttachment.FILE);
		AppendMark text = new AppendMark(id);
		text.add(2, at(3_000), "thanks", null, Side.VISITOR);
		this.conversations.recordAppends(List.of(text));
		assertThat(find(id).lastMessageAttachment()).isNull();
	}

	@Test
	void theVisitorAwaitsAReplyFromTheOldestUnansweredMessageUntilAnAgentWrites() {
		long id = insert(1_000);
		long other = insert(1_000);
		AppendMark first = new AppendMark(id);
		first.add(1, at(2_000), "hello?", null, Side.VISITOR);
		AppendMark answered = new AppendMark(other);
		answered.add(1, at(2_000), "hi", null, Side.VISITOR);
		answered.add(2, at(2_500), "hello, how can I help?", null, Side.AGENT);
		this.conversations.recordAppends(List.of(first, answered));
		assertThat(find(id).awaitingReplySince()).isEqualTo(at(2_000));
		assertThat(find(other).awaitingReplySince()).isNull();

		AppendMark again = new AppendMark(id);
		again.add(2, at(4_000), "anyone there?", null, Side.VISITOR);
		again.add(3, at(4_001), null, null, Side.SYSTEM);
		this.conversations.recordAppends(List.of(again));
		assertThat(find(id).awaitingReplySince()).as("still since the first").isEqualTo(at(2_000));

		AppendMark replyThenQuestion = new AppendMark(id);
		replyThenQuestion.add(4, at(5_000), "here", null, Side.AGENT);
		replyThenQuestion.add(5, at(5_500), "where is my parcel?", null, Side.VISITOR);
		this.conversations.recordAppends(List.of(replyThenQuestion));
		assertThat(find(id).awaitingReplySince()).as("a new wait after the reply").isEqualTo(at(5_500));

		this.conversations.close(id, at(6_000), ClosedBy.AGENT);
		assertThat(find(id).awaitingReplySince()).as("a closed conversation awaits nothing").isNull();
	}

}
