package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.conversations.ConversationStatus;
import dev.parley.platform.ApiException;
import dev.parley.platform.LikePattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists of conversations for the workspace, the board and transcript search. Lists page
 * by keyset (a sort value and the id of the last row seen), never by OFFSET; every list
 * has an index that starts with its filter and sort columns.
 */
@Repository
public class ConversationLists {

	private static final String NOT_SNOOZED = "c.snoozed_until IS NULL AND c.snoozed_until_reply = FALSE";

	private final JdbcClient jdbc;

	/**
	 * The transcript index; absent where only repositories run (their contract tests).
	 */
	private final ObjectProvider<TranscriptIndex> transcripts;

	ConversationLists(JdbcClient jdbc, ObjectProvider<TranscriptIndex> transcripts) {
		this.transcripts = transcripts;
		this.jdbc = jdbc;
	}

	/** A page of conversations and the cursor of the next page, if any. */
	public record Page(List<Conversation> items, String nextCursor) {
	}

	/** Where a keyset page starts: after this sort value and id. */
	record Cursor(long value, long id) {

		static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split("\\.");
			try {
				if (parts.length == 2) {
					return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
				}
			}
			catch (NumberFormatException ex) {
				// fall through
			}
			throw ApiException.badRequest("validation_failed", "after: not a cursor of this list");
		}

