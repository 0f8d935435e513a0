package dev.parley.conversations.internal;

import java.util.List;

import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;

import static dev.parley.conversations.internal.ConversationRows.TRICKY_TEXT;
import static dev.parley.conversations.internal.ConversationRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the message repository must do on every supported database: transcripts stored
 * verbatim, one message per client id, read in sequence. One subclass per database
 * ({@code @H2RepositoryTest} and the like) runs these tests on the real migrations on a
 * real engine, each in a transaction rolled back at its end.
 */
abstract class MessageRepositoryContract extends ConversationsContract {

	private long conversation;

	private long agent;

	@BeforeEach
	void conversationAndAgent() {
		this.conversation = conversationOf(this.visitor);
		this.agent = this.ann;
	}

	private long conversationOf(long visitorId) {
		return this.conversations.insert(ConversationRows.waiting(this.channel, visitorId, at(1_000)));
	}

	private Message visitorSays(long conversationId, long seq, String clientId, String body) {
		return Draft.text(clientId, Side.VISITOR, this.visitor, null, body).toMessage(conversationId, seq, at(2_000));
	}

	private Message agentSays(long conversationId, long seq, String clientId, String body) {
		return Draft.text(clientId, Side.AGENT, this.agent, "Ann", body).toMessage(conversationId, seq, at(2_000));
	}

	private Message event(long seq) {
		return Draft.event(TimelineEvent.ASSIGNED, "agent", this.agent, "Ann")
			.toMessage(this.conversation, seq, at(2_000));
	}

	private List<Message> all(long conversationId) {
		return this.messages.after(conversationId, 0, 100);
	}

	@Test
	void storesAndReadsAMessageWithTextVerbatimAndItsTimeToTheMillisecond() {
		Message message = Draft.text("c-1_A", Side.AGENT, this.agent, "客服 'Ann' \"A\" \\ 😀", TRICKY_TEXT)
			.toMessage(this.conversation, 1, at(1_800_000_000_123L));
		long id = this.messages.insert(message);
		assertThat(all(this.conversation)).containsExactly(message.withId(id));
	}

	@Test
	void anEventLineKeepsItsEmptyColumnsNull() {
		Message closed = Draft.event(TimelineEvent.CLOSED, "timeout", null, null)
			.toMessage(this.conversation, 1, at(3_000));
		long id = this.messages.insert(closed);
		Message stored = all(this.conversation).get(0);
		assertThat(stored).isEqualTo(closed.withId(id));
		assertThat(stored.clientId()).isNull();
		assertThat(stored.senderId()).isNull();
		assertThat(stored.senderName()).isNull();
		assertThat(stored.body()).isNull();
		assertThat(stored.attachmentId()).isNull();
	}

	@Test
	void theLongestTextTheChatAcceptsFitsOnEveryEngine() {
		// ChatInput allows 4000 UTF-16 chars: 2000 emoji are 8000 bytes in UTF-8
		Message emoji = visitorSays(this.conversation, 1, "emoji", "😀".repeat(2000));
		Message chinese = visitorSays(this.conversation, 2, "chinese", "话".repeat(4000));
		long first = this.messages.insert(emoji);
		long second = this.messages.insert(chinese);
		assertThat(all(this.conversation)).containsExactly(emoji.withId(first), chinese.withId(second));
	}

	@Test
	void aFileMessageKeepsItsAttachment() {
		Message file = Draft.attachment("f-1", Side.VISITOR, this.visitor, null, 42L)
			.toMessage(this.conversation, 1, at(2_000));
		long id = this.messages.insert(file);
		assertThat(all(this.conversation)).containsExactly(file.withId(id));
	}

