package dev.parley.analytics.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agent report's evaluation figures (docs/metrics.md): how many evaluations each
 * agent had of conversations that started in the range, and their average total, beside
 * the period before. One grouped query per report over
 * {@code ix_evaluation_agent_started}.
 */
@Repository
public class EvaluationFigures {

	private final JdbcClient jdbc;

	EvaluationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param average the average total on 0-100, two decimals; null without evaluations
	 */
	public record Figure(long count, Double average, Previous previous) {

		static final Figure NONE = new Figure(0, null, new Previous(0, null));

	}

	public record Previous(long count, Double average) {
	}

	/**
	 * @param filter the report's groups (an agent's own figures, a supervisor's groups, a
	 * group asked for)
	 * @return a figure for each of the agents, {@link Figure#NONE} for those without
	 * evaluations
	 */
	Map<Long, Figure> byAgent(ReportRange range, TotalsReader.Filter filter, Collection<Long> agentIds) {
		Map<Long, Figure> figures = new LinkedHashMap<>();
		agentIds.forEach((id) -> figures.put(id, Figure.NONE));
		if (agentIds.isEmpty() || (filter.groups() != null && filter.groups().isEmpty())) {
			return figures;
		}
		long from = range.from().atStartOfDay(range.zone()).toInstant().toEpochMilli();
		long to = range.to().plusDays(1).atStartOfDay(range.zone()).toInstant().toEpochMilli();
		long previous = range.previous().from().atStartOfDay(range.zone()).toInstant().toEpochMilli();
		StringBuilder sql = new StringBuilder(
				"SELECT agent_id, " + "SUM(CASE WHEN conversation_started_at >= :from THEN 1 ELSE 0 END), "
						+ "SUM(CASE WHEN conversation_started_at >= :from THEN total_score ELSE 0 END), "
						+ "SUM(CASE WHEN conversation_started_at < :from THEN 1 ELSE 0 END), "
						+ "SUM(CASE WHEN conversation_started_at < :from THEN total_score ELSE 0 END) "
						+ "FROM evaluation WHERE agent_id IN (:agents) AND conversation_started_at >= :previous "
						+ "AND conversation_started_at < :to");
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		params.put("previous", previous);
		params.put("agents", agentIds);
		// the agents are named above: the filter's dimension is theirs
		filter.appendTo(sql, null, params);
		sql.append(" GROUP BY agent_id");
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			long count = rs.getLong(2);
			long before = rs.getLong(4);
			figures.put(rs.getLong(1), new Figure(count, average(rs.getLong(3), count),
					new Previous(before, average(rs.getLong(5), before))));
		});
		return figures;
	}

	/** The average of totals kept in hundredths, on 0-100 with two decimals. */
	static Double average(long sum, long count) {
		return (count > 0) ? Math.round((double) sum / count) / 100.0 : null;
	}

}
