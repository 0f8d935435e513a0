package dev.parley.customers.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated filter of the customer list, as SQL conditions on {@code customer c} (each
 * with its parameters), all of which a customer meets. Built by
 * {@link CustomerFilterParser}; merged-away and erased records are never listed.
 */
public record CustomerFilter(List<Condition> conditions) {

	/** Every live record. */
	public static final CustomerFilter ALL = new CustomerFilter(List.of());

	public CustomerFilter {
		conditions = List.copyOf(conditions);
	}

	/**
	 * @return a filter both this one and the other hold for
	 */
	public CustomerFilter and(CustomerFilter other) {
		List<Condition> all = new ArrayList<>(this.conditions);
		all.addAll(other.conditions);
		return new CustomerFilter(all);
	}

	/**
	 * @return the WHERE clause on {@code customer c} (no keyset)
	 */
	String where() {
		StringBuilder sql = new StringBuilder("c.merged_into IS NULL AND c.erased_at IS NULL");
		this.conditions.forEach((condition) -> sql.append(" AND (").append(condition.sql()).append(')'));
		return sql.toString();
	}

	List<Object> params() {
		List<Object> params = new ArrayList<>();
		this.conditions.forEach((condition) -> params.addAll(condition.params()));
		return params;
	}

	/**
	 * One condition on {@code customer c}. A condition that holds for a set of customers
	 * with an index of its own (a tag, a search word, a channel, a level) also says how
	 * to read that set's ids ({@code ids}, one column {@code id}, maybe repeated) and how
	 * to test one customer read in another order ({@code probe}):
	 * {@link CustomerNarrowing} chooses between them.
	 */
	public record Condition(String sql, List<Object> params, String ids, String probe) {

		public Condition {
			params = List.copyOf(params);
		}

		Condition(String sql, List<Object> params) {
			this(sql, params, null, null);
		}

		static Condition of(String sql, Object... params) {
			return new Condition(sql, List.of(params));
		}

		/**
		 * @param from the set's table and {@code WHERE} (without OR at its top), e.g.
		 * {@code customer_tag WHERE tag = ?}, whose rows have a {@code customer_id}
		 */
		static Condition set(String from, List<Object> params) {
			return new Condition("c.id IN (SELECT customer_id FROM " + from + ")", params,
					"SELECT customer_id AS id FROM " + from,
					// a scalar subquery, which no planner turns into a read of the whole
					// set
					"(SELECT 1 FROM " + from + " AND customer_id = c.id LIMIT 1) = 1");
		}

		/**
		 * A condition on a column of the customer with an index that begins with it.
		 * @param column e.g. {@code level_id}
		 * @param test the test, e.g. {@code IN (?, ?)}
		 */
		static Condition indexed(String column, String test, List<Object> params) {
			String sql = "c." + column + " " + test;
			return new Condition(sql, params, "SELECT id FROM customer WHERE " + column + " " + test, sql);
		}

		boolean isSet() {
			return this.ids != null;
		}

		/** Whether it tests the customer's own columns (its probe is itself). */
		boolean onCustomer() {
			return this.isSet() && this.probe.equals(this.sql);
		}

		/** The same condition tested per customer. */
		Condition probed() {
			return new Condition(this.probe, this.params);
		}

	}

}
