package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;

import dev.parley.conversations.TranscriptRequested;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.PersonalData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A visitor asks for the transcript of his conversation by e-mail, in the widget: kept on
 * the conversation and announced as {@link TranscriptRequested}; the notifications module
 * sends it when the conversation closes, or at once if it has.
 */
@Service
public class TranscriptRequests {

	private final ConversationAccess access;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PersonalData personal;

	TranscriptRequests(ConversationAccess access, JdbcClient jdbc, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, PersonalData personal) {
		this.personal = personal;
		this.access = access;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void request(VisitorIdentity visitor, long conversationId, String email) {
		Conversation c = this.access.forVisitor(visitor, conversationId);
		String address = ChatInput.email(email);
		if (address == null) {
			throw ChatInput.invalid("email", "must be an e-mail address");
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("UPDATE conversation SET transcript_email_sealed = ? WHERE id = ?")
				.params(this.personal.seal(address), c.id())
				.update();
			// the visitor's address for answers too, unless he gave one before
			this.jdbc.sql("UPDATE visitor SET email_sealed = ? WHERE id = ? AND email_sealed IS NULL")
				.params(this.personal.seal(address), c.visitorId())
				.update();
			// the address stays out of the event (its publication is stored): the
			// listener reads it from the conversation
			this.events.publishEvent(new TranscriptRequested(c.id(), c.visitorId(), c.closed(), now));
		});
	}

}
