package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mentions kept for each staff member: every note that mentioned him, read or not, to
 * come back to from the console's mentions list. Each person reads and marks only his
 * own; someone else's mention is refused as not found.
 */
@Service
public class Mentions {

	/** How much of the note a mention shows. */
	static final int EXCERPT_LENGTH = 200;

	private final JdbcClient jdbc;

	private final StaffDirectory staff;

	private final Clock clock;

	private final ConversationAccess access;

	Mentions(JdbcClient jdbc, StaffDirectory staff, Clock clock, ConversationAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.staff = staff;
		this.clock = clock;
	}

	public record Author(long id, String displayName) {
	}

	/**
	 * One note that mentioned the reader; of a conversation he may not open (someone
	 * else's, or no longer his) neither the excerpt nor anything else of the note.
	 */
	public record MentionView(long id, long noteId, long conversationId, Author author, String excerpt,
			Instant createdAt, boolean read, boolean available) {

		MentionView hidden() {
			return new MentionView(this.id, this.noteId, this.conversationId, this.author, null, this.createdAt,
					this.read, false);
		}

	}

	/**
	 * A page of the reader's mentions, newest first, the cursor of the next page, and how
	 * many of all of them are unread.
	 */
	public record Page(List<MentionView> items, String nextCursor, long unread) {
	}

	/** A colleague as the mention suggestions show him: nothing but the names. */
	public record Colleague(String username, String displayName) {
	}

	/**
	 * Keeps the mentions of a note being written, in its transaction (the author is not
	 * told of his own mention).
	 */
	void record(long noteId, long conversationId, long authorId, Collection<Long> userIds, Instant at) {
		for (Long userId : userIds) {
			if (userId != authorId) {
				this.jdbc
					.sql("INSERT INTO note_mention (note_id, conversation_id, user_id, created_at) VALUES (?, ?, ?, ?)")
					.params(noteId, conversationId, userId, at.toEpochMilli())
					.update();
			}
		}
	}

	public Page list(StaffActor actor, String after, int limit) {
		if (limit < 1 || limit > 100) {
			throw ChatInput.invalid("limit", "must be 1 to 100");
		}
		long before = cursor(after);
		List<MentionView> rows = this.jdbc
			.sql("SELECT m.id, m.note_id, m.conversation_id, n.author_id, n.author_name, n.body, m.created_at, "
					+ "m.read_at FROM note_mention m JOIN conversation_note n ON n.id = m.note_id "
					+ "WHERE m.user_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?")
			.params(actor.id(), before, limit + 1)
			.query((rs, row) -> new MentionView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					new Author(rs.getLong(4), rs.getString(5)), excerpt(rs.getString(6)),
					Instant.ofEpochMilli(rs.getLong(7)), rs.getObject(8) != null, true))
			.list()
			.stream()
			.map((mention) -> this.access.mayOpen(actor, mention.conversationId()) ? mention : mention.hidden())
			.toList();
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			next = String.valueOf(rows.get(limit - 1).id());
		}
		return new Page(List.copyOf(rows), next, unread(actor));
	}

	public long unread(StaffActor actor) {
		return this.jdbc.sql("SELECT COUNT(*) FROM note_mention WHERE user_id = ? AND read_at IS NULL")
			.param(actor.id())
			.query(Long.class)
			.single();
	}

	/** Marks one of the reader's own mentions read; someone else's is not found. */
	public void markRead(StaffActor actor, long mentionId) {
		int own = this.jdbc.sql("SELECT COUNT(*) FROM note_mention WHERE id = ? AND user_id = ?")
			.params(mentionId, actor.id())
			.query(Integer.class)
			.single();
		if (own == 0) {
			throw ApiException.notFound("Mention");
		}
		this.jdbc.sql("UPDATE note_mention SET read_at = ? WHERE id = ? AND read_at IS NULL")
			.params(this.clock.millis(), mentionId)
			.update();
	}

	/**
	 * Marks all the reader's unread mentions read, or those in one conversation.
	 * @return how many are unread now
	 */
	public long markAllRead(StaffActor actor, Long conversationId) {
		if (conversationId != null) {
			this.jdbc.sql(
					"UPDATE note_mention SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND conversation_id = ?")
				.params(this.clock.millis(), actor.id(), conversationId)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE note_mention SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
				.params(this.clock.millis(), actor.id())
				.update();
		}
		return unread(actor);
	}

	/**
	 * Colleagues to mention: enabled staff other than the asker whose username or name
	 * contains the text, whatever its case.
	 */
	public List<Colleague> colleagues(StaffActor actor, String query, int limit) {
		if (limit < 1 || limit > 50) {
			throw ChatInput.invalid("limit", "must be 1 to 50");
		}
		String text = ChatInput.optional("q", query, 100);
		return this.staff.colleagues(text, actor.id(), limit)
			.stream()
			.map((m) -> new Colleague(m.username(), m.displayName()))
			.toList();
	}

	private static long cursor(String after) {
		if (after == null || after.isBlank()) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(after);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("validation_failed", "after: not a cursor of this list");
		}
	}

	static String excerpt(String body) {
		String line = body.strip().replaceAll("\\s+", " ");
		if (line.length() <= EXCERPT_LENGTH) {
			return line;
		}
		int end = Character.isHighSurrogate(line.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
		return line.substring(0, end) + "…";
	}

}
