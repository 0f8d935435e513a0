package dev.parley.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Password resets asked for from the sign-in page: only the SHA-256 hash of each token is
 * stored.
 */
@Repository
public class PasswordResetRepository {

	private final JdbcClient jdbc;

	PasswordResetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reset as stored. */
	public record Reset(long id, long userId, Instant expiresAt, Instant usedAt) {

		boolean usableAt(Instant now) {
			return this.usedAt == null && this.expiresAt.isAfter(now);
		}

	}

	public void insert(String tokenHash, long userId, Instant now, Instant expiresAt, String requestedFrom) {
		this.jdbc
			.sql("INSERT INTO password_reset (token_hash, user_id, created_at, expires_at, requested_from) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(tokenHash, userId, now.toEpochMilli(), expiresAt.toEpochMilli(), requestedFrom)
			.update();
	}

	public Optional<Reset> findByHash(String tokenHash) {
		return this.jdbc.sql("SELECT id, user_id, expires_at, used_at FROM password_reset WHERE token_hash = ?")
			.param(tokenHash)
			.query((rs, row) -> {
				long used = rs.getLong(4);
				Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
				return new Reset(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), usedAt);
			})
			.optional();
	}

	/**
	 * Uses the reset once: of two confirmations at once only one sees true.
	 * @return whether this call used it (it was unused and not expired)
	 */
	public boolean use(long id, Instant now) {
		return this.jdbc
			.sql("UPDATE password_reset SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?")
			.params(now.toEpochMilli(), id, now.toEpochMilli())
			.update() == 1;
	}

	/**
	 * Ends every reset of the user still pending (a newer one was asked for, or the
	 * password was just reset): they count as used.
	 */
	public void endPending(long userId, Instant now) {
		this.jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), userId)
			.update();
	}

	/**
	 * Forgets resets that expired before the given time.
	 * @return how many
	 */
	public int purge(Instant expiredBefore) {
		return this.jdbc.sql("DELETE FROM password_reset WHERE expires_at < ?")
			.param(expiredBefore.toEpochMilli())
			.update();
	}

}
