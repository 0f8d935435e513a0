package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import dev.parley.conversations.internal.ConversationLists.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.parley.conversations.internal.ConversationRows.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the conversation lists must do on every supported database: keyset pages in a
 * stable order (the id breaks ties), transcript search that takes the searched text
 * literally, and the inactivity sweep. One subclass per database
 * ({@code @H2RepositoryTest} and the like) runs these tests on the real migrations on a
 * real engine, each in a transaction rolled back at its end.
 */
abstract class ConversationListsContract extends ConversationsContract {

	@Autowired
	ConversationLists lists;

	private long waiting(long createdAt) {
		return this.conversations.insert(ConversationRows.waiting(this.channel, this.visitor, at(createdAt)));
	}

	private long active(long lastMessageAt) {
		return this.conversations
			.insert(ConversationRows.of(this.channel, this.visitor, at(0), at(lastMessageAt), null, null));
	}

	private long assigned(long agent, long lastMessageAt) {
		long id = active(lastMessageAt);
		this.conversations.assignIfWaiting(id, agent, at(0));
		return id;
	}

	private long closed(Long agent, long closedAt) {
		long id = waiting(0);
		if (agent != null) {
			this.conversations.assignIfWaiting(id, agent, at(0));
		}
		this.conversations.close(id, at(closedAt), ClosedBy.AGENT);
		return id;
	}

	private long withText(long channelId, long createdAt, String body) {
		long id = this.conversations.insert(ConversationRows.waiting(channelId, this.visitor, at(createdAt)));
		this.messages.insert(Draft.text(null, Side.VISITOR, this.visitor, null, body).toMessage(id, 1, at(createdAt)));
		return id;
	}

	private static ConversationLists.Cursor next(ConversationLists.Page page) {
		assertThat(page.nextCursor()).isNotNull();
		return ConversationLists.Cursor.parse(page.nextCursor());
	}

	@Test
	void theQueuePagesOldestFirstAndAPageBreakBetweenTwoOfTheSameMillisecondLosesNone() {
		long last = waiting(3_000);
		long first = waiting(1_000);
		long tiedFirst = waiting(2_000);
		long tiedSecond = waiting(2_000);
		assigned(this.ann, 1_500);

		ConversationLists.Page one = this.lists.waiting(null, 2);
		assertThat(one.items()).extracting(Conversation::id).containsExactly(first, tiedFirst);
		ConversationLists.Page two = this.lists.waiting(next(one), 2);
		assertThat(two.items()).extracting(Conversation::id).containsExactly(tiedSecond, last);
		assertThat(two.nextCursor()).isNull();
	}

	@Test
	void openConversationsPageMostRecentlyActiveFirstOfOneAgentOrOfEveryone() {
		long annOld = assigned(this.ann, 5_000);
		long annTiedFirst = assigned(this.ann, 7_000);
		long annTiedSecond = assigned(this.ann, 7_000);
		long bobs = assigned(this.bob, 6_000);
		active(9_000);
		closed(this.ann, 9_000);

		ConversationLists.Page one = this.lists.open(this.ann, null, 2);
		assertThat(one.items()).extracting(Conversation::id).containsExactly(annTiedSecond, annTiedFirst);
		ConversationLists.Page two = this.lists.open(this.ann, next(one), 2);
		assertThat(two.items()).extracting(Conversation::id).containsExactly(annOld);
		assertThat(two.nextCursor()).isNull();
		assertThat(this.lists.open(null, null, 10).items()).extracting(Conversation::id)
			.containsExactly(annTiedSecond, annTiedFirst, bobs, annOld);
		assertThat(this.lists.openOf(this.bob, 10)).extracting(Conversation::id).containsExactly(bobs);
		assertThat(this.lists.inProgress(1)).extracting(Conversation::id).containsExactly(annTiedSecond);
	}

