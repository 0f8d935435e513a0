package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated filter of the ticket list, as SQL conditions on {@code ticket t} (each with
 * its parameters), all of which a ticket meets; the visibility of the one who asks is one
 * of them. Tickets merged into another are never listed.
 */
public record TicketFilter(List<Condition> conditions) {

	public TicketFilter {
		conditions = List.copyOf(conditions);
	}

	/**
	 * @return a filter both this one and the other hold for
	 */
	public TicketFilter and(TicketFilter other) {
		List<Condition> all = new ArrayList<>(this.conditions);
		all.addAll(other.conditions);
		return new TicketFilter(all);
	}

	TicketFilter and(Condition condition) {
		List<Condition> all = new ArrayList<>(this.conditions);
		all.add(condition);
		return new TicketFilter(all);
	}

	/**
	 * @return the WHERE clause on {@code ticket t} (no keyset)
	 */
	String where() {
		StringBuilder sql = new StringBuilder("t.merged_into_id IS NULL");
		this.conditions.forEach((condition) -> sql.append(" AND (").append(condition.sql()).append(')'));
		return sql.toString();
	}

	List<Object> params() {
		List<Object> params = new ArrayList<>();
		this.conditions.forEach((condition) -> params.addAll(condition.params()));
		return params;
	}

	/**
	 * One condition on {@code ticket t}. A condition that holds for a set of tickets in a
	 * table of its own (a search word, a tag, a custom field's value) also says how to
	 * read the set's ids ({@code ids}) and how to test one ticket read in another order
	 * ({@code probe}): {@link TicketQuery} chooses between them by the set's size,
	 * counting a set marked {@code last} only when no other is small.
	 */
	public record Condition(String sql, List<Object> params, String ids, String probe, boolean last) {

		public Condition {
			params = List.copyOf(params);
		}

		static Condition of(String sql, Object... params) {
			return new Condition(sql, List.of(params), null, null, false);
		}

		static Condition of(String sql, List<Object> params) {
			return new Condition(sql, params, null, null, false);
		}

		/**
		 * @param from the set's table and {@code WHERE} (without OR at its top), e.g.
		 * {@code ticket_tag WHERE tag = ?}, whose rows have a {@code ticket_id}
		 */
		static Condition set(String from, List<Object> params) {
			return new Condition("t.id IN (SELECT ticket_id FROM " + from + ")", params,
					"SELECT ticket_id AS id FROM " + from,
					// a scalar subquery, which no planner turns into a read of the whole
					// set
					"(SELECT 1 FROM " + from + " AND ticket_id = t.id LIMIT 1) = 1", false);
		}

		/**
		 * A set of the ticket table itself, read on its indexes: the condition as SQL on
		 * {@code ticket t} (also its probe), and the same set as a query of ids taking
		 * the same parameters in the same order (a {@code UNION ALL} of index ranges for
		 * an {@code OR}, which {@link TicketQuery} reads one range at a time: H2 reads a
		 * whole union before its {@code LIMIT}; an id may come twice).
		 */
		static Condition own(String sql, String ids, List<Object> params) {
			return new Condition(sql, params, ids, sql, false);
		}

		/**
		 * As {@link #own}, counted only when no other set is small enough to drive (the
		 * reader's visibility: large for most readers).
		 */
		Condition countedLast() {
			return new Condition(this.sql, this.params, this.ids, this.probe, true);
		}

		boolean isSet() {
			return this.ids != null;
		}

		Condition probed() {
			return of(this.probe, this.params);
		}

	}

}
