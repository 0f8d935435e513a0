package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.parley.conversations.CustomerLinks.CustomerBlock;
import dev.parley.platform.ReadCache;
import dev.parley.platform.ReadCaches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customers blocked now, kept in memory: live chat asks on every visitor message, so
 * the answer must not cost a query. Emptied on every node ({@link ReadCaches}) whenever a
 * block is set or lifted, or a record merged.
 */
@Component
class BlockedCustomers {

	static final String CACHE = "customers.blocked";

	private final ReadCache<Map<Long, CustomerBlock>> cache;

	private final ReadCaches caches;

	private final JdbcClient jdbc;

	private final Clock clock;

	BlockedCustomers(ReadCaches caches, JdbcClient jdbc, Clock clock) {
		this.cache = caches.create(CACHE);
		this.caches = caches;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the block on the customer, if one applies now
	 */
	Optional<CustomerBlock> of(long customerId) {
		Instant now = this.clock.instant();
		return Optional.ofNullable(this.cache.get(this::load).get(customerId))
			.filter((b) -> b.until() == null || b.until().isAfter(now));
	}

	/** Call from every change of a block (in the transaction making it). */
	void changed() {
		this.caches.changed(CACHE);
	}

	private Map<Long, CustomerBlock> load() {
		Map<Long, CustomerBlock> blocked = new HashMap<>();
		this.jdbc
			.sql("SELECT id, block_reason, blocked_until FROM customer WHERE blocked_at IS NOT NULL "
					+ "AND merged_into IS NULL")
			.query((rs, row) -> {
				Long until = rs.getObject(3, Long.class);
				return blocked.put(rs.getLong(1),
						new CustomerBlock(rs.getString(2), (until != null) ? Instant.ofEpochMilli(until) : null));
			})
			.list();
		return Map.copyOf(blocked);
	}

}
