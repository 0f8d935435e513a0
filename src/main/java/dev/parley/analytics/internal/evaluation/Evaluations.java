package dev.parley.analytics.internal.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluating a conversation (R8.1): someone with {@code team.evaluate} scores the agent's
 * work on each item of the checklist (0-5, or not applicable) and comments on it. The
 * total is the weighted average of the scored items on a 0-100 scale. One evaluation per
 * evaluator and conversation, changed only by its author; both audited. Without
 * {@code statistics.view_all} only conversations of one's own groups are evaluated.
 */
@Service
public class Evaluations {

	static final int COMMENT_MAX = 2000;

	static final int SCORE_MAX = 5;

	private final EvaluationRepository repository;

	private final EvaluationList list;

	private final GroupDirectory groups;

	private final AuditLog audit;

	private final Clock clock;

	Evaluations(EvaluationRepository repository, EvaluationList list, GroupDirectory groups, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.list = list;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
	}

	/** One item's score as sent: 0-5, or null for not applicable. */
	public record ItemScore(Long itemId, Integer score) {
	}

	/**
	 * An evaluation as sent.
	 *
	 * @param agentId the agent evaluated; left out, the one the conversation is or was
	 * last with
	 */
	public record Form(Long conversationId, Long agentId, List<ItemScore> scores, String comment) {
	}

	@Transactional
	public EvaluationList.Evaluation create(Form form, StaffActor actor) {
		if (form == null || form.conversationId() == null) {
			throw ApiException.invalid("conversationId", "is required");
		}
		EvaluationRepository.Conversation conversation = conversation(form.conversationId(), actor);
		long agentId = agent(conversation, form.agentId(), actor);
		Scored scored = score(form);
		this.repository.evaluationOf(conversation.id(), actor.id()).ifPresent((existing) -> {
			throw exists(existing);
		});
		long now = this.clock.millis();
		long id;
		try {
			id = this.repository.insert(new EvaluationRepository.Stored(0, conversation.id(), agentId, actor.id(),
					conversation.groupId(), conversation.startedAt(), scored.total(), scored.comment(), now, now),
					scored.scores());
		}
		catch (DuplicateKeyException ex) {
			throw exists(this.repository.evaluationOf(conversation.id(), actor.id()).orElse(null));
		}
		this.audit.record(actor.username(), "evaluation.created", "conversation " + conversation.id(),
				AuditResult.SUCCESS, detail(agentId, scored));
		return this.list.get(id, actor);
	}

