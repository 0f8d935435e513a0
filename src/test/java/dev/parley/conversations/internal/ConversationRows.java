package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.ConversationStatus;

/**
 * New conversations as {@link ConversationRepository#insert} takes them: waiting, with
 * nothing written yet, and no details of the visitor's page.
 */
final class ConversationRows {

	/**
	 * Text that databases like to change: Chinese, emoji (four bytes in UTF-8), quotes, a
	 * backslash, LIKE wildcards, HTML and line breaks.
	 */
	static final String TRICKY_TEXT = "售后 «VIP» 'quoted' \"double\" back\\slash 100% snake_case "
			+ "<b>不是 HTML</b> &amp; 😀👍🏽 line\nbreak\r\nand\ttab ;--";

	private ConversationRows() {
	}

	static Conversation waiting(long channelId, long visitorId, Instant createdAt) {
		return of(channelId, visitorId, createdAt, createdAt, null, null);
	}

	static Conversation of(long channelId, long visitorId, Instant createdAt, Instant lastMessageAt, Long groupId,
			Instant leftMessageAt) {
		return new Conversation(0, channelId, visitorId, ConversationStatus.WAITING, null, null, null, null, null, null,
				null, createdAt, null, null, null, lastMessageAt, null, 0, 0, 0, null, null, null, groupId,
				leftMessageAt, null, false);
	}

	static Instant at(long millis) {
		return Instant.ofEpochMilli(millis);
	}

}
