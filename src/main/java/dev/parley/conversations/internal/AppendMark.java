package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.Side;

/**
 * What a batch appended to one conversation: its last message, and how far each side has
 * read by writing (writing is reading).
 */
final class AppendMark {

	final long conversationId;

	long lastSeq;

	Instant at;

	String preview;

	PreviewAttachment attachment;

	boolean agentReplied;

	Instant awaitingSince;

	long visitorRead;

	long agentRead;

	AppendMark(long conversationId) {
		this.conversationId = conversationId;
	}

	void add(long seq, Instant at, String preview, PreviewAttachment attachment, Side side) {
		this.lastSeq = seq;
		this.at = at;
		this.preview = preview;
		this.attachment = attachment;
		if (side == Side.VISITOR) {
			this.visitorRead = seq;
			if (this.awaitingSince == null) {
				this.awaitingSince = at;
			}
		}
		else if (side == Side.AGENT) {
			this.agentRead = seq;
			this.agentReplied = true;
			this.awaitingSince = null;
		}
	}

}
