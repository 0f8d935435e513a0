package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.PreviewAttachment;

/**
 * One chat between a visitor and the team, from the first message to closing.
 *
 * @param sealedIp the address the visitor started it from, sealed
 * ({@link dev.parley.platform.PersonalData})
 * @param lastMessagePreview the list's line for the last message: its text, or a file's
 * name
 * @param lastMessageAttachment whether that last message was a file or an image; null for
 * text
 * @param awaitingReplySince when the visitor's oldest message no agent has answered yet
 * was written (or the pre-chat question asked); null once an agent replied
 */
public record Conversation(long id, long channelId, long visitorId, ConversationStatus status, Long assigneeId,
		String question, String pageUrl, String referrer, String userAgent, String sealedIp, String language,
		Instant createdAt, Instant assignedAt, Instant closedAt, ClosedBy closedBy, Instant lastMessageAt,
		String lastMessagePreview, long lastSeq, long agentReadSeq, long visitorReadSeq, Integer rating,
		String ratingComment, Instant ratedAt, Long groupId, Instant leftMessageAt,
		PreviewAttachment lastMessageAttachment, Instant awaitingReplySince, Instant snoozedUntil,
		boolean snoozedUntilReply) {

	/** A conversation about to be stored, or one read without the list's details. */
	public Conversation(long id, long channelId, long visitorId, ConversationStatus status, Long assigneeId,
			String question, String pageUrl, String referrer, String userAgent, String sealedIp, String language,
			Instant createdAt, Instant assignedAt, Instant closedAt, ClosedBy closedBy, Instant lastMessageAt,
			String lastMessagePreview, long lastSeq, long agentReadSeq, long visitorReadSeq, Integer rating,
			String ratingComment, Instant ratedAt, Long groupId, Instant leftMessageAt) {
		this(id, channelId, visitorId, status, assigneeId, question, pageUrl, referrer, userAgent, sealedIp, language,
				createdAt, assignedAt, closedAt, closedBy, lastMessageAt, lastMessagePreview, lastSeq, agentReadSeq,
				visitorReadSeq, rating, ratingComment, ratedAt, groupId, leftMessageAt, null, null, null, false);
	}

	public boolean closed() {
		return this.status == ConversationStatus.CLOSED;
	}

	public boolean waiting() {
		return this.status == ConversationStatus.WAITING;
	}

	/**
	 * @return whether the visitor left a message instead of waiting for a live answer
	 */
	public boolean leftMessage() {
		return this.leftMessageAt != null;
	}

	/**
	 * @return whether its agent put it aside until a time or until the customer writes
	 */
	public boolean snoozed() {
		return this.snoozedUntil != null || this.snoozedUntilReply;
	}

	public boolean assignedTo(long userId) {
		return this.assigneeId != null && this.assigneeId == userId;
	}

	/** This conversation reopened: open again with the given status. */
	Conversation reopened(ConversationStatus newStatus) {
		return new Conversation(this.id, this.channelId, this.visitorId, newStatus, this.assigneeId, this.question,
				this.pageUrl, this.referrer, this.userAgent, this.sealedIp, this.language, this.createdAt,
				this.assignedAt, null, null, this.lastMessageAt, this.lastMessagePreview, this.lastSeq,
				this.agentReadSeq, this.visitorReadSeq, this.rating, this.ratingComment, this.ratedAt, this.groupId,
				this.leftMessageAt, this.lastMessageAttachment, this.awaitingReplySince, this.snoozedUntil,
				this.snoozedUntilReply);
	}

	/** This conversation with its snooze ended. */
	Conversation awake() {
		return new Conversation(this.id, this.channelId, this.visitorId, this.status, this.assigneeId, this.question,
				this.pageUrl, this.referrer, this.userAgent, this.sealedIp, this.language, this.createdAt,
				this.assignedAt, this.closedAt, this.closedBy, this.lastMessageAt, this.lastMessagePreview,
				this.lastSeq, this.agentReadSeq, this.visitorReadSeq, this.rating, this.ratingComment, this.ratedAt,
				this.groupId, this.leftMessageAt, this.lastMessageAttachment, this.awaitingReplySince, null, false);
	}

	/** This conversation with more messages appended, up to {@code seq}. */
	Conversation withLastSeq(long seq) {
		return new Conversation(this.id, this.channelId, this.visitorId, this.status, this.assigneeId, this.question,
				this.pageUrl, this.referrer, this.userAgent, this.sealedIp, this.language, this.createdAt,
				this.assignedAt, this.closedAt, this.closedBy, this.lastMessageAt, this.lastMessagePreview, seq,
				this.agentReadSeq, this.visitorReadSeq, this.rating, this.ratingComment, this.ratedAt, this.groupId,
				this.leftMessageAt, this.lastMessageAttachment, this.awaitingReplySince, this.snoozedUntil,
				this.snoozedUntilReply);
	}

}
