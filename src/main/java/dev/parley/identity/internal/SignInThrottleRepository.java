package dev.parley.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted per subject (an account name, a client address, a device), in
 * the database so that every node counts the same, atomically when attempts arrive at
 * once on several nodes.
 */
@Repository
public class SignInThrottleRepository {

	private final JdbcClient jdbc;

	/**
	 * A savepoint in the caller's transaction: a first insert that loses a race fails on
	 * the primary key, and on PostgreSQL that would spoil the whole transaction; on the
	 * same connection, never a second one.
	 */
	private final TransactionTemplate savepoint;

	/**
	 * On MySQL/MariaDB the update-then-insert of a new subject deadlocks under concurrent
	 * attempts (the update's gap lock against the others' inserts), and a deadlock rolls
	 * back the whole transaction, savepoints and all: there, one upsert statement counts.
	 */
	private final boolean upsert;

	SignInThrottleRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.upsert = isMySql(dataSource);
	}

	/** The state of one subject. */
	public record Entry(String subject, int failures, Instant lastFailureAt, Instant blockedUntil) {

		public boolean blockedAt(Instant now) {
			return this.blockedUntil != null && this.blockedUntil.isAfter(now);
		}

	}

	public Optional<Entry> find(String subject) {
		return this.jdbc
			.sql("SELECT subject, failures, last_failure_at, blocked_until FROM sign_in_throttle WHERE subject = ?")
			.param(subject)
			.query((rs, row) -> {
				long blocked = rs.getLong(4);
				Instant blockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(blocked);
				return new Entry(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), blockedUntil);
			})
			.optional();
	}

	/**
	 * Counts one more failure; a run of failures whose last one is older than
	 * {@code forgetBefore} starts again at one.
	 * @return the subject after the count
	 */
	public Entry countFailure(String subject, Instant now, Instant forgetBefore) {
		if (this.upsert) {
			this.jdbc.sql("INSERT INTO sign_in_throttle (subject, failures, last_failure_at) VALUES (?, 1, ?) "
					+ "ON DUPLICATE KEY UPDATE failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, "
					+ "last_failure_at = ?")
				.params(subject, now.toEpochMilli(), forgetBefore.toEpochMilli(), now.toEpochMilli())
				.update();
		}
		else if (increment(subject, now, forgetBefore) == 0) {
			try {
				this.savepoint.executeWithoutResult((tx) -> this.jdbc
					.sql("INSERT INTO sign_in_throttle (subject, failures, last_failure_at) VALUES (?, 1, ?)")
					.params(subject, now.toEpochMilli())
					.update());
			}
			catch (DuplicateKeyException ex) {
				// another attempt counted the first failure a moment ago
				increment(subject, now, forgetBefore);
			}
		}
		return find(subject).orElseThrow();
	}

	private int increment(String subject, Instant now, Instant forgetBefore) {
		return this.jdbc
			.sql("UPDATE sign_in_throttle SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, "
					+ "last_failure_at = ? WHERE subject = ?")
			.params(forgetBefore.toEpochMilli(), now.toEpochMilli(), subject)
			.update();
	}

	private static boolean isMySql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			return product.contains("mysql") || product.contains("mariadb");
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Cannot learn which database this is", ex);
		}
	}

	public void block(String subject, Instant until) {
		this.jdbc.sql("UPDATE sign_in_throttle SET blocked_until = ? WHERE subject = ?")
			.params(until.toEpochMilli(), subject)
			.update();
	}

	public void clear(String subject) {
		this.jdbc.sql("DELETE FROM sign_in_throttle WHERE subject = ?").param(subject).update();
	}

	/**
	 * Forgets subjects whose last failure is older than the given time and that are no
	 * longer blocked.
	 * @return how many were forgotten
	 */
	public int purge(Instant lastFailureBefore, Instant now) {
		return this.jdbc
			.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < ? "
					+ "AND (blocked_until IS NULL OR blocked_until < ?)")
			.params(lastFailureBefore.toEpochMilli(), now.toEpochMilli())
			.update();
	}

}
