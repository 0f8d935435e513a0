package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.conversations.NoteAdded;
import dev.parley.platform.StaffActor;
import dev.parley.identity.StaffDirectory;
import dev.parley.identity.StaffDirectory.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Internal notes on a conversation: staff only, never part of the visitor's transcript.
 * {@code @username} (in any case) mentions a colleague, who is told on the staff socket
 * and finds it in his {@link Mentions}.
 */
@Service
public class Notes {

	static final int MAX_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final ConversationAccess access;

	private final ConversationRepository conversations;

	private final StaffDirectory staff;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Mentions kept;

	Notes(JdbcClient jdbc, ConversationAccess access, ConversationRepository conversations, StaffDirectory staff,
			ApplicationEventPublisher events, LiveFeed feed, TransactionTemplate transactions, Clock clock,
			Mentions kept) {
		this.kept = kept;
		this.jdbc = jdbc;
		this.access = access;
		this.conversations = conversations;
		this.staff = staff;
		this.events = events;
		this.feed = feed;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Author(long id, String displayName) {
	}

	public record Mention(long id, String username, String displayName) {
	}

	public record NoteView(long id, long conversationId, Author author, String text, List<Mention> mentions,
			Instant createdAt) {
	}

	private record Row(long id, long conversationId, long authorId, String authorName, String body,
			List<Long> mentionIds, Instant createdAt) {
	}

	public List<NoteView> list(StaffActor actor, long conversationId) {
		this.access.forStaff(actor, conversationId);
		// the rows first, then the names of everyone mentioned in one query: never a
		// query per mention while the first one still holds its connection
		List<Row> rows = this.jdbc.sql(
				"SELECT id, conversation_id, author_id, author_name, body, mentions, created_at FROM conversation_note "
						+ "WHERE conversation_id = ? ORDER BY id")
			.param(conversationId)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					ids(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7))))
			.list();
		Set<Long> mentioned = new HashSet<>();
		rows.forEach((row) -> mentioned.addAll(row.mentionIds()));
		Map<Long, StaffMember> members = this.staff.members(mentioned);
		List<NoteView> notes = new ArrayList<>(rows.size());
		for (Row row : rows) {
			List<Mention> mentions = new ArrayList<>();
			for (Long id : row.mentionIds()) {
				StaffMember member = members.get(id);
				if (member != null) {
					mentions.add(new Mention(member.id(), member.username(), member.displayName()));
				}
			}
			notes.add(new NoteView(row.id(), row.conversationId(), new Author(row.authorId(), row.authorName()),
					row.body(), mentions, row.createdAt()));
		}
		return notes;
	}

	public NoteView add(StaffActor actor, long conversationId, String text) {
		// a transcript of one's groups is read, not noted on
		this.access.forNote(actor, conversationId);
		String body = check(text);
		Map<Long, Mention> mentioned = mentions(body);
		return this.transactions.execute((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			return insert(actor, locked, body, mentioned);
		});
	}

	/**
	 * Writes a note on a conversation the caller's transaction has locked, as part of
	 * that transaction (a transfer's note).
	 */
	NoteView addInTransaction(StaffActor actor, Conversation locked, String text) {
		String body = check(text);
		return insert(actor, locked, body, mentions(body));
	}

	/**
	 * @return the note text, stripped
	 */
	static String check(String text) {
		String body = (text != null) ? text.strip() : "";
		if (body.isEmpty()) {
			throw ChatInput.invalid("text", "must not be blank");
		}
		if (body.length() > MAX_LENGTH) {
			throw ChatInput.invalid("text", "must be at most " + MAX_LENGTH + " characters");
		}
		return ChatInput.plain("text", body);
	}

	private NoteView insert(StaffActor actor, Conversation locked, String body, Map<Long, Mention> mentioned) {
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO conversation_note (conversation_id, author_id, author_name, body, mentions, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(locked.id(), actor.id(), actor.displayName(), body,
					String.join(",", mentioned.keySet().stream().map(String::valueOf).toList()), now.toEpochMilli())
			.update(keys, "id");
		NoteView note = new NoteView(keys.getKeyAs(Number.class).longValue(), locked.id(),
				new Author(actor.id(), actor.displayName()), body, List.copyOf(mentioned.values()), now);
		this.kept.record(note.id(), locked.id(), actor.id(), mentioned.keySet(), now);
		this.events
			.publishEvent(new NoteAdded(locked.id(), note.id(), actor.id(), List.copyOf(mentioned.keySet()), now));
		this.feed.publishAfterCommit(new ChatEvents.NoteAdded(note, ChatEvents.Access.of(locked)));
		return note;
	}

	/** The colleagues a note mentions, each once, in order of mention, at most 20. */
	private Map<Long, Mention> mentions(String body) {
		Map<Long, Mention> mentioned = new LinkedHashMap<>();
		for (StaffMember m : this.staff.mentionedIn(body, 20)) {
			mentioned.put(m.id(), new Mention(m.id(), m.username(), m.displayName()));
		}
		return mentioned;
	}

	private static List<Long> ids(String stored) {
		List<Long> ids = new ArrayList<>();
		if (stored != null && !stored.isBlank()) {
			for (String id : stored.split(",")) {
				ids.add(Long.parseLong(id));
			}
		}
		return ids;
	}

}
