package dev.parley.analytics.internal.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * Who sees which evaluations: an agent those of his own work (with the comments, which
 * are written for him), an evaluator those he wrote, a supervisor
 * ({@code statistics.view} or {@code team.evaluate}) those of his groups' conversations,
 * {@code statistics.view_all} every one. Newest conversation first, a page at a time.
 */
@Service
public class EvaluationList {

	static final int MAX_PAGE = 200;

	private final EvaluationRepository repository;

	private final GroupDirectory groups;

	private final StaffDirectory staff;

	private final Settings settings;

	EvaluationList(EvaluationRepository repository, GroupDirectory groups, StaffDirectory staff, Settings settings) {
		this.repository = repository;
		this.groups = groups;
		this.staff = staff;
		this.settings = settings;
	}

	/** An evaluation as the API shows it; {@code total} on 0-100. */
	public record Evaluation(long id, long conversationId, Instant conversationStartedAt, long agentId, String agent,
			long evaluatorId, String evaluator, double total, String comment, List<Score> scores, Instant createdAt,
			Instant updatedAt, boolean mine) {
	}

	/** One item's score ({@code null}: not applicable) with its weight when scored. */
	public record Score(long itemId, String name, int weight, Integer score) {
	}

	/**
	 * What to list: all optional; {@code from} and {@code to} are days the conversations
	 * started on, in the organisation's time zone.
	 */
	public record Query(Long agentId, Long conversationId, String from, String to, String cursor, Integer limit) {
	}

	public record Page(List<Evaluation> items, String next) {
	}

	public Evaluation get(long id, StaffActor actor) {
		List<String> filter = new ArrayList<>(List.of("e.id = :id"));
		Map<String, Object> params = new LinkedHashMap<>(Map.of("id", id));
		visible(actor, filter, params);
		return shown(this.repository.find(filter, params, 1), actor).stream()
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Evaluation"));
	}

	public Page page(StaffActor actor, Query query) {
		int limit = (query.limit() != null) ? query.limit() : 50;
		if (limit < 1 || limit > MAX_PAGE) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
		}
		List<String> filter = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.agentId() != null) {
			if (query.agentId() != actor.id() && !supervises(actor)) {
				throw StaffActor.forbidden(Permission.STATISTICS_VIEW);
			}
			filter.add("e.agent_id = :agent");
			params.put("agent", query.agentId());
		}
		if (query.conversationId() != null) {
			filter.add("e.conversation_id = :conversation");
			params.put("conversation", query.conversationId());
		}
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		LocalDate from = date("from", query.from());
		LocalDate to = date("to", query.to());
		if (from != null && to != null && to.isBefore(from)) {
			throw ApiException.invalid("to", "must not be before from");
		}
		if (from != null) {
			filter.add("e.conversation_started_at >= :from");
			params.put("from", from.atStartOfDay(zone).toInstant().toEpochMilli());
		}
		if (to != null) {
			filter.add("e.conversation_started_at < :to");
			params.put("to", to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
		}
		if (query.cursor() != null && !query.cursor().isBlank()) {
			long[] cursor = cursor(query.cursor());
			filter.add("(e.conversation_started_at < :cs OR (e.conversation_started_at = :cs AND e.id < :cid))");
			params.put("cs", cursor[0]);
			params.put("cid", cursor[1]);
		}
		visible(actor, filter, params);
		List<EvaluationRepository.Stored> found = new ArrayList<>(this.repository.find(filter, params, limit + 1));
		String next = null;
		if (found.size() > limit) {
			found.remove(limit);
			EvaluationRepository.Stored last = found.get(limit - 1);
			next = last.startedAt() + "." + last.id();
		}
		return new Page(shown(found, actor), next);
	}

	/** Narrows the filter to what the staff member may see. */
	private void visible(StaffActor actor, List<String> filter, Map<String, Object> params) {
		if (actor.can(Permission.STATISTICS_VIEW_ALL)) {
			return;
		}
		params.put("me", actor.id());
		Set<Long> groups = supervises(actor) ? Set.copyOf(this.groups.groupsOf(actor.id())) : Set.of();
		if (groups.isEmpty()) {
			filter.add("(e.agent_id = :me OR e.evaluator_id = :me)");
		}
		else {
			filter.add("(e.agent_id = :me OR e.evaluator_id = :me OR e.group_id IN (:groups))");
			params.put("groups", groups);
		}
	}

	private static boolean supervises(StaffActor actor) {
		return actor.canAny(Permission.STATISTICS_VIEW, Permission.STATISTICS_VIEW_ALL, Permission.TEAM_EVALUATE);
	}

	private List<Evaluation> shown(List<EvaluationRepository.Stored> found, StaffActor actor) {
		Set<Long> people = new HashSet<>();
		List<Long> ids = new ArrayList<>();
		for (EvaluationRepository.Stored e : found) {
			people.add(e.agentId());
			people.add(e.evaluatorId());
			ids.add(e.id());
		}
		Map<Long, String> names = people.isEmpty() ? Map.of() : this.staff.displayNames(people);
		Map<Long, List<Score>> scores = this.repository.scores(ids);
		return found.stream()
			.map((e) -> new Evaluation(e.id(), e.conversationId(), Instant.ofEpochMilli(e.startedAt()), e.agentId(),
					names.get(e.agentId()), e.evaluatorId(), names.get(e.evaluatorId()), e.total() / 100.0, e.comment(),
					scores.getOrDefault(e.id(), List.of()), Instant.ofEpochMilli(e.createdAt()),
					Instant.ofEpochMilli(e.updatedAt()), e.evaluatorId() == actor.id()))
			.toList();
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be a date such as 2026-12-31");
		}
	}

	private static long[] cursor(String text) {
		int dot = text.indexOf('.');
		try {
			return new long[] { Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)) };
		}
		catch (RuntimeException ex) {
			throw ApiException.invalid("cursor", "must be the next value of a page");
		}
	}

}
