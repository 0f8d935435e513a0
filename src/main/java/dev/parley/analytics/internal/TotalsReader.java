package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the totals of a range of days, summed by whatever the report groups by: whole
 * months from the monthly rows, the days at the range's ends from the daily rows (or
 * every day, when the report shows days).
 */
@Component
class TotalsReader {

	private final JdbcClient jdbc;

	TotalsReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which rows: a dimension value (channel or agent) and groups to keep, null for all.
	 */
	record Filter(Long dimension, Long groupId, Set<Long> groups) {

		static final Filter NONE = new Filter(null, null, null);

		/**
		 * Appends the filter's conditions to a query's {@code WHERE} clause.
		 * @param dimensionColumn the column the dimension value is of; null to leave the
		 * dimension to the caller
		 * @return false when the filter keeps nothing (a scope of no groups): the query
		 * need not run
		 */
		boolean appendTo(StringBuilder sql, String dimensionColumn, Map<String, Object> params) {
			if (this.groups != null && this.groups.isEmpty()) {
				return false;
			}
			if (dimensionColumn != null && this.dimension != null) {
				sql.append(" AND ").append(dimensionColumn).append(" = :dimension");
				params.put("dimension", this.dimension);
			}
			if (this.groupId != null) {
				sql.append(" AND group_id = :group");
				params.put("group", this.groupId);
			}
			if (this.groups != null) {
				sql.append(" AND group_id IN (:groups)");
				params.put("groups", this.groups);
			}
			return true;
		}

	}

	/**
	 * @param byDay whether the rows must be days (a report that groups by day)
	 * @param groupBy what each row is summed under (its key → a report's row); null keys
	 * are left out
	 */
	<K> Map<K, Tally> read(Rollup rollup, ReportRange range, Filter filter, boolean byDay,
			Function<Tally.Key, K> groupBy) {
		Map<K, Tally> sums = new LinkedHashMap<>();
		List<int[]> days = new ArrayList<>();
		int[] months = null;
		if (byDay) {
			days.add(new int[] { ReportRange.period(range.from()), ReportRange.period(range.to()) });
		}
		else {
			YearMonth first = YearMonth.from(range.from());
			if (range.from().getDayOfMonth() != 1) {
				first = first.plusMonths(1);
			}
			YearMonth last = YearMonth.from(range.to());
			if (!range.to().equals(last.atEndOfMonth())) {
				last = last.minusMonths(1);
			}
			if (first.isAfter(last)) {
				days.add(new int[] { ReportRange.period(range.from()), ReportRange.period(range.to()) });
			}
			else {
				months = new int[] { first.getYear() * 100 + first.getMonthValue(),
						last.getYear() * 100 + last.getMonthValue() };
				LocalDate firstDay = first.atDay(1);
				if (range.from().isBefore(firstDay)) {
					days.add(new int[] { ReportRange.period(range.from()), ReportRange.period(firstDay.minusDays(1)) });
				}
				LocalDate lastDay = last.atEndOfMonth();
				if (range.to().isAfter(lastDay)) {
					days.add(new int[] { ReportRange.period(lastDay.plusDays(1)), ReportRange.period(range.to()) });
				}
			}
		}
		if (months != null) {
			scan(rollup, Rollup.MONTH, months, filter, range.business(), groupBy, sums);
		}
		for (int[] span : days) {
			scan(rollup, Rollup.DAY, span, filter, range.business(), groupBy, sums);
		}
		return sums;
	}

	private <K> void scan(Rollup rollup, char grain, int[] span, Filter filter, boolean business,
			Function<Tally.Key, K> groupBy, Map<K, Tally> sums) {
		StringBuilder sql = new StringBuilder("SELECT ").append(columns(rollup, business))
			.append(" FROM ")
			.append(rollup.table)
			.append(" WHERE grain = :grain AND period BETWEEN :from AND :to");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("grain", String.valueOf(grain));
		params.put("from", span[0]);
		params.put("to", span[1]);
		if (!filter.appendTo(sql, rollup.dimension, params)) {
			return;
		}
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			Tally.Key key = new Tally.Key(rollup, grain, rs.getInt("period"), rs.getLong(rollup.dimension),
					rs.getLong("group_id"));
			K sumKey = groupBy.apply(key);
			if (sumKey != null) {
				sums.computeIfAbsent(sumKey, (k) -> new Tally()).add(RollupRepository.tally(rollup, rs, business), 1);
			}
		});
	}

	private static String columns(Rollup rollup, boolean business) {
		List<String> columns = new ArrayList<>(List.of("period", rollup.dimension, "group_id"));
		rollup.counters.forEach((c) -> columns.add(c.column()));
		for (Metric metric : rollup.metrics) {
			columns.add(metric.column() + "_n");
			columns.add(metric.column() + "_sum");
			columns.add(metric.column() + "_sum_bh");
			columns.add(metric.column() + (business ? "_hist_bh" : "_hist"));
		}
		return String.join(", ", columns);
	}

}