	@Test
	void closedConversationsPageMostRecentlyClosedFirstOfOneAgentOrOfEveryone() {
		long annEarly = closed(this.ann, 3_000);
		long annTiedFirst = closed(this.ann, 4_000);
		long annTiedSecond = closed(this.ann, 4_000);
		long nobodys = closed(null, 3_500);
		assigned(this.ann, 9_000);

		ConversationLists.Page one = this.lists.closed(this.ann, null, 1);
		assertThat(one.items()).extracting(Conversation::id).containsExactly(annTiedSecond);
		ConversationLists.Page two = this.lists.closed(this.ann, next(one), 5);
		assertThat(two.items()).extracting(Conversation::id).containsExactly(annTiedFirst, annEarly);
		assertThat(two.nextCursor()).isNull();
		assertThat(this.lists.closed(null, null, 10).items()).extracting(Conversation::id)
			.containsExactly(annTiedSecond, annTiedFirst, nobodys, annEarly);
	}

	@Test
	void searchTakesWildcardsBackslashesAndTheEscapeCharacterLiterally() {
		long percent = withText(this.channel, 1_000, "100% sure");
		long digits = withText(this.channel, 2_000, "1000 pieces");
		long underscore = withText(this.channel, 3_000, "see snake_case");
		long letter = withText(this.channel, 4_000, "see snakeXcase");
		long backslash = withText(this.channel, 5_000, "saved in C:\\temp\\new");
		long bang = withText(this.channel, 6_000, "wow!% deal");

		assertThat(searchFor("0%")).containsExactly(percent);
		assertThat(searchFor("%")).containsExactly(bang, percent);
		assertThat(searchFor("e_c")).containsExactly(underscore);
		assertThat(searchFor("_")).containsExactly(underscore);
		assertThat(searchFor("\\temp\\n")).containsExactly(backslash);
		assertThat(searchFor("\\")).containsExactly(backslash);
		assertThat(searchFor("!%")).containsExactly(bang);
		assertThat(searchFor("1000")).containsExactly(digits);
		assertThat(searchFor("snake")).containsExactly(letter, underscore);
	}

	@Test
	void searchIgnoresCaseAndKeepsOtherCharactersAsTheyAre() {
		long mixed = withText(this.channel, 1_000, "Where is my ORDER? Café ÉCOLE Ünïcode");
		long chinese = withText(this.channel, 2_000, "我要退款 😀");
		long quoted = withText(this.channel, 3_000, "it's <b>\"bold\"</b>\nnext line");

		assertThat(searchFor("order")).containsExactly(mixed);
		assertThat(searchFor("WHERE IS")).containsExactly(mixed);
		assertThat(searchFor("école")).containsExactly(mixed);
		assertThat(searchFor("CAFÉ")).containsExactly(mixed);
		assertThat(searchFor("üNÏ")).containsExactly(mixed);
		assertThat(searchFor("  退款 ")).as("stripped").containsExactly(chinese);
		assertThat(searchFor("😀")).containsExactly(chinese);
		assertThat(searchFor("it's <B>\"BOLD\"")).containsExactly(quoted);
		assertThat(searchFor(">\nnext")).containsExactly(quoted);
		assertThat(searchFor("cafe")).isEmpty();
	}

	@Test
	void searchFindsTheVeryTextWrittenEvenWhereLowerCaseDependsOnTheLanguage() {
		// Java lowers a final capital sigma to ς and İ to i + U+0307; databases to σ and
		// i
		long greek = withText(this.channel, 1_000, "ΟΔΟΣ ΑΘΗΝΑΣ");
		long turkish = withText(this.channel, 2_000, "İSTANBUL");

		assertThat(searchFor("ΟΔΟΣ")).containsExactly(greek);
		assertThat(searchFor("ΑΘΗΝΑΣ")).containsExactly(greek);
		assertThat(searchFor("İSTANBUL")).containsExactly(turkish);
	}

