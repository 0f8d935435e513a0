package dev.parley.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.parley.platform.Leases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases kept in {@code node_lease}: taking one is a compare-and-set on its row (free or
 * expired, or already ours), committed at once in a transaction of its own, so it holds
 * across nodes on every engine.
 */
@Component
class JdbcLeases implements Leases {

	private final String node = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	JdbcLeases(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
		this.clock = clock;
	}

	@Override
	public boolean runExclusively(String name, Duration duration, Runnable job) {
		if (!acquire(name, duration)) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			release(name);
		}
	}

	@Override
	public boolean acquire(String name, Duration duration) {
		long now = this.clock.millis();
		long until = now + duration.toMillis();
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			int taken = this.jdbc.sql(
					"UPDATE node_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")
				.params(this.node, until, name, this.node, now)
				.update();
			if (taken == 1) {
				return true;
			}
			if (this.jdbc.sql("SELECT COUNT(*) FROM node_lease WHERE name = ?")
				.param(name)
				.query(Long.class)
				.single() > 0) {
				return false;
			}
			try {
				this.jdbc.sql("INSERT INTO node_lease (name, holder, expires_at) VALUES (?, ?, ?)")
					.params(name, this.node, until)
					.update();
				return true;
			}
			catch (DuplicateKeyException ex) {
				// another node inserted it a moment ago
				tx.setRollbackOnly();
				return false;
			}
		}));
	}

	@Override
	public void release(String name) {
		this.transactions.executeWithoutResult(
				(tx) -> this.jdbc.sql("UPDATE node_lease SET expires_at = 0 WHERE name = ? AND holder = ?")
					.params(name, this.node)
					.update());
	}

}
