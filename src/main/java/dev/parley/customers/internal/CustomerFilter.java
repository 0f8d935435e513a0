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

	/** One condition on {@code customer c}. */
	public record Condition(String sql, List<Object> params) {

		public Condition {
			params = List.copyOf(params);
		}

		static Condition of(String sql, Object... params) {
			return new Condition(sql, List.of(params));
		}

	}

}
