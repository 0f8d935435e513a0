package dev.parley.tickets.internal.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import dev.parley.tickets.internal.query.TicketFilter.Condition;
import dev.parley.tickets.internal.query.TicketSort.Cursor;

import dev.parley.platform.Databases;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pages of the ticket list by keyset: the next page starts after the last ticket's (sort
 * key, id). A filter with sets (search words, tags, custom field values, a standard
 * view's own tickets on its index, the reader's visibility as a union of index ranges) is
 * planned first, as the customer list's (docs/performance.md): each set is counted up to
 * {@link #DRIVE} (the visibility only when no other set is that small); when the smallest
 * is no larger, its ids are read and the page is sorted from them, the other sets tested
 * per ticket; else the sort order is walked, every set tested per ticket. A nullable key
 * (the SLA due time) is read in two passes, those with one and then those without (by
 * id), so the same SQL runs on H2, PostgreSQL and MariaDB.
 */
@Component
public class TicketQuery {

	private static final Logger logger = LoggerFactory.getLogger(TicketQuery.class);

	/**
	 * The most tickets read by id and sorted. On PostgreSQL with 1,000,000 tickets
	 * (bench/tickets) one read by id costs about 6 µs, one passed over in the updated
	 * order about 1.2 µs: 5,000 by id (30 ms) cost less than walking to a page of a set
	 * of 5,000 a quarter of which the reader may see (40,000 passed over); his own 10,000
	 * are walked sooner (5,100 passed over) than read (50 ms).
	 */
	static final int DRIVE = 5_000;

	static final String COLUMNS = "t.id, t.number, t.subject, t.status, t.priority, t.type, t.customer_id, "
			+ "t.group_id, t.assignee_id, t.sla_due_at, t.due_at, t.updated_at, t.created_at";

	private final JdbcClient jdbc;

	private final int drive;

	/** On H2 a walk names the sort's index (platform.Databases.isH2). */
	private final boolean h2;

	/** How the ids a page is read by are written for this database. */
	private final TicketIdList idList;

	@Autowired
	TicketQuery(JdbcClient jdbc, DataSource dataSource) {
		this(jdbc, DRIVE, Databases.isH2(dataSource), TicketIdList.of(dataSource));
	}

	TicketQuery(JdbcClient jdbc, int drive, boolean h2, TicketIdList idList) {
		this.jdbc = jdbc;
		this.drive = drive;
		this.h2 = h2;
		this.idList = idList;
	}

	/** A ticket as the list shows it, before names are added. */
	record Row(long id, String number, String subject, TicketStatus status, TicketPriority priority, TicketType type,
			long customerId, Long groupId, Long assigneeId, Instant slaDueAt, Instant dueAt, Instant updatedAt,
			Instant createdAt) {
	}

	record Page(List<Row> rows, Cursor next) {

		String nextCursor() {
			return (this.next != null) ? this.next.encode() : null;
		}

	}

	/** How a filter is read: the filter to run, and whether nothing can match. */
	record Plan(TicketFilter filter, boolean none, int driven) {
	}

	Plan plan(TicketFilter filter) {
		return plan(filter, new HashMap<>());
	}

	/**
	 * @param sizes the sets counted before (a set counted once for several filters: the
	 * reader's visibility, for each count of the navigation)
	 */
	Plan plan(TicketFilter filter, Map<Condition, Integer> sizes) {
		List<Condition> sets = filter.conditions().stream().filter(Condition::isSet).toList();
		if (sets.isEmpty()) {
			return new Plan(filter, false, 0);
		}
		// the reader's visibility (counted last) only when no set of the view or search
		// is small enough to drive
		List<Condition> ordered = new ArrayList<>(sets.stream().filter((set) -> !set.last()).toList());
		ordered.addAll(sets.stream().filter(Condition::last).toList());
		Sized smallest = null;
		for (Condition set : ordered) {
			if (set.last() && smallest != null && smallest.size() <= this.drive) {
				break;
			}
			Sized sized = new Sized(set, sizes.computeIfAbsent(set, this::count));
			if (smallest == null || sized.size() < smallest.size()) {
				smallest = sized;
			}
		}
		if (smallest.size() <= this.drive) {
			List<Long> read = read(smallest.set());
			// an id may come twice (a union, a prefix of two terms): the set is whole
			// only when no more rows than the cap were read
			if (read.size() <= this.drive) {
				Set<Long> ids = new LinkedHashSet<>(read);
				if (ids.isEmpty()) {
					return new Plan(filter, true, 0);
				}
				Condition in = this.idList.in(ids);
				return new Plan(probes(filter, smallest.set(), in), false, ids.size());
			}
		}
		return new Plan(probes(filter, null, null), false, 0);
	}

	private static TicketFilter probes(TicketFilter filter, Condition read, Condition first) {
		List<Condition> conditions = new ArrayList<>();
		if (first != null) {
			conditions.add(first);
		}
		for (Condition condition : filter.conditions()) {
			if (!condition.isSet()) {
				conditions.add(condition);
			}
			else if (condition != read) {
				conditions.add(condition.probed());
			}
		}
		return new TicketFilter(conditions);
	}

	/** The set's rows counted up to the cap + 1, one range of a union after the other. */
	private int count(Condition set) {
		int count = 0;
		for (Range range : ranges(set)) {
			List<Object> params = new ArrayList<>(range.params());
			params.add(this.drive + 1 - count);
			count += this.jdbc.sql("SELECT COUNT(*) FROM (" + range.sql() + " LIMIT ?) s")
				.params(params)
				.query(Integer.class)
				.single();
			if (count > this.drive) {
				break;
			}
		}
		return count;
	}

	/** The set's ids, up to the cap + 1 rows, one range of a union after the other. */
	private List<Long> read(Condition set) {
		List<Long> ids = new ArrayList<>();
		for (Range range : ranges(set)) {
			List<Object> params = new ArrayList<>(range.params());
			params.add(this.drive + 1 - ids.size());
			ids.addAll(this.jdbc.sql(range.sql() + " LIMIT ?").params(params).query(Long.class).list());
			if (ids.size() > this.drive) {
				break;
			}
		}
		return ids;
	}

	/** The ranges of a set's {@code UNION ALL}, each with its share of the parameters. */
	static List<Range> ranges(Condition set) {
		List<Range> ranges = new ArrayList<>();
		int from = 0;
		for (String sql : set.ids().split(" UNION ALL ")) {
			int marks = (int) sql.chars().filter((c) -> c == '?').count();
			ranges.add(new Range(sql, set.params().subList(from, from + marks)));
			from += marks;
		}
		return ranges;
	}

	record Range(String sql, List<Object> params) {
	}

	/**
	 * @param after where the previous page ended, or null for the first page
	 * @return the page, and where it ended when more follow (else null)
	 */
	Page page(TicketFilter requested, TicketSort sort, boolean descending, Cursor after, int limit) {
		Plan plan = plan(requested);
		if (plan.none()) {
			return new Page(List.of(), null);
		}
		TicketFilter filter = plan.filter();
		List<Row> rows = new ArrayList<>();
		String dir = descending ? " DESC" : " ASC";
		String cmp = descending ? " < " : " > ";
		boolean inNullPass = after != null && after.key() == null;
		if (!inNullPass) {
			// a walk of the sort's order: H2 is told to read its index (else it reads the
			// index of a condition, e.g. the unfinished statuses, and sorts all it found)
			String index = (this.h2 && plan.driven() == 0) ? sort.index : null;
			StringBuilder sql = new StringBuilder(select(filter, index));
			List<Object> params = new ArrayList<>(filter.params());
			if (sort.nullable) {
				// not "IS NOT NULL": H2 walks an ascending index from its NULLs then (the
				// keys are epoch milliseconds)
				sql.append(" AND ").append(sort.column).append(" >= 0");
			}
			if (after != null) {
				if (sort == TicketSort.NUMBER) {
					sql.append(" AND t.id").append(cmp).append('?');
					params.add(after.id());
				}
				else {
					// the key's bound first: a range every engine starts the walk at
					sql.append(" AND ").append(sort.column).append(descending ? " <= ?" : " >= ?");
					params.add(after.key());
					sql.append(" AND (").append(sort.column).append(cmp).append("? OR (").append(sort.column);
					sql.append(" = ? AND t.id").append(cmp).append("?))");
					params.add(after.key());
					params.add(after.key());
					params.add(after.id());
				}
			}
			// a few ids, sorted on an expression of the key: else PostgreSQL walks the
			// sort's index testing each row against the ids
			String key = (plan.driven() > 0 && sort != TicketSort.NUMBER) ? "COALESCE(" + sort.column + ", 0)"
					: sort.column;
			sql.append(" ORDER BY ").append(key).append(dir);
			if (sort != TicketSort.NUMBER) {
				sql.append(", t.id").append(dir);
			}
			sql.append(" LIMIT ?");
			params.add(limit + 1);
			rows.addAll(query(sql, params));
		}
		if (sort.nullable && rows.size() <= limit) {
			StringBuilder sql = new StringBuilder(select(filter, null)).append(" AND ")
				.append(sort.column)
				.append(" IS NULL");
			List<Object> params = new ArrayList<>(filter.params());
			if (inNullPass) {
				sql.append(" AND t.id").append(cmp).append('?');
				params.add(after.id());
			}
			sql.append(" ORDER BY t.id").append(dir).append(" LIMIT ?");
			params.add(limit + 1 - rows.size());
			rows.addAll(query(sql, params));
		}
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<Row> page = List.copyOf(rows.subList(0, limit));
		Row last = page.get(limit - 1);
		return new Page(page, new Cursor(sort, descending, key(sort, last), last.id()));
	}

	/**
	 * @return how many tickets match, counted up to {@code cap + 1} (more: "cap+")
	 */
	int count(TicketFilter requested, int cap) {
		return count(requested, cap, new HashMap<>());
	}

	/**
	 * As {@link #count(TicketFilter, int)}, with the sizes of sets counted for other
	 * filters of the same reader just before (see {@link #plan(TicketFilter, Map)}).
	 */
	int count(TicketFilter requested, int cap, Map<Condition, Integer> sizes) {
		Plan plan = plan(requested, sizes);
		if (plan.none()) {
			return 0;
		}
		List<Object> params = new ArrayList<>(plan.filter().params());
		params.add(cap + 1);
		return this.jdbc
			.sql("SELECT COUNT(*) FROM (SELECT t.id FROM ticket t WHERE " + plan.filter().where() + " LIMIT ?) c")
			.params(params)
			.query(Integer.class)
			.single();
	}

	private List<Row> query(StringBuilder sql, List<Object> params) {
		if (logger.isTraceEnabled()) {
			// the benchmark explains these (bench/tickets); TRACE only: search words
			logger.trace("ticket list SQL: " + sql + " -- params "
					+ params.stream().map((p) -> (p instanceof Long[] ids) ? arrayLiteral(ids) : p).toList());
		}
		return this.jdbc.sql(sql.toString()).params(params).query(TicketQuery::map).list();
	}

	/** An array as PostgreSQL writes it ({1,2,3}), for the log. */
	private static String arrayLiteral(Long[] ids) {
		return "{" + String.join(",", java.util.Arrays.stream(ids).map(String::valueOf).toList()) + "}";
	}

	/**
	 * @param index the index H2 is to read ({@code USE INDEX}), or null
	 */
	private static String select(TicketFilter filter, String index) {
		return "SELECT " + COLUMNS + " FROM ticket t" + ((index != null) ? " USE INDEX (" + index + ")" : "")
				+ " WHERE " + filter.where();
	}

	private static Long key(TicketSort sort, Row row) {
		return switch (sort) {
			case UPDATED -> row.updatedAt().toEpochMilli();
			case CREATED -> row.createdAt().toEpochMilli();
			case PRIORITY -> (long) row.priority().rank();
			case SLA_DUE -> (row.slaDueAt() != null) ? row.slaDueAt().toEpochMilli() : null;
			case NUMBER -> row.id();
		};
	}

	static Row map(ResultSet rs, int index) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("subject"),
				TicketStatus.valueOf(rs.getString("status")),
				TicketPriority.ofRank(rs.getInt("priority")).orElse(TicketPriority.NORMAL),
				TicketType.valueOf(rs.getString("type")), rs.getLong("customer_id"), longOrNull(rs, "group_id"),
				longOrNull(rs, "assignee_id"), instant(rs, "sla_due_at"), instant(rs, "due_at"),
				instant(rs, "updated_at"), instant(rs, "created_at"));
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	private record Sized(Condition set, int size) {
	}

}
