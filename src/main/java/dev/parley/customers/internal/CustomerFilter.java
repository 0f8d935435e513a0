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
	 * One condition on {@code customer c}. A condition that holds for the customers of a
	 * set of rows in another table (a tag, a search word, a channel) also has that set's
	 * {@code FROM} clause, e.g. {@code customer_tag WHERE tag = ?}, whose rows have a
	 * {@code customer_id}: {@link CustomerNarrowing} reads it from either side.
	 */
	public record Condition(String sql, List<Object> params, String set) {

		public Condition {
			params = List.copyOf(params);
		}

		Condition(String sql, List<Object> params) {
			this(sql, params, null);
		}

		static Condition of(String sql, Object... params) {
			return new Condition(sql, List.of(params));
		}

		/**
		 * @param from the set's {@code FROM} clause with its {@code WHERE}, e.g.
		 * {@code customer_tag WHERE tag = ?}
		 */
		static Condition set(String from, List<Object> params) {
			return new Condition("c.id IN (SELECT customer_id FROM " + from + ")", params, from);
		}

		/**
		 * The ids of the set's customers (a column {@code customer_id}, maybe repeated).
		 */
		String ids() {
			return "SELECT customer_id FROM " + this.set;
		}

		/**
		 * The same condition as a probe of the set for one customer, which the databases
		 * run once per customer read (rather than reading the whole set first).
		 */
		Condition probe() {
			return new Condition("(SELECT 1 FROM " + this.set + " AND customer_id = c.id LIMIT 1) = 1", this.params);
		}

	}

}
