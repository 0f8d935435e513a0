package dev.parley.security.internal;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.parley.platform.Databases;
import dev.parley.platform.PersonalData;
import dev.parley.platform.SourceSignal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signals per address and kind in fixed windows, in the database so that every node of a
 * cluster counts the same (and the embedded node its own), atomically when signals arrive
 * at once on several nodes. The count over a sliding window is estimated from the current
 * fixed window and the previous one, weighted by how much of it the sliding window still
 * covers, so a burst that straddles two fixed windows is caught too.
 */
@Repository
class SignalCounts {

	private final JdbcClient jdbc;

	/**
	 * See SignInThrottleRepository: a lost insert race must not spoil the transaction.
	 */
	private final TransactionTemplate savepoint;

	/** On MySQL/MariaDB update-then-insert deadlocks; one upsert statement counts. */
	private final boolean upsert;

	private final PersonalData personalData;

	SignalCounts(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.upsert = Databases.isMariaDb(dataSource);
	}

	/**
	 * Counts one signal (call it in a transaction).
	 * @return the estimated count within the sliding window ending now, this one included
	 */
	double count(String clientAddress, SourceSignal kind, Instant now, Duration window) {
		String address = key(clientAddress);
		long size = window.toMillis();
		long start = Math.floorDiv(now.toEpochMilli(), size) * size;
		if (this.upsert) {
			this.jdbc
				.sql("INSERT INTO source_signal (address, kind, window_start, signals) VALUES (?, ?, ?, 1) "
						+ "ON DUPLICATE KEY UPDATE signals = signals + 1")
				.params(address, kind.name(), start)
				.update();
		}
		else if (increment(address, kind, start) == 0) {
			try {
				this.savepoint.executeWithoutResult((tx) -> this.jdbc
					.sql("INSERT INTO source_signal (address, kind, window_start, signals) VALUES (?, ?, ?, 1)")
					.params(address, kind.name(), start)
					.update());
			}
			catch (DuplicateKeyException ex) {
				increment(address, kind, start);
			}
		}
		int current = signals(address, kind, start);
		int previous = signals(address, kind, start - size);
		double covered = 1.0 - (double) (now.toEpochMilli() - start) / size;
		return current + previous * covered;
	}

	private int increment(String address, SourceSignal kind, long start) {
		return this.jdbc
			.sql("UPDATE source_signal SET signals = signals + 1 WHERE address = ? AND kind = ? AND window_start = ?")
			.params(address, kind.name(), start)
			.update();
	}

	private int signals(String address, SourceSignal kind, long start) {
		return this.jdbc.sql("SELECT signals FROM source_signal WHERE address = ? AND kind = ? AND window_start = ?")
			.params(address, kind.name(), start)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Forgets an address's counts (its block was lifted: it starts afresh). */
	void forget(String clientAddress) {
		this.jdbc.sql("DELETE FROM source_signal WHERE address = ?").param(key(clientAddress)).update();
	}

	/**
	 * A visitor's address is personal data: the counts are kept under its blind index
	 * (counting needs only equality), never the address itself.
	 */
	private String key(String clientAddress) {
		return this.personalData.index("source-address", clientAddress);
	}

	/**
	 * @return how many rows of windows that ended before {@code before} were deleted
	 */
	int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM source_signal WHERE window_start < ?").param(before.toEpochMilli()).update();
	}

}
