package dev.parley.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.security.BlockReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Blocks of client addresses. */
@Repository
class SourceBlockRepository {

	private static final String COLUMNS = "id, address, reason, signals, note, blocked_by, blocked_at, blocked_until, "
			+ "lifted_at, lifted_by";

	private final JdbcClient jdbc;

	SourceBlockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new block's id, or empty when the address has a current block already
	 * (another node blocked it a moment ago)
	 */
	Optional<Long> insertUnlessBlocked(String address, BlockReason reason, int signals, String note, String by,
			Instant at, Instant until) {
		if (findCurrent(address, at).isPresent()) {
			return Optional.empty();
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO source_block (address, reason, signals, note, blocked_by, blocked_at, blocked_until) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(address, reason.name(), signals, note, by, at.toEpochMilli(), until.toEpochMilli())
			.update(key, "id");
		return Optional.of(key.getKey().longValue());
	}

	Optional<SourceBlock> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM source_block WHERE id = ?")
			.param(id)
			.query(this::block)
			.optional();
	}

	Optional<SourceBlock> findCurrent(String address, Instant now) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM source_block WHERE address = ? AND blocked_until > ? "
					+ "AND lifted_at IS NULL ORDER BY id DESC")
			.params(address, now.toEpochMilli())
			.query(this::block)
			.stream()
			.findFirst();
	}

	List<SourceBlock> current(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM source_block WHERE blocked_until > ? AND lifted_at IS NULL "
					+ "ORDER BY id DESC LIMIT ?")
			.params(now.toEpochMilli(), limit)
			.query(this::block)
			.list();
	}

	/** Blocks that ended or were lifted, newest first. */
	List<SourceBlock> past(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM source_block WHERE blocked_until <= ? OR lifted_at IS NOT NULL "
					+ "ORDER BY id DESC LIMIT ?")
			.params(now.toEpochMilli(), limit)
			.query(this::block)
			.list();
	}

	/**
	 * @return whether the block was current and is lifted now
	 */
	boolean lift(long id, String by, Instant at) {
		return this.jdbc
			.sql("UPDATE source_block SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL "
					+ "AND blocked_until > ?")
			.params(at.toEpochMilli(), by, id, at.toEpochMilli())
			.update() == 1;
	}

	private SourceBlock block(ResultSet rs, int row) throws SQLException {
		long lifted = rs.getLong("lifted_at");
		Instant liftedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lifted);
		return new SourceBlock(rs.getLong("id"), rs.getString("address"), BlockReason.valueOf(rs.getString("reason")),
				rs.getInt("signals"), rs.getString("note"), rs.getString("blocked_by"),
				Instant.ofEpochMilli(rs.getLong("blocked_at")), Instant.ofEpochMilli(rs.getLong("blocked_until")),
				liftedAt, rs.getString("lifted_by"));
	}

}
