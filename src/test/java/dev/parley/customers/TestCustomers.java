package dev.parley.customers;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer records for search tests, written as the records' own code does: the row and
 * its tags in one transaction that publishes {@link CustomerChanged}, so the search index
 * follows as it does in production.
 */
final class TestCustomers {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TestCustomers(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	TransactionTemplate transactions() {
		return this.transactions;
	}

	long customer(String name, String company, String... tags) {
		long now = this.clock.instant().toEpochMilli();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql(
					"INSERT INTO customer (name, company, first_seen_at, last_seen_at, conversation_count, created_at, "
							+ "updated_at, version) VALUES (?, ?, ?, ?, 0, ?, ?, 0)")
				.params(name, company, now, now, now, now)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			for (String tag : tags) {
				this.jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)").params(id, tag).update();
			}
			this.events.publishEvent(new CustomerChanged(id, Instant.now()));
		});
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Runs a change to a customer's searchable data and announces it. */
	void change(long customer, Runnable change) {
		this.transactions.executeWithoutResult((status) -> {
			change.run();
			this.events.publishEvent(new CustomerChanged(customer, Instant.now()));
		});
	}

	long level(String name) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO customer_level (name, position, created_at) VALUES (?, 0, 0)")
			.param(name)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
