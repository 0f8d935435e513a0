package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.conversations.CustomerVisitors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcCustomerVisitors implements CustomerVisitors {

	private final VisitorRepository visitors;

	private final JdbcClient jdbc;

	JdbcCustomerVisitors(VisitorRepository visitors, JdbcClient jdbc) {
		this.visitors = visitors;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Long> customerOf(long visitorId) {
		return this.visitors.customerOf(visitorId);
	}

	@Override
	public Optional<Long> customerOfConversation(long conversationId) {
		return this.jdbc
			.sql("SELECT v.customer_id FROM conversation c JOIN visitor v ON v.id = c.visitor_id WHERE c.id = ?")
			.param(conversationId)
			.query((rs, row) -> (Long) rs.getObject(1, Long.class))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	@Override
	public int moveVisitors(long fromCustomerId, long toCustomerId) {
		return this.visitors.moveCustomer(fromCustomerId, toCustomerId);
	}

	@Override
	public Activity activity(long customerId) {
		Object[] totals = this.jdbc
			.sql("SELECT COUNT(*), MAX(c.created_at) FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
					+ "WHERE v.customer_id = ?")
			.param(customerId)
			.query((rs, row) -> new Object[] { rs.getInt(1), (Long) rs.getObject(2, Long.class) })
			.single();
		Integer rating = this.jdbc
			.sql("SELECT c.rating FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
					+ "WHERE v.customer_id = ? AND c.rating IS NOT NULL ORDER BY c.rated_at DESC, c.id DESC LIMIT 1")
			.param(customerId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		List<Long> channels = this.jdbc
			.sql("SELECT DISTINCT channel_id FROM visitor WHERE customer_id = ? ORDER BY channel_id")
			.param(customerId)
			.query(Long.class)
			.list();
		Long last = (Long) totals[1];
		return new Activity((Integer) totals[0], (last != null) ? Instant.ofEpochMilli(last) : null, rating, channels);
	}

}
