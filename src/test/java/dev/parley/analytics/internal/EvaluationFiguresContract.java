package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent report's evaluation figures on every supported database: counted on the
 * conversation's start day, the range and the period before in one grouped query,
 * narrowed to the report's groups. Each test in a transaction rolled back at its end.
 */
abstract class EvaluationFiguresContract {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	EvaluationFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void averagesTheTotalsOfConversationsStartedInTheRangeAndThePeriodBefore() {
		// 2026-12-10 in Shanghai; the period before is 2026-12-09
		long day = LocalDate.of(2026, 12, 10).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
		long hour = 3_600_000;
		evaluation(8001, 501, 601, 5L, day + hour, 8000);
		evaluation(8002, 501, 602, 5L, day + 23 * hour, 6667);
		evaluation(8003, 501, 601, 6L, day + 2 * hour, 10000);
		evaluation(8004, 501, 601, 5L, day - hour, 5000);
		evaluation(8005, 501, 601, 5L, day + 24 * hour, 0);
		evaluation(8006, 501, 601, 5L, day - 25 * hour, 0);
		evaluation(8007, 502, 601, null, day + hour, 4000);
		ReportRange range = new ReportRange(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10), SHANGHAI, false);

		Map<Long, EvaluationFigures.Figure> all = this.figures.byAgent(range, TotalsReader.Filter.NONE,
				List.of(501L, 502L, 503L));
		// (8000 + 6667 + 10000) / 3 = 8222.33 hundredths
		assertThat(all.get(501L))
			.isEqualTo(new EvaluationFigures.Figure(3, 82.22, new EvaluationFigures.Previous(1, 50.0)));
		assertThat(all.get(502L))
			.isEqualTo(new EvaluationFigures.Figure(1, 40.0, new EvaluationFigures.Previous(0, null)));
		assertThat(all.get(503L)).isEqualTo(EvaluationFigures.Figure.NONE);

		Map<Long, EvaluationFigures.Figure> group = this.figures.byAgent(range,
				new TotalsReader.Filter(501L, null, Set.of(5L)), List.of(501L));
		assertThat(group.get(501L))
			.isEqualTo(new EvaluationFigures.Figure(2, 73.34, new EvaluationFigures.Previous(1, 50.0)));
		assertThat(this.figures.byAgent(range, new TotalsReader.Filter(501L, 6L, null), List.of(501L)).get(501L))
			.isEqualTo(new EvaluationFigures.Figure(1, 100.0, new EvaluationFigures.Previous(0, null)));
		assertThat(this.figures.byAgent(range, new TotalsReader.Filter(null, null, Set.of()), List.of(501L)).get(501L))
			.isEqualTo(EvaluationFigures.Figure.NONE);
		assertThat(this.figures.byAgent(range, TotalsReader.Filter.NONE, List.of())).isEmpty();
	}

	private void evaluation(long conversationId, long agentId, long evaluatorId, Long groupId, long startedAt,
			int total) {
		this.jdbc
			.sql("INSERT INTO evaluation (conversation_id, agent_id, evaluator_id, group_id, conversation_started_at, "
					+ "total_score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1)")
			.params(conversationId, agentId, evaluatorId, groupId, startedAt, total)
			.update();
	}

}