	@Test
	void aConversationWithManyMatchingMessagesIsFoundOnce() {
		long id = withText(this.channel, 1_000, "refund please");
		this.messages.insert(
				Draft.text(null, Side.AGENT, this.ann, "Ann", "your refund is on its way").toMessage(id, 2, at(1_100)));
		assertThat(searchFor("refund")).containsExactly(id);
	}

	@Test
	void searchFiltersByChannelAgentAndCreationTimeAndPagesNewestFirst() {
		long otherChannel = ReferencedRows.channel(this.jdbc, "app");
		long early = withText(this.channel, 1_000, "hello");
		long tiedFirst = withText(this.channel, 2_000, "hello");
		long tiedSecond = withText(this.channel, 2_000, "hello");
		long late = withText(this.channel, 3_000, "hello");
		long elsewhere = withText(otherChannel, 2_500, "hello");
		this.conversations.assignIfWaiting(tiedFirst, this.ann, at(2_100));
		this.conversations.assignIfWaiting(late, this.ann, at(3_100));
		this.conversations.assignIfWaiting(elsewhere, this.ann, at(3_100));

		ConversationLists.Page one = this.lists.search(null, "hello", this.channel, null, null, null, null, 2);
		assertThat(one.items()).extracting(Conversation::id).containsExactly(late, tiedSecond);
		ConversationLists.Page two = this.lists.search(null, "hello", this.channel, null, null, null, next(one), 2);
		assertThat(two.items()).extracting(Conversation::id).containsExactly(tiedFirst, early);
		assertThat(two.nextCursor()).isNull();

		assertThat(search(null, null, this.ann, null, null)).containsExactly(late, elsewhere, tiedFirst);
		assertThat(search(" ", this.channel, null, at(2_000), at(3_000))).as("from included, to not")
			.containsExactly(tiedSecond, tiedFirst);
		assertThat(search("HELLO", otherChannel, this.ann, at(0), at(9_000))).containsExactly(elsewhere);
	}

	private long[] searchFor(String text) {
		return search(text, this.channel, null, null, null);
	}

	private long[] search(String text, Long channelId, Long agentId, Instant from, Instant to) {
		return this.lists.search(null, text, channelId, agentId, from, to, null, 50)
			.items()
			.stream()
			.mapToLong(Conversation::id)
			.toArray();
	}

