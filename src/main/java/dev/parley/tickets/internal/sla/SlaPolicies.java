package dev.parley.tickets.internal.sla;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.GroupDirectory;
import dev.parley.customers.CustomerLevels;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA policies, as an administrator keeps them: validated as a whole before anything is
 * stored, audited; and the choice of a ticket's policy, the first enabled one in position
 * order whose conditions all hold.
 */
@Service
public class SlaPolicies {

	/** A year, in minutes: the longest target and warning. */
	static final int MAX_MINUTES = 525_600;

	private final SlaPolicyRepository policies;

	private final GroupDirectory groups;

	private final CustomerLevels levels;

	private final AuditLog audit;

	private final Clock clock;

	SlaPolicies(SlaPolicyRepository policies, GroupDirectory groups, CustomerLevels levels, AuditLog audit,
			Clock clock) {
		this.policies = policies;
		this.groups = groups;
		this.levels = levels;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A policy as the API takes it: enum values by name (priority LOW, NORMAL, HIGH,
	 * URGENT; type QUESTION, INCIDENT, COMPLAINT, REQUEST; calendar BUSINESS or ALWAYS).
	 */
	public record Form(String name, Boolean enabled, String priority, Long groupId, String type, Long levelId,
			Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes, String calendar,
			Integer warnBeforeMinutes, Boolean escalateRaisePriority, Long escalateGroupId) {
	}

	public List<SlaPolicy> list() {
		return this.policies.list();
	}

	public SlaPolicy get(long id) {
		return this.policies.find(id).orElseThrow(() -> ApiException.notFound("SLA policy"));
	}

	Optional<SlaPolicy> find(long id) {
		return this.policies.find(id);
	}

	@Transactional
	public SlaPolicy create(Form form, StaffActor actor) {
		long now = this.clock.millis();
		SlaPolicy valid = validate(0, form, now, now);
		long id = this.policies.insert(valid);
		this.audit.record(actor.username(), "ticket.sla_policy.created", valid.name(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public SlaPolicy update(long id, Form form, StaffActor actor) {
		SlaPolicy old = get(id);
		SlaPolicy valid = validate(id, form, old.createdAt(), this.clock.millis());
		this.policies.update(valid);
		this.audit.record(actor.username(), "ticket.sla_policy.updated", valid.name(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		SlaPolicy old = get(id);
		this.policies.delete(id);
		this.audit.record(actor.username(), "ticket.sla_policy.deleted", old.name(), AuditResult.SUCCESS, null);
	}

	/** Puts the policies in the given order: every policy's id, once. */
	@Transactional
	public List<SlaPolicy> order(List<Long> ids, StaffActor actor) {
		List<SlaPolicy> all = this.policies.list();
		Set<Long> known = new HashSet<>();
		all.forEach((p) -> known.add(p.id()));
		if (ids == null || ids.size() != all.size() || !known.equals(new HashSet<>(ids))) {
			throw ApiException.invalid("ids", "must list every policy once");
		}
		for (int i = 0; i < ids.size(); i++) {
			this.policies.position(ids.get(i), i + 1);
		}
		this.audit.record(actor.username(), "ticket.sla_policy.reordered", null, AuditResult.SUCCESS,
				ids.size() + " policies");
		return this.policies.list();
	}

	/**
	 * @return the policy that applies to the ticket: the first enabled one, in position
	 * order, whose conditions all hold; empty when none does
	 */
	public Optional<SlaPolicy> select(TicketFacts ticket) {
		List<SlaPolicy> all = this.policies.list();
		Long level = null;
		if (all.stream().anyMatch((p) -> p.enabled() && p.matchLevelId() != null)) {
			level = this.levels.levelOf(ticket.customerId()).orElse(null);
		}
		for (SlaPolicy policy : all) {
			if (policy.matches(ticket, level)) {
				return Optional.of(policy);
			}
		}
		return Optional.empty();
	}

	private SlaPolicy validate(long id, Form form, long createdAt, long now) {
		if (form == null) {
			throw ApiException.invalid("name", "must not be blank");
		}
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty()) {
			throw ApiException.invalid("name", "must not be blank");
		}
		if (name.length() > 80) {
			throw ApiException.invalid("name", "must be at most 80 characters");
		}
		TicketPriority priority = null;
		if (form.priority() != null) {
			priority = parse(TicketPriority.class, form.priority(), "priority");
		}
		TicketType type = null;
		if (form.type() != null) {
			type = parse(TicketType.class, form.type(), "type");
		}
		SlaCalendar calendar = parse(SlaCalendar.class, (form.calendar() != null) ? form.calendar() : "BUSINESS",
				"calendar");
		requireGroup("groupId", form.groupId());
		requireGroup("escalateGroupId", form.escalateGroupId());
		if (form.levelId() != null && !this.levels.exists(form.levelId())) {
			throw ApiException.invalid("levelId", "is not a known value");
		}
		minutes("firstResponseMinutes", form.firstResponseMinutes());
		minutes("nextResponseMinutes", form.nextResponseMinutes());
		minutes("resolutionMinutes", form.resolutionMinutes());
		minutes("warnBeforeMinutes", form.warnBeforeMinutes());
		if (form.firstResponseMinutes() == null && form.nextResponseMinutes() == null
				&& form.resolutionMinutes() == null) {
			throw ApiException.invalid("firstResponseMinutes", "give at least one target");
		}
		return new SlaPolicy(id, name, 0, form.enabled() == null || form.enabled(), priority, form.groupId(), type,
				form.levelId(), form.firstResponseMinutes(), form.nextResponseMinutes(), form.resolutionMinutes(),
				calendar, form.warnBeforeMinutes(), Boolean.TRUE.equals(form.escalateRaisePriority()),
				form.escalateGroupId(), createdAt, now);
	}

	private void requireGroup(String field, Long groupId) {
		if (groupId != null && this.groups.name(groupId).isEmpty()) {
			throw ApiException.invalid(field, "is not a known value");
		}
	}

	private static void minutes(String field, Integer minutes) {
		if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
			throw ApiException.invalid(field, "must be 1 to 525600");
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		throw ApiException.invalid(field, "is not a known value");
	}

}
