package dev.parley.customers.internal;

import java.time.Instant;
import java.util.List;

/**
 * A customer record as the API shows it. E-mail addresses and phone numbers are masked
 * for everyone (a reveal, audited, shows them); sensitive attribute values too.
 *
 * @param mergedInto when the id asked for was merged: the survivor, whose record this is
 */
public record CustomerView(long id, Long mergedInto, int version, String name, String company, String language,
		String timeZone, LevelRef level, Instant firstSeenAt, Instant lastSeenAt, Instant lastConversationAt,
		int conversationCount, Integer lastRating, List<ChannelRef> channels, BlockView blocked, Instant erasedAt,
		List<ContactView> contacts, List<String> tags, List<AttributeValues.Value> attributes, List<NoteView> notes,
		List<SuggestionView> suggestions, Instant createdAt, Instant updatedAt) {

	public record LevelRef(long id, String name) {
	}

	public record ChannelRef(long id, String name) {
	}

	/**
	 * @param by the display name of who blocked him
	 */
	public record BlockView(Instant at, Instant until, String reason, String by) {
	}

	/**
	 * @param value masked unless revealed
	 */
	public record ContactView(long id, ContactKind kind, String value, boolean verified, Instant createdAt) {
	}

	/**
	 * @param author the author's display name (null once the user is gone)
	 */
	public record NoteView(long id, String body, Long authorId, String author, Instant createdAt, Instant updatedAt) {
	}

	/**
	 * A possible duplicate: the other record shares an e-mail address or phone number.
	 */
	public record SuggestionView(long id, long otherId, String otherName, String reason, Instant createdAt) {
	}

}