	@Test
	void anAgentsScopeIsHisOwnTheWaitingOnesAndClosedOnesHeTookPartInOrOfHisGroups() {
		long group = ReferencedRows.group(this.jdbc, "billing");
		long otherGroup = ReferencedRows.group(this.jdbc, "sales");
		long assignedNow = withText(this.channel, 1_000, "hello");
		this.conversations.assignIfWaiting(assignedNow, this.ann, at(1_100));
		long hadEarlier = withText(this.channel, 2_000, "hello");
		this.messages
			.insert(Draft.event(TimelineEvent.ASSIGNED, null, this.ann, "Ann").toMessage(hadEarlier, 2, at(2_100)));
		bobCloses(hadEarlier);
		long wroteIn = withText(this.channel, 3_000, "hello");
		this.messages
			.insert(Draft.text(null, Side.AGENT, this.ann, "Ann", "hello too").toMessage(wroteIn, 2, at(3_100)));
		bobCloses(wroteIn);
		long noted = withText(this.channel, 4_000, "hello");
		this.jdbc
			.sql("INSERT INTO conversation_note (conversation_id, author_id, author_name, body, mentions, created_at) "
					+ "VALUES (?, ?, 'Ann', 'looked at it', '', 4200)")
			.params(noted, this.ann)
			.update();
		bobCloses(noted);
		long ofHisGroup = inGroup(group, 5_000);
		bobCloses(ofHisGroup);
		long openOfHisGroup = inGroup(group, 5_500);
		this.conversations.assignIfWaiting(openOfHisGroup, this.bob, at(5_600));
		long ofAnotherGroup = inGroup(otherGroup, 6_000);
		bobCloses(ofAnotherGroup);
		long bobsOnly = withText(this.channel, 7_000, "hello");
		this.messages
			.insert(Draft.text(null, Side.AGENT, this.bob, "Bob", "hello from bob").toMessage(bobsOnly, 2, at(7_100)));
		bobCloses(bobsOnly);
		long waiting = waiting(8_000);
		long mentionedIn = withText(this.channel, 8_500, "bye");
		this.conversations.assignIfWaiting(mentionedIn, this.bob, at(8_600));
		this.jdbc
			.sql("INSERT INTO conversation_note (conversation_id, author_id, author_name, body, mentions, created_at) "
					+ "VALUES (?, ?, 'Bob', 'look, @ann', '', 8700)")
			.params(mentionedIn, this.bob)
			.update();
		long noteId = this.jdbc.sql("SELECT MAX(id) FROM conversation_note").query(Long.class).single();
		this.jdbc.sql("INSERT INTO note_mention (note_id, conversation_id, user_id, created_at) VALUES (?, ?, ?, 8700)")
			.params(noteId, mentionedIn, this.ann)
			.update();

		Scope ann = new Scope(this.ann, List.of(group), false);
		assertThat(this.lists.search(ann, null, null, null, null, null, null, 50).items()).extracting(Conversation::id)
			.as("a mention asks him to look, open or not")
			.containsExactly(mentionedIn, ofHisGroup, noted, wroteIn, hadEarlier, assignedNow);
		assertThat(this.lists.mentions(mentionedIn, this.ann)).isTrue();
		assertThat(this.lists.mentions(mentionedIn, this.bob)).isFalse();
		assertThat(this.lists.search(ann, "HELLO", this.channel, null, null, null, null, 50).items())
			.extracting(Conversation::id)
			.containsExactly(noted, wroteIn, hadEarlier, assignedNow);
		assertThat(
				this.lists.search(new Scope(this.ann, List.of(), true), null, null, null, null, null, null, 50).items())
			.extracting(Conversation::id)
			.as("without groups; waiting ones for whoever may take them")
			.containsExactly(mentionedIn, waiting, noted, wroteIn, hadEarlier, assignedNow);
		assertThat(this.lists.inScope(mentionedIn, ann)).isTrue();
		assertThat(this.lists.inScope(ofHisGroup, ann)).isTrue();
		assertThat(this.lists.inScope(hadEarlier, ann)).isTrue();
		assertThat(this.lists.inScope(openOfHisGroup, ann)).as("open, someone else's").isFalse();
		assertThat(this.lists.inScope(ofAnotherGroup, ann)).isFalse();
		assertThat(this.lists.inScope(bobsOnly, ann)).as("a visitor's sender id is no agent's").isFalse();
		assertThat(this.lists.inScope(waiting, ann)).isFalse();
	}

	private void bobCloses(long id) {
		this.conversations.assignIfWaiting(id, this.bob, at(9_000));
		this.conversations.close(id, at(9_100), ClosedBy.AGENT);
	}

	private long inGroup(long group, long createdAt) {
		return this.conversations
			.insert(ConversationRows.of(this.channel, this.visitor, at(createdAt), at(createdAt), group, null));
	}

	@Test
	void aVisitorsConversationsPageNewestFirstAllOrWithinAScope() {
		long otherVisitor = ReferencedRows.visitor(this.jdbc, this.channel);
		long oldest = waiting(1_000);
		long tiedFirst = waiting(2_000);
		long tiedSecond = waiting(2_000);
		long newest = waiting(3_000);
		this.conversations.insert(ConversationRows.waiting(this.channel, otherVisitor, at(2_500)));
		this.conversations.assignIfWaiting(tiedFirst, this.ann, at(2_100));

		ConversationLists.Page one = this.lists.ofVisitor(this.visitor, null, null, 2);
		assertThat(one.items()).extracting(Conversation::id).containsExactly(newest, tiedSecond);
		ConversationLists.Page two = this.lists.ofVisitor(this.visitor, null, next(one), 2);
		assertThat(two.items()).extracting(Conversation::id).containsExactly(tiedFirst, oldest);
		assertThat(two.nextCursor()).isNull();
		assertThat(this.lists.ofVisitor(this.visitor, new Scope(this.ann, List.of(), false), null, 10).items())
			.extracting(Conversation::id)
			.containsExactly(tiedFirst);
	}