	@Test
	void aClientIdIsTakenOncePerConversationAndSide() {
		long other = conversationOf(this.visitor);
		this.messages.insert(visitorSays(this.conversation, 1, "abc", "first"));
		this.messages.insert(agentSays(this.conversation, 2, "abc", "another side"));
		this.messages.insert(visitorSays(this.conversation, 3, "ABC", "case matters"));
		this.messages.insert(visitorSays(other, 1, "abc", "another conversation"));
		// the last statement: PostgreSQL takes no more in a transaction after an error
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.messages.insert(visitorSays(this.conversation, 4, "abc", "again")));
	}

	@Test
	void linesWithoutAClientIdNeverCollideButANumberIsTakenOnce() {
		this.messages.insert(event(1));
		this.messages.insert(event(2));
		assertThat(all(this.conversation)).extracting(Message::seq).containsExactly(1L, 2L);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.messages.insert(event(2)));
	}

	@Test
	void aMessageIsFoundByItsClientIdInItsConversationAndSideOnly() {
		long other = conversationOf(this.visitor);
		long id = this.messages.insert(visitorSays(this.conversation, 1, "m-1", "hello"));
		this.messages.insert(agentSays(this.conversation, 2, "m-2", "hi"));

		assertThat(this.messages.findByClientId(this.conversation, Side.VISITOR, "m-1")).map(Message::id).contains(id);
		assertThat(this.messages.findByClientId(this.conversation, Side.AGENT, "m-1")).isEmpty();
		assertThat(this.messages.findByClientId(this.conversation, Side.VISITOR, "M-1")).isEmpty();
		assertThat(this.messages.findByClientId(other, Side.VISITOR, "m-1")).isEmpty();
		assertThat(this.messages.findByClientId(this.conversation, Side.VISITOR, "m-%")).isEmpty();
	}

	@Test
	void aVisitorsMessageIsFoundByClientIdInAnyOfThatVisitorsConversations() {
		long later = conversationOf(this.visitor);
		long stranger = ReferencedRows.visitor(this.jdbc, this.channel);
		long strangers = conversationOf(stranger);
		long id = this.messages.insert(visitorSays(later, 1, "left-1", "call me back"));
		this.messages.insert(agentSays(this.conversation, 1, "agent-1", "an agent's"));
		this.messages.insert(
				Draft.text("theirs-1", Side.VISITOR, stranger, null, "not yours").toMessage(strangers, 1, at(2_000)));

		assertThat(this.messages.findVisitorMessage(this.visitor, "left-1")).map(Message::conversationId)
			.contains(later);
		assertThat(this.messages.findVisitorMessage(this.visitor, "left-1")).map(Message::id).contains(id);
		assertThat(this.messages.findVisitorMessage(this.visitor, "agent-1")).isEmpty();
		assertThat(this.messages.findVisitorMessage(this.visitor, "theirs-1")).isEmpty();
		assertThat(this.messages.findVisitorMessage(stranger, "left-1")).isEmpty();
	}

	@Test
	void aClientIdReusedInTwoConversationsFindsTheNewestMessage() {
		long first = this.messages.insert(visitorSays(this.conversation, 1, "again-1", "first"));
		long later = conversationOf(this.visitor);
		long second = this.messages.insert(visitorSays(later, 1, "again-1", "second"));

		assertThat(second).isGreaterThan(first);
		assertThat(this.messages.findVisitorMessage(this.visitor, "again-1")).map(Message::id).contains(second);
	}

	@Test
	void messagesAreReadAfterANumberInOrderUpToTheLimit() {
		long other = conversationOf(this.visitor);
		for (long seq : new long[] { 3, 1, 5, 2, 4 }) {
			this.messages.insert(visitorSays(this.conversation, seq, null, "line " + seq));
		}
		this.messages.insert(visitorSays(other, 6, null, "elsewhere"));

		assertThat(this.messages.after(this.conversation, 0, 10)).extracting(Message::seq)
			.containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(this.messages.after(this.conversation, 2, 2)).extracting(Message::body)
			.containsExactly("line 3", "line 4");
		assertThat(this.messages.after(this.conversation, 5, 10)).isEmpty();
		assertThat(this.messages.after(Long.MAX_VALUE, 0, 10)).isEmpty();
	}

	@Test
	void aBatchIsStoredWithEachMessagesOwnIdInOrder() {
		long other = conversationOf(this.visitor);
		List<Message> batch = List.of(visitorSays(this.conversation, 1, "b-1", "一"),
				agentSays(other, 1, "b-2", "two 😀"), event(2), visitorSays(other, 2, "b-3", "three"));
		long[] ids = this.messages.insertAll(batch);

		assertThat(ids).hasSize(4).doesNotHaveDuplicates();
		assertThat(all(this.conversation)).containsExactly(batch.get(0).withId(ids[0]), batch.get(2).withId(ids[2]));
		assertThat(all(other)).containsExactly(batch.get(1).withId(ids[1]), batch.get(3).withId(ids[3]));
		assertThat(this.messages.insertAll(List.of(event(3)))).hasSize(1);
		assertThat(this.messages.insertAll(List.of())).isEmpty();
	}

}
