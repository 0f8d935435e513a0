package dev.parley.customers.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.parley.customers.internal.CustomerFilter.Condition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses how the customer list reads a filter with sets (search words, tags, channels,
 * levels, attribute values), which the databases' planners get wrong at a million
 * customers (docs/performance.md, "Finding customers"): reading every customer of a
 * common word to sort them costs a row per match, walking the sort order and probing the
 * sets costs a row per customer passed over. So the sets' sizes are counted first, each
 * up to a cap, on their own indexes (no customer row read):
 * <ul>
 * <li>the smallest set has at most {@link #DRIVE} customers: their ids are read and given
 * to the list as a list of ids, the other sets probed per customer;</li>
 * <li>else, if the smallest has at most {@link #INTERSECT}: the customers in all sets are
 * read from their indexes (the sets of at most that many intersected, the larger ones
 * probed) and, if at most {@link #DRIVE}, given as above;</li>
 * <li>else every customer matching is common enough that walking the sort order finds a
 * page soon: the sets are probed per customer read in that order
 * ({@link Plan#walk}).</li>
 * </ul>
 * The worst case left: sets all larger than {@link #INTERSECT} that rarely meet. A set's
 * count may include a customer twice (a prefix matching two of his words); ids are made
 * distinct. Sets are counted and read in separate statements: one that changed in between
 * is read again by the next plan.
 */
@Component
class CustomerNarrowing {

	/**
	 * The most customers read by id and sorted: up to about 10,000 reads by primary key
	 * cost what walking 51 × 1,000,000 / 10,000 customers of the sort order costs, the
	 * worst case of a walk with a million customers.
	 */
	static final int DRIVE = 10_000;

	/** The largest sets whose intersection is read from their indexes. */
	static final int INTERSECT = 60_000;

	private final JdbcClient jdbc;

	private final int drive;

	private final int intersect;

	@Autowired
	CustomerNarrowing(JdbcClient jdbc) {
		this(jdbc, DRIVE, INTERSECT);
	}

	/** With other caps than {@link #DRIVE} and {@link #INTERSECT} (tests). */
	CustomerNarrowing(JdbcClient jdbc, int drive, int intersect) {
		this.jdbc = jdbc;
		this.drive = drive;
		this.intersect = intersect;
	}

	/**
	 * How a filter is read.
	 *
	 * @param filter the filter to run: its sets as probes, and the driving ids if any
	 * @param walk whether the list walks the sort order (the sets are all large, or there
	 * is no condition but the sets')
	 * @param none whether no customer can match (a set is empty)
	 * @param driven how many given ids the filter reads (at most {@link #DRIVE}), or 0
	 */
	record Plan(CustomerFilter filter, boolean walk, boolean none, int driven) {

		Plan(CustomerFilter filter, boolean walk, boolean none) {
			this(filter, walk, none, 0);
		}

	}

	Plan plan(CustomerFilter filter) {
		List<Condition> sets = filter.conditions().stream().filter(Condition::isSet).toList();
		if (sets.isEmpty()) {
			return new Plan(filter, filter.conditions().isEmpty(), false);
		}
		List<Sized> sized = new ArrayList<>(
				sets.stream().map((set) -> new Sized(set, count(set, this.drive))).toList());
		sized.sort(Comparator.comparingInt(Sized::size));
		Sized smallest = sized.get(0);
		if (smallest.size() <= this.drive) {
			Set<Long> ids = read(smallest.set().ids(), smallest.set().params());
			if (ids.size() <= this.drive) {
				return driven(filter, ids, List.of(smallest.set()));
			}
		}
		// sets of other tables than the customer's own (a level stays a condition); with
		// just one, its customers are common (more than the cap): walking finds a page
		// soon
		List<Condition> tables = sets.stream().filter((set) -> !set.onCustomer()).toList();
		if (tables.size() >= 2) {
			List<Condition> medium = tables.stream()
				.filter((set) -> count(set, this.intersect) <= this.intersect)
				.toList();
			if (!medium.isEmpty()) {
				Set<Long> common = intersection(medium, tables);
				if (common.size() <= this.drive) {
					return driven(filter, common, tables);
				}
			}
		}
		return new Plan(probes(filter, List.of(), null), true, false);
	}

	/** The filter on the given ids, the sets they came from dropped, the rest probed. */
	private static Plan driven(CustomerFilter filter, Set<Long> ids, List<Condition> read) {
		if (ids.isEmpty()) {
			return new Plan(filter, false, true);
		}
		Condition in = new Condition("c.id IN (" + CustomerFilterParser.marks(ids.size()) + ")", new ArrayList<>(ids));
		return new Plan(probes(filter, read, in), false, false, ids.size());
	}

	private static CustomerFilter probes(CustomerFilter filter, List<Condition> read, Condition first) {
		List<Condition> conditions = new ArrayList<>();
		if (first != null) {
			conditions.add(first);
		}
		for (Condition condition : filter.conditions()) {
			if (!condition.isSet()) {
				conditions.add(condition);
			}
			else if (!read.contains(condition)) {
				conditions.add(condition.probed());
			}
		}
		return new CustomerFilter(conditions);
	}

	private int count(Condition set, int cap) {
		List<Object> params = new ArrayList<>(set.params());
		params.add(cap + 1);
		return this.jdbc.sql("SELECT COUNT(*) FROM (" + set.ids() + " LIMIT ?) s")
			.params(params)
			.query(Integer.class)
			.single();
	}

	/** The distinct ids the SQL reads, up to the drive cap + 1 of them. */
	private Set<Long> read(String sql, List<Object> setParams) {
		List<Object> params = new ArrayList<>(setParams);
		params.add(this.drive + 1);
		return new LinkedHashSet<>(this.jdbc.sql(sql + " LIMIT ?").params(params).query(Long.class).list());
	}

	/**
	 * The customers in every one of the sets, up to the drive cap + 1 of them: the medium
	 * ones intersected on their indexes ({@code INTERSECT}: MySQL 8.0.31 and later), the
	 * others probed for each.
	 */
	private Set<Long> intersection(List<Condition> medium, List<Condition> read) {
		List<Object> params = new ArrayList<>();
		List<String> each = new ArrayList<>();
		for (Condition set : medium) {
			each.add(set.ids());
			params.addAll(set.params());
		}
		StringBuilder sql = new StringBuilder("SELECT c.id FROM (").append(String.join(" INTERSECT ", each))
			.append(") c WHERE 1 = 1");
		for (Condition set : read) {
			if (!medium.contains(set)) {
				sql.append(" AND ").append(set.probe());
				params.addAll(set.params());
			}
		}
		return read(sql.toString(), params);
	}

	private record Sized(Condition set, int size) {
	}

}
