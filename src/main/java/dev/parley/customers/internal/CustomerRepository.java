package dev.parley.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.parley.conversations.CustomerVisitors.Activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

	static final String COLUMNS = "id, name, company, language, time_zone, level_id, first_seen_at, last_seen_at, "
			+ "last_conversation_at, conversation_count, last_rating, blocked_at, blocked_until, block_reason, "
			+ "blocked_by, merged_into, erased_at, created_at, updated_at, version";

	/**
	 * A visitor seen again within this many milliseconds does not update last_seen_at.
	 */
	private static final long SEEN_GRANULARITY_MILLIS = 60_000;

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Customer> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ?")
			.param(id)
			.query(CustomerRepository::map)
			.optional();
	}

	/**
	 * Reads the customer with a locking read, holding his row until the transaction ends;
	 * the read sees what other transactions committed since this one began, also on
	 * MariaDB (REPEATABLE READ), where a plain read sees the transaction's snapshot.
	 */
	public Optional<Customer> findLocked(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CustomerRepository::map)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * @return the customer, following merges to the survivor
	 */
	public Optional<Customer> findLive(long id) {
		Optional<Customer> found = findById(id);
		for (int hops = 0; found.isPresent() && found.get().mergedInto() != null && hops < 16; hops++) {
			found = findById(found.get().mergedInto());
		}
		return found.filter((c) -> c.mergedInto() == null);
	}

	/**
	 * @return the live record as {@link #findLive}, unless its data was erased: an erased
	 * record is nobody's any more, so whoever comes back gets a new one
	 */
	public Optional<Customer> findLinkable(long id) {
		return findLive(id).filter((c) -> c.erasedAt() == null);
	}

	public long insert(String name, String language, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		long now = at.toEpochMilli();
		this.jdbc
			.sql("INSERT INTO customer (name, language, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES (?, ?, ?, ?, 0, ?, ?, 0)")
			.params(name, language, now, now, now, now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Notes that the customer was seen (at most once a minute, to keep widget arrivals
	 * cheap), and fills in his name and language when they are not known yet.
	 * @return whether his name was filled in
	 */
	public boolean seen(long id, String name, String language, Instant at) {
		return seen(id, true, name, language, at);
	}

	/**
	 * As {@link #seen(long, String, String, Instant)}, for a record read in this
	 * transaction: runs only the updates that can change it (a returning visitor's page
	 * load within the minute, with nothing new, runs none).
	 * @return whether his name was filled in
	 */
	public boolean seen(Customer known, String name, String language, Instant at) {
		boolean stale = known.lastSeenAt() == null
				|| known.lastSeenAt().toEpochMilli() < at.toEpochMilli() - SEEN_GRANULARITY_MILLIS;
		return seen(known.id(), stale, (known.name() == null) ? name : null,
				(known.language() == null) ? language : null, at);
	}

	private boolean seen(long id, boolean stale, String name, String language, Instant at) {
		long now = at.toEpochMilli();
		if (stale) {
			this.jdbc.sql("UPDATE customer SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")
				.params(now, id, now - SEEN_GRANULARITY_MILLIS)
				.update();
		}
		boolean named = name != null && this.jdbc
			.sql("UPDATE customer SET name = ?, updated_at = ?, version = version + 1 WHERE id = ? AND name IS NULL")
			.params(name, now, id)
			.update() > 0;
		if (language != null) {
			this.jdbc.sql("UPDATE customer SET language = ? WHERE id = ? AND language IS NULL")
				.params(language, id)
				.update();
		}
		return named;
	}

	/** Keeps the figures read from live chat. */
	public void activity(long id, Activity activity) {
		this.jdbc
			.sql("UPDATE customer SET conversation_count = ?, last_conversation_at = ?, last_rating = ? WHERE id = ?")
			.params(activity.conversations(),
					(activity.lastConversationAt() != null) ? activity.lastConversationAt().toEpochMilli() : null,
					activity.lastRating(), id)
			.update();
	}

	/**
	 * Locks the customer's row until the transaction ends: what is checked and then
	 * inserted for him (contacts, channels, suggestions, terms) is done by one
	 * transaction at a time, so two at once do not collide on a unique key (which on
	 * PostgreSQL would abort the whole transaction).
	 */
	void lock(long id) {
		this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
	}

	/** Records the channels the customer used (first and last time). */
	public void channelUsed(long id, long channelId, Instant at) {
		long now = at.toEpochMilli();
		Optional<Long> lastSeen = this.jdbc
			.sql("SELECT last_seen_at FROM customer_channel WHERE customer_id = ? AND channel_id = ?")
			.params(id, channelId)
			.query(Long.class)
			.optional();
		if (lastSeen.isPresent()) {
			// to the minute: a returning visitor's page loads within it write nothing
			if (lastSeen.get() < now - SEEN_GRANULARITY_MILLIS) {
				this.jdbc
					.sql("UPDATE customer_channel SET last_seen_at = ? WHERE customer_id = ? AND channel_id = ? "
							+ "AND last_seen_at < ?")
					.params(now, id, channelId, now - SEEN_GRANULARITY_MILLIS)
					.update();
			}
			return;
		}
		// one check-then-insert per customer at a time
		lock(id);
		// at READ COMMITTED (application.yml) this plain read sees what the transaction
		// that held the lock before committed
		if (this.jdbc.sql("SELECT customer_id FROM customer_channel WHERE customer_id = ? AND channel_id = ?")
			.params(id, channelId)
			.query(Long.class)
			.list()
			.isEmpty()) {
			this.jdbc
				.sql("INSERT INTO customer_channel (customer_id, channel_id, first_seen_at, last_seen_at) "
						+ "VALUES (?, ?, ?, ?)")
				.params(id, channelId, now, now)
				.update();
		}
	}

	void markMerged(long mergedId, long survivorId, Instant at) {
		this.jdbc.sql("UPDATE customer SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(survivorId, at.toEpochMilli(), mergedId)
			.update();
	}

	/** Takes the earliest first sighting and the latest last one of both. */
	void absorbSightings(long survivorId, Customer merged) {
		this.jdbc
			.sql("UPDATE customer SET first_seen_at = CASE WHEN first_seen_at > ? THEN ? ELSE first_seen_at END, "
					+ "last_seen_at = CASE WHEN last_seen_at < ? THEN ? ELSE last_seen_at END WHERE id = ?")
			.params(merged.firstSeenAt().toEpochMilli(), merged.firstSeenAt().toEpochMilli(),
					merged.lastSeenAt().toEpochMilli(), merged.lastSeenAt().toEpochMilli(), survivorId)
			.update();
	}

	static Customer map(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("company"), rs.getString("language"),
				rs.getString("time_zone"), (Long) rs.getObject("level_id", Long.class), instant(rs, "first_seen_at"),
				instant(rs, "last_seen_at"), instant(rs, "last_conversation_at"), rs.getInt("conversation_count"),
				(Integer) rs.getObject("last_rating", Integer.class), instant(rs, "blocked_at"),
				instant(rs, "blocked_until"), rs.getString("block_reason"), rs.getString("blocked_by"),
				(Long) rs.getObject("merged_into", Long.class), instant(rs, "erased_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
