package dev.parley.conversations.internal;

import dev.parley.conversations.ClosedBy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.parley.conversations.internal.ConversationRows.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the conversation repository must do on every supported database when it looks up a
 * visitor's conversations: newest first, and of two created in the same millisecond the
 * later one (the greater id). One subclass per database runs these tests on a real
 * engine, each in a transaction rolled back at its end.
 */
abstract class VisitorConversationsContract extends ConversationsContract {

	private long otherVisitor;

	@BeforeEach
	void otherVisitor() {
		this.otherVisitor = ReferencedRows.visitor(this.jdbc, this.channel);
	}

	private long insert(long createdAt) {
		return insert(this.visitor, createdAt);
	}

	private long insert(long visitorId, long createdAt) {
		return this.conversations.insert(ConversationRows.waiting(this.channel, visitorId, at(createdAt)));
	}

	@Test
	void theOpenConversationOfAVisitorIsTheNewestOneNotClosed() {
		long older = insert(1_000);
		long tiedFirst = insert(2_000);
		long tiedSecond = insert(2_000);
		long closed = insert(3_000);
		this.conversations.close(closed, at(3_500), ClosedBy.AGENT);
		insert(this.otherVisitor, 9_000);

		assertThat(this.conversations.findOpenForVisitor(this.visitor)).map(Conversation::id).contains(tiedSecond);
		this.conversations.close(tiedSecond, at(4_000), ClosedBy.AGENT);
		this.conversations.close(tiedFirst, at(4_000), ClosedBy.AGENT);
		assertThat(this.conversations.findOpenForVisitor(this.visitor)).map(Conversation::id).contains(older);
		this.conversations.close(older, at(4_000), ClosedBy.AGENT);
		assertThat(this.conversations.findOpenForVisitor(this.visitor)).isEmpty();
	}

	@Test
	void theLatestConversationOfAVisitorIsTheNewestAndTheLaterIdWinsATie() {
		insert(1_000);
		insert(3_000);
		long tiedSecond = insert(3_000);
		this.conversations.close(tiedSecond, at(3_500), ClosedBy.VISITOR);
		insert(this.otherVisitor, 9_000);

		assertThat(this.conversations.findLatestForVisitor(this.visitor)).map(Conversation::id)
			.as("closed or not")
			.contains(tiedSecond);
		assertThat(this.conversations.findLatestForVisitor(Long.MAX_VALUE)).isEmpty();
	}

}