		String format() {
			return this.value + "." + this.id;
		}

	}

	/**
	 * The conversations a staff member without {@code conversation.view_all} may look up:
	 * those assigned to him, those waiting (for whoever may take one) and, once closed,
	 * those he had before (the transcript names him taking, receiving or closing it),
	 * wrote in or left a note on, and those of his groups; and, whatever their state,
	 * those in whose notes a colleague mentioned him (a mention asks him to look). Any
	 * other open conversation of someone else stays out of reach, as a transfer away
	 * leaves it.
	 */
	public record Scope(long userId, List<Long> groupIds, boolean waiting) {

		public Scope {
			groupIds = List.copyOf(groupIds);
		}

		String condition() {
			StringBuilder sql = new StringBuilder("(c.assignee_id = ? OR EXISTS (SELECT 1 FROM note_mention nm "
					+ "WHERE nm.conversation_id = c.id AND nm.user_id = ?)");
			if (this.waiting) {
				sql.append(" OR c.status = '").append(ConversationStatus.WAITING.value()).append("'");
			}
			sql.append(" OR (c.status = '")
				.append(ConversationStatus.CLOSED.value())
				.append("' AND (EXISTS (SELECT 1 FROM chat_message p WHERE p.conversation_id = c.id "
						+ "AND p.sender_id = ? AND p.sender_kind IN ('agent', 'system')) "
						+ "OR EXISTS (SELECT 1 FROM conversation_note n WHERE n.conversation_id = c.id "
						+ "AND n.author_id = ?)");
			if (!this.groupIds.isEmpty()) {
				sql.append(" OR c.group_id IN (")
					.append(String.join(", ", java.util.Collections.nCopies(this.groupIds.size(), "?")))
					.append(")");
			}
			return sql.append(")))").toString();
		}

		List<Object> params() {
			List<Object> params = new ArrayList<>(List.of(this.userId, this.userId, this.userId, this.userId));
			params.addAll(this.groupIds);
			return params;
		}

	}

	/** The sort orders of the lists. */
	private enum Sort {

		CREATED("c.created_at", true), ACTIVITY("c.last_message_at", false), CLOSED("c.closed_at", false),
		NEWEST("c.created_at", false);

		private final String column;

		private final boolean ascending;

		Sort(String column, boolean ascending) {
			this.column = column;
			this.ascending = ascending;
		}

		long valueOf(Conversation c) {
			return switch (this) {
				case CREATED, NEWEST -> c.createdAt().toEpochMilli();
				case CLOSED -> (c.closedAt() != null) ? c.closedAt().toEpochMilli() : 0;
				case ACTIVITY -> c.lastMessageAt().toEpochMilli();
			};
		}

	}

	/** Everything assigned and not closed, most recently active first. */
	public List<Conversation> inProgress(int limit) {
		return open(null, null, limit).items();
	}

	/** An agent's open conversations, most recently active first. */
	public List<Conversation> openOf(long assigneeId, int limit) {
		return open(assigneeId, null, limit).items();
	}

	/** The queue, oldest first. */
	Page waiting(Cursor after, int limit) {
		return page("c.status = ?", List.of(ConversationStatus.WAITING.value()), Sort.CREATED, after, limit);
	}

	/** Open conversations, most recently active first; of one agent, or of everyone. */
	Page open(Long assigneeId, Cursor after, int limit) {
		return ofStatus(ConversationStatus.ASSIGNED, assigneeId, Sort.ACTIVITY, after, limit);
	}

	/**
	 * An agent's open conversations that are not snoozed (his active list), most recently
	 * active first.
	 */
	Page active(long assigneeId, Cursor after, int limit) {
		return page("c.assignee_id = ? AND c.status = ? AND " + NOT_SNOOZED,
				List.of(assigneeId, ConversationStatus.ASSIGNED.value()), Sort.ACTIVITY, after, limit);
	}

	/** An agent's snoozed conversations, most recently active first. */
	Page snoozed(long assigneeId, Cursor after, int limit) {
		return page("c.assignee_id = ? AND c.status = ? AND NOT (" + NOT_SNOOZED + ")",
				List.of(assigneeId, ConversationStatus.ASSIGNED.value()), Sort.ACTIVITY, after, limit);
	}

	/** Closed conversations, most recently closed first; of one agent, or of everyone. */
	Page closed(Long assigneeId, Cursor after, int limit) {
		return ofStatus(ConversationStatus.CLOSED, assigneeId, Sort.CLOSED, after, limit);
	}

	private Page ofStatus(ConversationStatus status, Long assigneeId, Sort sort, Cursor after, int limit) {
		if (assigneeId != null) {
			return page("c.assignee_id = ? AND c.status = ?", List.of(assigneeId, status.value()), sort, after, limit);
		}
		return page("c.status = ?", List.of(status.value()), sort, after, limit);
	}

	/**
	 * Transcript search: by message text, channel, agent and creation time, newest first;
	 * within the scope (null: everything).
	 */
	Page search(Scope scope, String text, Long channelId, Long agentId, Instant from, Instant to, Cursor after,
			int limit) {
		StringBuilder where = new StringBuilder("1 = 1");
		List<Object> params = new ArrayList<>();
		if (scope != null) {
			where.append(" AND ").append(scope.condition());
			params.addAll(scope.params());
		}
		if (channelId != null) {
			where.append(" AND c.channel_id = ?");
			params.add(channelId);
		}
		if (agentId != null) {
			where.append(" AND c.assignee_id = ?");
			params.add(agentId);
		}
		if (from != null) {
			where.append(" AND c.created_at >= ?");
			params.add(from.toEpochMilli());
		}
		if (to != null) {
			where.append(" AND c.created_at < ?");
			params.add(to.toEpochMilli());
		}
		if (text != null && !text.isBlank()) {
			// every word in the transcript's search terms (new messages: in their text)
			TranscriptIndex index = this.transcripts.getIfAvailable();
			String words = (index != null) ? index.condition(text, params) : null;
			if (words == null) {
				// no word (punctuation only), or no index: the text as written
				where.append(" AND EXISTS (SELECT 1 FROM chat_message m WHERE m.conversation_id = c.id "
						+ "AND LOWER(m.body) LIKE LOWER(?) ESCAPE '!')");
				params.add(LikePattern.contains(text.strip()));
			}
			else {
				where.append(" AND ").append(words);
			}
		}
		return page(where.toString(), params, Sort.NEWEST, after, limit);
	}

	/**
	 * A visitor's conversations, newest first; within the scope (null: all of them).
	 */
	Page ofVisitor(long visitorId, Scope scope, Cursor after, int limit) {
		StringBuilder where = new StringBuilder("c.visitor_id = ?");
		List<Object> params = new ArrayList<>(List.of(visitorId));
		if (scope != null) {
			where.append(" AND ").append(scope.condition());
			params.addAll(scope.params());
		}
		return page(where.toString(), params, Sort.NEWEST, after, limit);
	}

	/** Whether a note of the conversation mentions the user. */
	boolean mentions(long conversationId, long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM note_mention WHERE conversation_id = ? AND user_id = ?")
			.params(conversationId, userId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the conversation is within the scope. */
	boolean inScope(long conversationId, Scope scope) {
		List<Object> params = new ArrayList<>(List.of(conversationId));
		params.addAll(scope.params());
		return this.jdbc.sql("SELECT COUNT(*) FROM conversation c WHERE c.id = ? AND " + scope.condition())
			.params(params)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Open conversations nobody has written in since {@code before}, oldest first; not
	 * while snoozed, and counted from the end of the last snooze.
	 */
	List<Long> findInactive(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT c.id FROM conversation c WHERE (c.status = ? OR (c.status = ? "
					+ "AND c.left_message_at IS NULL)) AND c.last_message_at < ? AND " + NOT_SNOOZED
					+ " AND (c.woke_at IS NULL OR c.woke_at < ?) ORDER BY c.last_message_at, c.id LIMIT ?")
			.params(ConversationStatus.ASSIGNED.value(), ConversationStatus.WAITING.value(), before.toEpochMilli(),
					before.toEpochMilli(), limit)
			.query(Long.class)
			.list();
	}

	/** Snoozed conversations whose time has come, soonest first. */
	List<Long> findDueSnoozes(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT c.id FROM conversation c WHERE c.snoozed_until <= ? ORDER BY c.snoozed_until, c.id LIMIT ?")
			.params(now.toEpochMilli(), limit)
			.query(Long.class)
			.list();
	}

	private Page page(String filter, List<Object> filterParams, Sort sort, Cursor after, int limit) {
		List<Object> params = new ArrayList<>(filterParams);
		StringBuilder sql = new StringBuilder(
				"SELECT " + ConversationRepository.COLUMNS + " FROM conversation c WHERE " + filter);
		String direction = sort.ascending ? ">" : "<";
		if (after != null) {
			sql.append(" AND (" + sort.column + " " + direction + " ? OR (" + sort.column + " = ? AND c.id " + direction
					+ " ?))");
			params.add(after.value());
			params.add(after.value());
			params.add(after.id());
		}
		String order = sort.ascending ? "ASC" : "DESC";
		sql.append(" ORDER BY " + sort.column + " " + order + ", c.id " + order + " LIMIT ?");
		params.add(limit + 1);
		List<Conversation> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query(ConversationRepository::map)
			.list();
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<Conversation> items = rows.subList(0, limit);
		Conversation last = items.get(items.size() - 1);
		return new Page(List.copyOf(items), new Cursor(sort.valueOf(last), last.id()).format());
	}

}
