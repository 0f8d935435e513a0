package dev.parley.operations.internal;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database answers, can be read and written (a row written and read back in a
 * transaction that is rolled back), which engine it is and how long a round trip takes.
 */
@Component
@Order(10)
class DatabaseCheck implements SelfCheck {

	/** A round trip slower than this makes every page and message slow. */
	static final long SLOW_MILLIS = 50;

	private final DatabaseEngine engine;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DatabaseCheck(DatabaseEngine engine, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String key() {
		return "database";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		DatabaseEngine.Product product = this.engine.product();
		long started = System.nanoTime();
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		double roundTrip = (System.nanoTime() - started) / 1_000_000.0;
		Long written = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			this.jdbc
				.sql("INSERT INTO self_check_run (ran_at, ran_by, ok_count, warning_count, failed_count) "
						+ "VALUES (?, ?, 0, 0, 0)")
				.params(-1L, "(write probe)")
				.update();
			return this.jdbc.sql("SELECT COUNT(*) FROM self_check_run WHERE ran_at = -1").query(Long.class).single();
		});
		if (written == null || written < 1) {
			return SelfCheckResult.failed("selfCheck.database.notWritten", "engine", product.name())
				.withFix("selfCheck.database.fixWrite");
		}
		String millis = String.format(java.util.Locale.ROOT, "%.1f", roundTrip);
		Object[] arguments = { "engine", product.name(), "version", product.version(), "millis", millis };
		if (roundTrip > SLOW_MILLIS) {
			return SelfCheckResult.warning("selfCheck.database.slow", arguments)
				.withFix("selfCheck.database.fixSlow", "limit", SLOW_MILLIS);
		}
		if (product.h2()) {
			return SelfCheckResult.ok("selfCheck.database.embedded", arguments)
				.withFix("selfCheck.database.fixEmbedded");
		}
		return SelfCheckResult.ok("selfCheck.database.ok", arguments);
	}

}