	@Transactional
	public EvaluationList.Evaluation update(long id, Form form, StaffActor actor) {
		EvaluationRepository.Stored before = this.repository.evaluation(id)
			.orElseThrow(() -> ApiException.notFound("Evaluation"));
		if (before.evaluatorId() != actor.id()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "not_evaluation_author",
					"Only its author changes an evaluation");
		}
		if (form == null) {
			throw ApiException.invalid("scores", "is required");
		}
		if (form.conversationId() != null && form.conversationId() != before.conversationId()) {
			throw ApiException.invalid("conversationId", "cannot be changed");
		}
		EvaluationRepository.Conversation conversation = conversation(before.conversationId(), actor);
		long agentId = (form.agentId() != null) ? agent(conversation, form.agentId(), actor) : before.agentId();
		Scored scored = score(form);
		this.repository.update(new EvaluationRepository.Stored(id, before.conversationId(), agentId, actor.id(),
				conversation.groupId(), before.startedAt(), scored.total(), scored.comment(), before.createdAt(),
				this.clock.millis()), scored.scores());
		this.audit.record(actor.username(), "evaluation.updated", "conversation " + before.conversationId(),
				AuditResult.SUCCESS, String.format(java.util.Locale.ROOT, "%.2f", before.total() / 100.0) + " -> "
						+ detail(agentId, scored));
		return this.list.get(id, actor);
	}

	/** The conversation, if the statistics know it and the evaluator may evaluate it. */
	private EvaluationRepository.Conversation conversation(long conversationId, StaffActor actor) {
		EvaluationRepository.Conversation conversation = this.repository.conversation(conversationId)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
		if (!actor.can(Permission.STATISTICS_VIEW_ALL) && (conversation.groupId() == null
				|| !this.groups.groupsOf(actor.id()).contains(conversation.groupId()))) {
			throw StaffActor.forbidden(Permission.STATISTICS_VIEW_ALL);
		}
		return conversation;
	}

	private long agent(EvaluationRepository.Conversation conversation, Long asked, StaffActor actor) {
		long agentId;
		if (asked != null) {
			if (!this.repository.tookPart(conversation.id(), asked)) {
				throw ApiException.invalid("agentId", "must be an agent who took part in the conversation");
			}
			agentId = asked;
		}
		else if (conversation.agentId() != null) {
			agentId = conversation.agentId();
		}
		else {
			throw ApiException.badRequest("conversation_without_agent", "No agent took part in the conversation");
		}
		if (agentId == actor.id()) {
			throw ApiException.badRequest("self_evaluation", "Nobody evaluates his own conversations");
		}
		return agentId;
	}

	/** The checked scores and comment, and the total they make. */
	private record Scored(List<EvaluationRepository.Score> scores, int total, String comment) {
	}

	private Scored score(Form form) {
		if (form.scores() == null) {
			throw ApiException.invalid("scores", "is required");
		}
		String comment = (form.comment() != null && !form.comment().isBlank()) ? form.comment().strip() : null;
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw ApiException.invalid("comment", "must be at most 2000 characters");
		}
		Map<Long, EvaluationRepository.Item> items = new LinkedHashMap<>();
		this.repository.items().forEach((item) -> items.put(item.id(), item));
		Set<Long> seen = new HashSet<>();
		List<EvaluationRepository.Score> scores = new ArrayList<>();
		long weighted = 0;
		long weights = 0;
		for (ItemScore given : form.scores()) {
			if (given == null || given.itemId() == null) {
				throw ApiException.invalid("scores", "each score needs an itemId");
			}
			EvaluationRepository.Item item = items.get(given.itemId());
			if (item == null) {
				throw ApiException.invalid("scores", "names an item that is not on the checklist");
			}
			if (!item.enabled()) {
				throw ApiException.invalid("scores", "names an item that is disabled");
			}
			if (!seen.add(item.id())) {
				throw ApiException.invalid("scores", "each item at most once");
			}
			if (given.score() != null && (given.score() < 0 || given.score() > SCORE_MAX)) {
				throw ApiException.invalid("scores", "each score must be 0 to 5, or null for not applicable");
			}
			scores.add(new EvaluationRepository.Score(item.id(), given.score(), item.weight()));
			if (given.score() != null) {
				weighted += (long) given.score() * item.weight();
				weights += item.weight();
			}
		}
		boolean missing = items.values().stream().anyMatch((item) -> item.enabled() && !seen.contains(item.id()));
		if (missing) {
			throw ApiException.invalid("scores", "must score every item of the checklist (null: not applicable)");
		}
		if (weights == 0) {
			throw ApiException.invalid("scores", "must score at least one item");
		}
		return new Scored(scores, total(weighted, weights), comment);
	}

	/**
	 * The weighted average of the scores on 0-100, in hundredths, rounded half up:
	 * {@code Σ(score × weight) / (5 × Σ weight) × 100}.
	 */
	static int total(long weighted, long weights) {
		long numerator = weighted * 10_000;
		long denominator = SCORE_MAX * weights;
		return (int) ((2 * numerator + denominator) / (2 * denominator));
	}

	private static ApiException exists(Long evaluationId) {
		return ApiException.conflict("evaluation_exists", "You have evaluated this conversation already; change it")
			.with("evaluationId", evaluationId);
	}

	private static String detail(long agentId, Scored scored) {
		return String.format(java.util.Locale.ROOT, "%.2f", scored.total() / 100.0) + " for agent " + agentId;
	}

}
