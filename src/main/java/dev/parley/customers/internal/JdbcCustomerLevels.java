package dev.parley.customers.internal;

import java.util.Optional;

import dev.parley.customers.CustomerLevels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customers' levels from the customer table, following merges (a few hops at most). */
@Component
class JdbcCustomerLevels implements CustomerLevels {

	private static final int MAX_HOPS = 5;

	private final JdbcClient jdbc;

	JdbcCustomerLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> levelOf(long customerId) {
		long id = customerId;
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			Optional<Long[]> row = this.jdbc.sql("SELECT level_id, merged_into FROM customer WHERE id = ?")
				.param(id)
				.query((rs, n) -> new Long[] { rs.getObject(1, Long.class), rs.getObject(2, Long.class) })
				.optional();
			if (row.isEmpty()) {
				return Optional.empty();
			}
			if (row.get()[1] == null) {
				return Optional.ofNullable(row.get()[0]);
			}
			id = row.get()[1];
		}
		return Optional.empty();
	}

	@Override
	public boolean exists(long levelId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_level WHERE id = ?")
			.param(levelId)
			.query(Integer.class)
			.single() > 0;
	}

}
