package dev.parley.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ticket rows and what hangs on them directly: tags, followers, linked conversations.
 */
@Repository
public class TicketRepository {

	static final String COLUMNS = "id, number, subject, description, customer_id, origin, type, category_id, priority, "
			+ "status, pending_on, group_id, assignee_id, due_at, sla_due_at, sla_policy_id, merged_into_id, parent_id, "
			+ "created_at, updated_at, first_responded_at, last_customer_reply_at, last_agent_reply_at, solved_at, "
			+ "closed_at, created_by, version";

	private final JdbcClient jdbc;

	TicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Ticket> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ?")
			.param(id)
			.query(TicketRepository::map)
			.optional();
	}

	/**
	 * @return those of the tickets that exist, in the order of their ids (read in one
	 * statement per 500)
	 */
	public List<Ticket> findAll(List<Long> ids) {
		List<Ticket> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			found.addAll(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM ticket WHERE id IN ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id")
				.params(new ArrayList<Object>(chunk))
				.query(TicketRepository::map)
				.list());
		}
		found.sort(Comparator.comparingLong(Ticket::id));
		return found;
	}

	/**
	 * Reads the ticket and holds its row until the transaction ends, so that writers who
	 * must not fail on each other (two replies at once) take turns.
	 */
	Optional<Ticket> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE")
			.param(id)
			.query(TicketRepository::map)
			.optional();
	}

	public Optional<Ticket> findByNumber(String number) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE number = ?")
			.param(number)
			.query(TicketRepository::map)
			.optional();
	}

	/**
	 * Inserts the ticket with a temporary number, then gives it its number from its id.
	 */
	long insert(Ticket t) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket (number, subject, description, customer_id, origin, type, category_id, priority, "
					+ "status, pending_on, group_id, assignee_id, due_at, created_at, updated_at, created_by, version) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params("pending-" + java.util.UUID.randomUUID().toString().substring(0, 16), t.subject(), t.description(),
					t.customerId(), t.origin().name(), t.type().name(), t.categoryId(), t.priority().rank(),
					t.status().name(), name(t.pendingOn()), t.groupId(), t.assigneeId(), millis(t.dueAt()),
					t.createdAt().toEpochMilli(), t.updatedAt().toEpochMilli(), t.createdBy())
			.update(key, "id");
		long id = key.getKey().longValue();
		this.jdbc.sql("UPDATE ticket SET number = ? WHERE id = ?")
			.params(t.number().replace("{id}", pad(id)), id)
			.update();
		return id;
	}

	private static String pad(long id) {
		return String.format("%06d", id);
	}

	/**
	 * Writes the changed ticket if nobody changed it since {@code readVersion}.
	 * @return whether it was written (false: someone else's change came first)
	 */
	boolean update(Ticket t, int readVersion) {
		return this.jdbc
			.sql("UPDATE ticket SET subject = ?, description = ?, customer_id = ?, type = ?, category_id = ?, "
					+ "priority = ?, status = ?, pending_on = ?, group_id = ?, assignee_id = ?, due_at = ?, merged_into_id = ?, "
					+ "parent_id = ?, updated_at = ?, first_responded_at = ?, last_customer_reply_at = ?, "
					+ "last_agent_reply_at = ?, solved_at = ?, closed_at = ?, version = version + 1 "
					+ "WHERE id = ? AND version = ?")
			.params(t.subject(), t.description(), t.customerId(), t.type().name(), t.categoryId(), t.priority().rank(),
					t.status().name(), name(t.pendingOn()), t.groupId(), t.assigneeId(), millis(t.dueAt()),
					t.mergedIntoId(), t.parentId(), t.updatedAt().toEpochMilli(), millis(t.firstRespondedAt()),
					millis(t.lastCustomerReplyAt()), millis(t.lastAgentReplyAt()), millis(t.solvedAt()),
					millis(t.closedAt()), t.id(), readVersion)
			.update() == 1;
	}

	public List<String> tags(long ticketId) {
		return this.jdbc.sql("SELECT tag FROM ticket_tag WHERE ticket_id = ? ORDER BY tag")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	void replaceTags(long ticketId, Collection<String> tags) {
		this.jdbc.sql("DELETE FROM ticket_tag WHERE ticket_id = ?").param(ticketId).update();
		for (String tag : tags) {
			this.jdbc.sql("INSERT INTO ticket_tag (ticket_id, tag) VALUES (?, ?)").params(ticketId, tag).update();
		}
	}

	public List<Long> followers(long ticketId) {
		return this.jdbc.sql("SELECT user_id FROM ticket_follower WHERE ticket_id = ? ORDER BY user_id")
			.param(ticketId)
			.query(Long.class)
			.list();
	}

	void replaceFollowers(long ticketId, Collection<Long> userIds) {
		this.jdbc.sql("DELETE FROM ticket_follower WHERE ticket_id = ?").param(ticketId).update();
		for (Long userId : userIds) {
			this.jdbc.sql("INSERT INTO ticket_follower (ticket_id, user_id) VALUES (?, ?)")
				.params(ticketId, userId)
				.update();
		}
	}

	public boolean follows(long ticketId, long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket_follower WHERE ticket_id = ? AND user_id = ?")
			.params(ticketId, userId)
			.query(Integer.class)
			.single() > 0;
	}

	public List<Long> conversations(long ticketId) {
		return this.jdbc.sql(
				"SELECT conversation_id FROM ticket_conversation WHERE ticket_id = ? ORDER BY linked_at, conversation_id")
			.param(ticketId)
			.query(Long.class)
			.list();
	}

	/**
	 * @return whether the link is new
	 */
	boolean linkConversation(long ticketId, long conversationId, Instant at) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM ticket_conversation WHERE ticket_id = ? AND conversation_id = ?")
			.params(ticketId, conversationId)
			.query(Integer.class)
			.single() > 0) {
			return false;
		}
		this.jdbc.sql("INSERT INTO ticket_conversation (ticket_id, conversation_id, linked_at) VALUES (?, ?, ?)")
			.params(ticketId, conversationId, at.toEpochMilli())
			.update();
		return true;
	}

	/**
	 * @return the tickets a conversation is linked to, newest first
	 */
	public List<Long> ticketsOfConversation(long conversationId) {
		return this.jdbc
			.sql("SELECT ticket_id FROM ticket_conversation WHERE conversation_id = ? ORDER BY ticket_id DESC")
			.param(conversationId)
			.query(Long.class)
			.list();
	}

	static Ticket map(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
				rs.getString("description"), rs.getLong("customer_id"), TicketOrigin.valueOf(rs.getString("origin")),
				TicketType.valueOf(rs.getString("type")), longOrNull(rs, "category_id"),
				TicketPriority.ofRank(rs.getInt("priority")).orElse(TicketPriority.NORMAL),
				TicketStatus.valueOf(rs.getString("status")),
				(rs.getString("pending_on") != null) ? PendingOn.valueOf(rs.getString("pending_on")) : null,
				longOrNull(rs, "group_id"), longOrNull(rs, "assignee_id"), instant(rs, "due_at"),
				instant(rs, "sla_due_at"), longOrNull(rs, "sla_policy_id"), longOrNull(rs, "merged_into_id"),
				longOrNull(rs, "parent_id"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "first_responded_at"), instant(rs, "last_customer_reply_at"),
				instant(rs, "last_agent_reply_at"), instant(rs, "solved_at"), instant(rs, "closed_at"),
				rs.getString("created_by"), rs.getInt("version"));
	}

	static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	static Long millis(Instant at) {
		return (at != null) ? at.toEpochMilli() : null;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