	@Test
	void inactiveConversationsAreOpenOnesSilentSinceTheGivenTimeOldestFirst() {
		long assignedLater = assigned(this.ann, 2_000);
		long waitingTiedFirst = active(1_000);
		long waitingTiedSecond = active(1_000);
		long leftMessage = active(500);
		this.conversations.markLeftMessage(leftMessage, at(600));
		long closed = active(500);
		this.conversations.close(closed, at(700), ClosedBy.AGENT);
		active(3_000);
		assigned(this.bob, 3_000);

		assertThat(this.lists.findInactive(at(3_000), 10)).containsExactly(waitingTiedFirst, waitingTiedSecond,
				assignedLater);
		assertThat(this.lists.findInactive(at(3_000), 2)).containsExactly(waitingTiedFirst, waitingTiedSecond);
		assertThat(this.lists.findInactive(at(1_000), 10)).isEmpty();
	}

	@Test
	void snoozedConversationsLeaveTheAgentsActiveListWakeOnceWhenDueAndAreNotClosedAsIdle() {
		long byTime = assigned(this.ann, 1_000);
		long untilReply = assigned(this.ann, 2_000);
		long active = assigned(this.ann, 3_000);
		long bobs = assigned(this.bob, 4_000);
		this.conversations.snooze(byTime, at(10_000), false);
		this.conversations.snooze(untilReply, null, true);
		this.conversations.snooze(bobs, at(20_000), false);

		assertThat(this.lists.active(this.ann, null, 10).items()).extracting(Conversation::id).containsExactly(active);
		assertThat(this.lists.snoozed(this.ann, null, 10).items()).extracting(Conversation::id)
			.containsExactly(untilReply, byTime);
		assertThat(this.lists.open(this.ann, null, 10).items()).as("still open, still his").hasSize(3);
		Conversation read = this.conversations.findById(byTime).orElseThrow();
		assertThat(read.snoozedUntil()).isEqualTo(at(10_000));
		assertThat(this.conversations.findById(untilReply).orElseThrow().snoozedUntilReply()).isTrue();
		assertThat(this.lists.findInactive(at(5_000), 10)).as("snoozed: not idle").containsExactly(active);

		assertThat(this.lists.findDueSnoozes(at(9_999), 10)).isEmpty();
		assertThat(this.lists.findDueSnoozes(at(30_000), 10)).containsExactly(byTime, bobs);
		assertThat(this.conversations.wakeIfDue(byTime, at(9_999))).isFalse();
		assertThat(this.conversations.wakeIfDue(byTime, at(10_000))).isTrue();
		assertThat(this.conversations.wakeIfDue(byTime, at(10_000))).as("once").isFalse();
		assertThat(this.conversations.wakeIfDue(untilReply, at(30_000))).as("no time to wake at").isFalse();
		assertThat(this.conversations.findById(byTime).orElseThrow().snoozed()).isFalse();
		// idle time counts from the wake-up
		assertThat(this.lists.findInactive(at(10_000), 10)).doesNotContain(byTime);
		assertThat(this.lists.findInactive(at(10_001), 10)).contains(byTime);

		assertThat(this.conversations.unsnooze(untilReply, at(11_000))).isTrue();
		assertThat(this.conversations.unsnooze(untilReply, at(11_000))).isFalse();
		this.conversations.close(bobs, at(12_000), ClosedBy.AGENT);
		assertThat(this.conversations.findById(bobs).orElseThrow().snoozed()).as("closing ends it").isFalse();
		assertThat(this.lists.snoozed(this.ann, null, 10).items()).isEmpty();
		assertThat(this.lists.active(this.ann, null, 10).items()).hasSize(3);
	}

}
