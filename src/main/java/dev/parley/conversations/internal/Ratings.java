package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;

import dev.parley.conversations.ConversationRated;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visitor's rating of a closed conversation (once, 1 to 5, with an optional comment),
 * announced as {@link ConversationRated}.
 */
@Service
public class Ratings {

	private final ConversationRepository conversations;

	private final ConversationAccess access;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Ratings(ConversationRepository conversations, ConversationAccess access, ApplicationEventPublisher events,
			LiveFeed feed, TransactionTemplate transactions, Clock clock) {
		this.conversations = conversations;
		this.access = access;
		this.events = events;
		this.feed = feed;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void rate(VisitorIdentity visitor, long conversationId, Integer score, String comment) {
		Conversation c = this.access.forVisitor(visitor, conversationId);
		if (score == null || score < 1 || score > 5) {
			throw ChatInput.invalid("score", "must be 1 to 5");
		}
		String text = (comment != null) ? ChatInput.plain("comment", comment.strip()) : null;
		if (text != null && text.length() > 1000) {
			throw ChatInput.invalid("comment", "must be at most 1000 characters");
		}
		if (!c.closed()) {
			throw ApiException.conflict("conflict", "Only a closed conversation can be rated");
		}
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		String stored = (text == null || text.isEmpty()) ? null : text;
		boolean rated = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			if (!this.conversations.rate(c.id(), score, stored, now)) {
				return false;
			}
			this.events.publishEvent(new ConversationRated(c.id(), c.assigneeId(), score, stored != null, now));
			this.feed.changed(c.id());
			return true;
		}));
		if (!rated) {
			throw ApiException.conflict("conflict", "The conversation has been rated already");
		}
	}

}
