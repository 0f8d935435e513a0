package dev.parley.analytics.internal.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the evaluation tables must keep on every supported database: the seeded checklist,
 * unique item names, scores with "not applicable" as null, the filters and order of a
 * page. One subclass per database, each test in a transaction rolled back at its end.
 */
abstract class EvaluationRepositoryContract {

	@Autowired
	EvaluationRepository repository;

	@Test
	void theChecklistIsSeededAndItemsKeepTheirFieldsAndUniqueNames() {
		List<EvaluationRepository.Item> seeded = this.repository.items();
		assertThat(seeded).extracting(EvaluationRepository.Item::name)
			.startsWith("Greeting and tone", "Understood the problem", "Correct and complete answer", "Speed",
					"Closing");
		assertThat(seeded).allMatch(EvaluationRepository.Item::enabled);

		long id = this.repository.insertItem(new EvaluationRepository.Item(0, "Empathy 同理心", null, 7, 900, true), 5);
		assertThat(this.repository.item(id))
			.contains(new EvaluationRepository.Item(id, "Empathy 同理心", null, 7, 900, true));
		this.repository.updateItem(new EvaluationRepository.Item(id, "Empathy", "Shows it", 10, 901, false), 6);
		assertThat(this.repository.item(id))
			.contains(new EvaluationRepository.Item(id, "Empathy", "Shows it", 10, 901, false));
		assertThat(this.repository.items().get(this.repository.items().size() - 1).id()).isEqualTo(id);
		assertThatThrownBy(
				() -> this.repository.insertItem(new EvaluationRepository.Item(0, "Empathy", null, 1, 1, true), 7))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(this.repository.itemUsed(id)).isFalse();
		this.repository.deleteItem(id);
		assertThat(this.repository.item(id)).isEmpty();
	}

	@Test
	void evaluationsAreStoredFoundInOrderAndTheirScoresReplaced() {
		List<EvaluationRepository.Item> items = this.repository.items();
		long first = items.get(0).id();
		long second = items.get(1).id();
		long a = this.repository.insert(stored(9001, 11, 21, 5L, 1000, 8000, "Good 很好"),
				List.of(new EvaluationRepository.Score(second, 4, 3), new EvaluationRepository.Score(first, null, 2)));
		long b = this.repository.insert(stored(9002, 11, 22, 6L, 2000, 6000, null),
				List.of(new EvaluationRepository.Score(first, 3, 2)));
		long c = this.repository.insert(stored(9003, 12, 21, null, 2000, 10000, null),
				List.of(new EvaluationRepository.Score(first, 5, 2)));
		assertThat(this.repository.itemUsed(first)).isTrue();
		assertThat(this.repository.evaluationOf(9001, 21)).contains(a);
		assertThat(this.repository.evaluationOf(9001, 22)).isEmpty();
		assertThatThrownBy(() -> this.repository.insert(stored(9001, 11, 21, 5L, 1000, 1, null), List.of()))
			.isInstanceOf(DuplicateKeyException.class);

		// newest conversation first, ties by id; the filters a page uses
		assertThat(ids(List.of("e.conversation_id IN (9001, 9002, 9003)"), Map.of(), 10)).containsExactly(c, b, a);
		assertThat(ids(List.of("e.agent_id = :agent", "e.conversation_started_at >= :from"),
				Map.of("agent", 11L, "from", 1500L), 10))
			.containsExactly(b);
		assertThat(ids(
				List.of("e.conversation_id IN (9001, 9002, 9003)",
						"(e.agent_id = :me OR e.evaluator_id = :me OR e.group_id IN (:groups))"),
				Map.of("me", 12L, "groups", List.of(5L, 7L)), 10))
			.containsExactly(c, a);
		assertThat(ids(List.of("e.conversation_id IN (9001, 9002, 9003)"), Map.of(), 2)).containsExactly(c, b);
		EvaluationRepository.Stored read = this.repository.evaluation(a).orElseThrow();
		assertThat(read).isEqualTo(new EvaluationRepository.Stored(a, 9001, 11, 21, 5L, 1000, 8000, "Good 很好", 1, 1));

		// the checklist's order, "not applicable" kept as null
		Map<Long, List<EvaluationList.Score>> scores = this.repository.scores(List.of(a, b));
		assertThat(scores.get(a)).containsExactly(new EvaluationList.Score(first, items.get(0).name(), 2, null),
				new EvaluationList.Score(second, items.get(1).name(), 3, 4));
		assertThat(this.repository.scores(List.of())).isEmpty();

		this.repository.update(new EvaluationRepository.Stored(a, 9001, 13, 21, 7L, 1000, 5000, null, 1, 99),
				List.of(new EvaluationRepository.Score(second, 0, 3)));
		assertThat(this.repository.evaluation(a).orElseThrow())
			.isEqualTo(new EvaluationRepository.Stored(a, 9001, 13, 21, 7L, 1000, 5000, null, 1, 99));
		assertThat(this.repository.scores(List.of(a)).get(a))
			.containsExactly(new EvaluationList.Score(second, items.get(1).name(), 3, 0));
	}

	private List<Long> ids(List<String> filter, Map<String, Object> params, int limit) {
		List<Long> ids = new ArrayList<>();
		this.repository.find(filter, params, limit).forEach((e) -> ids.add(e.id()));
		return ids;
	}

	private static EvaluationRepository.Stored stored(long conversationId, long agentId, long evaluatorId, Long groupId,
			long startedAt, int total, String comment) {
		return new EvaluationRepository.Stored(0, conversationId, agentId, evaluatorId, groupId, startedAt, total,
				comment, 1, 1);
	}

}
