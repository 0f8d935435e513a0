package dev.parley.customers.internal;

import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.Databases;
import dev.parley.customers.internal.CustomerSort.Cursor;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pages of the customer list by keyset: the next page starts after the last customer's
 * (sort key, id), read from the sort's index. A sort key that may be empty is read in two
 * passes, first the customers with a value, then those without (by id), so the same SQL
 * runs on H2, PostgreSQL and MariaDB, which put NULLs in different places.
 */
@Component
class CustomerQuery {

	private static final Logger logger = LoggerFactory.getLogger(CustomerQuery.class);

	/**
	 * Up to this many ids are read and sorted rather than found along an index
	 * (docs/performance.md, "Finding customers").
	 */
	static final int SORT_READ = 2_000;

	/** A filter on one level (CustomerFilterParser). */
	private static final String ONE_LEVEL = "c.level_id IN (?)";

	private final JdbcClient jdbc;

	private final CustomerNarrowing narrowing;

	/**
	 * Whether the database is H2, whose planner takes an index of a condition (even
	 * {@code merged_into IS NULL}) over the sort's and then sorts every row: a walk names
	 * the sort's index there.
	 */
	private final boolean h2;

	CustomerQuery(JdbcClient jdbc, CustomerNarrowing narrowing, DataSource dataSource) {
		this.jdbc = jdbc;
		this.narrowing = narrowing;
		this.h2 = Databases.isH2(dataSource);
	}

	/**
	 * @return how the filter is read (once for all pages of an export)
	 */
	CustomerNarrowing.Plan plan(CustomerFilter filter) {
		return this.narrowing.plan(filter);
	}

	/**
	 * @param after where the previous page ended, or null for the first page
	 * @return the page, and where it ended when more follow (else null)
	 */
	Page page(CustomerFilter requested, CustomerSort sort, boolean descending, Cursor after, int limit) {
		return page(plan(requested), sort, descending, after, limit);
	}

	/**
	 * As {@link #page(CustomerFilter, CustomerSort, boolean, Cursor, int)}, with the
	 * filter planned already.
	 */
	Page page(CustomerNarrowing.Plan plan, CustomerSort sort, boolean descending, Cursor after, int limit) {
		if (plan.none()) {
			return new Page(List.of(), null);
		}
		CustomerFilter filter = plan.filter();
		List<Customer> rows = new ArrayList<>();
		String dir = descending ? " DESC" : " ASC";
		String cmp = descending ? " < " : " > ";
		boolean inNullPass = after != null && after.key() == null;
		if (!inNullPass) {
			// one level and the default order: the level's index is in that order, a walk
			// reads only his level's customers (ordering by the level first changes
			// nothing, it is the same for all; H2 sees the index serves the order then)
			boolean byLevel = plan.walk() && sort == CustomerSort.LAST_SEEN
					&& filter.conditions().stream().anyMatch((c) -> c.sql().equals(ONE_LEVEL));
			String index = byLevel ? "ix_customer_level" : sort.index;
			StringBuilder sql = new StringBuilder(select(filter, (this.h2 && plan.walk()) ? index : null));
			List<Object> params = new ArrayList<>(filter.params());
			if (sort.nullable) {
				sql.append(" AND ").append(sort.column).append(" IS NOT NULL");
			}
			if (after != null) {
				sql.append(" AND (")
					.append(sort.column)
					.append(cmp)
					.append("? OR (")
					.append(sort.column)
					.append(" = ? AND c.id")
					.append(cmp)
					.append("?))");
				params.add(after.key());
				params.add(after.key());
				params.add(after.id());
			}
			// a few ids, sorted: an expression of the key, or PostgreSQL walks
			// the sort's index testing each row against the ids (42,755 rows for
			// 1,241 ids); with many, walking the index of another condition (a
			// level's) costs less than reading them all
			String key = (plan.driven() > 0 && plan.driven() <= SORT_READ)
					? "COALESCE(" + sort.column + ", " + (sort.text ? "''" : "0") + ")" : sort.column;
			sql.append(" ORDER BY ")
				.append(byLevel ? "c.level_id" + dir + ", " : "")
				.append(key)
				.append(dir)
				.append(", c.id")
				.append(dir)
				.append(" LIMIT ?");
			params.add(limit + 1);
			rows.addAll(query(sql, params));
		}
		if (sort.nullable && rows.size() <= limit) {
			StringBuilder sql = new StringBuilder(select(filter, null)).append(" AND ")
				.append(sort.column)
				.append(" IS NULL");
			List<Object> params = new ArrayList<>(filter.params());
			if (inNullPass) {
				sql.append(" AND c.id").append(cmp).append('?');
				params.add(after.id());
			}
			sql.append(" ORDER BY c.id").append(dir).append(" LIMIT ?");
			params.add(limit + 1 - rows.size());
			rows.addAll(query(sql, params));
		}
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<Customer> page = rows.subList(0, limit);
		Customer last = page.get(limit - 1);
		return new Page(List.copyOf(page), new Cursor(sort, descending, key(sort, last), last.id()));
	}

	private List<Customer> query(StringBuilder sql, List<Object> params) {
		if (logger.isTraceEnabled()) {
			// the benchmark explains these (bench/customers); TRACE only: search words
			logger.trace("customer list SQL: " + sql + " -- params " + params);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("customer list SQL: " + sql + " -- " + params.size() + " params");
		}
		return this.jdbc.sql(sql.toString()).params(params).query(CustomerRepository::map).list();
	}

	/**
	 * @param index the index to read (H2's {@code USE INDEX}), or null
	 */
	private static String select(CustomerFilter filter, String index) {
		return "SELECT " + CustomerRepository.COLUMNS.replaceAll("(^|, )", "$1c.") + " FROM customer c"
				+ ((index != null) ? " USE INDEX (" + index + ")" : "") + " WHERE " + filter.where();
	}

	private static Object key(CustomerSort sort, Customer customer) {
		return switch (sort) {
			case LAST_SEEN -> customer.lastSeenAt().toEpochMilli();
			case LAST_CONVERSATION ->
				(customer.lastConversationAt() != null) ? customer.lastConversationAt().toEpochMilli() : null;
			case NAME -> customer.name();
			case CREATED -> customer.createdAt().toEpochMilli();
			case CONVERSATIONS -> (long) customer.conversationCount();
		};
	}

	record Page(List<Customer> customers, Cursor next) {
	}

}
