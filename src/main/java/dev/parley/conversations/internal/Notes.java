package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.identity.StaffDirectory;
import dev.parley.identity.StaffDirectory.StaffMember;
import dev.parley.platform.EventBus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Internal notes on a conversation: staff only, never part of the visitor's transcript.
 * {@code @username} mentions a colleague, who is told on the staff socket.
 */
@Service
public class Notes {

	private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9][A-Za-z0-9._-]{2,63})");

	private final JdbcClient jdbc;

	private final Conversations chat;

	private final StaffDirectory staff;

	private final EventBus bus;

	private final Clock clock;

	Notes(JdbcClient jdbc, Conversations chat, StaffDirectory staff, EventBus bus, Clock clock) {
		this.jdbc = jdbc;
		this.chat = chat;
		this.staff = staff;
		this.bus = bus;
		this.clock = clock;
	}

	public record Author(long id, String displayName) {
	}

	public record Mention(long id, String username, String displayName) {
	}

	public record NoteView(long id, long conversationId, Author author, String text, List<Mention> mentions,
			Instant createdAt) {
	}

	public List<NoteView> list(StaffActor actor, long conversationId) {
		this.chat.forStaff(actor, conversationId);
		return this.jdbc.sql(
				"SELECT id, conversation_id, author_id, author_name, body, mentions, created_at FROM conversation_note "
						+ "WHERE conversation_id = ? ORDER BY id")
			.param(conversationId)
			.query((rs, row) -> new NoteView(rs.getLong(1), rs.getLong(2), new Author(rs.getLong(3), rs.getString(4)),
					rs.getString(5), mentions(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7))))
			.list();
	}

	public NoteView add(StaffActor actor, long conversationId, String text) {
		this.chat.forStaff(actor, conversationId);
		String body = (text != null) ? text.strip() : "";
		if (body.isEmpty()) {
			throw Conversations.invalid("text", "must not be blank");
		}
		if (body.length() > 2000) {
			throw Conversations.invalid("text", "must be at most 2000 characters");
		}
		Map<Long, Mention> mentioned = new LinkedHashMap<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find() && mentioned.size() < 20) {
			String username = matcher.group(1);
			// "@li.na." at the end of a sentence: the final dots are punctuation
			String trimmed = username.replaceAll("[.]+$", "");
			this.staff.byUsername(username)
				.or(() -> this.staff.byUsername(trimmed))
				.filter(StaffMember::enabled)
				.ifPresent((m) -> mentioned.put(m.id(), new Mention(m.id(), m.username(), m.displayName())));
		}
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO conversation_note (conversation_id, author_id, author_name, body, mentions, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(conversationId, actor.id(), actor.displayName(), body,
					String.join(",", mentioned.keySet().stream().map(String::valueOf).toList()), now.toEpochMilli())
			.update(keys, "id");
		NoteView note = new NoteView(keys.getKeyAs(Number.class).longValue(), conversationId,
				new Author(actor.id(), actor.displayName()), body, List.copyOf(mentioned.values()), now);
		this.bus.publish(new ChatEvents.NoteAdded(note));
		return note;
	}

	private List<Mention> mentions(String ids) {
		List<Mention> result = new ArrayList<>();
		if (ids == null || ids.isBlank()) {
			return result;
		}
		for (String id : Arrays.asList(ids.split(","))) {
			this.staff.member(Long.parseLong(id))
				.ifPresent((m) -> result.add(new Mention(m.id(), m.username(), m.displayName())));
		}
		return result;
	}

}
