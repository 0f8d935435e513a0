package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.administration.AuditLog;
import dev.parley.agents.RoutingStrategy;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.ChannelDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups and who may change them: an administrator (who also holds {@code user.manage})
 * manages every group; a supervisor with {@code team.assign} only the groups he
 * supervises, and cannot create or delete groups.
 */
@Service
public class Groups implements dev.parley.conversations.GroupDirectory {

	@Override
	public java.util.Optional<String> name(long groupId) {
		return this.groups.findById(groupId).map(AgentGroup::name);
	}

	@Override
	public java.util.Optional<Long> groupOfChannel(long channelId) {
		return this.groups.groupOfChannel(channelId);
	}

	@Override
	public List<Long> groupsOf(long userId) {
		return this.groups.groupsOf(userId);
	}

	@Override
	public Map<Long, Hours> hours(java.util.Collection<Long> groupIds) {
		return this.shifts.hours(groupIds, this.clock.instant());
	}

	private final GroupRepository groups;

	private final StaffDirectory staff;

	private final ChannelDirectory channels;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Shifts shifts;

	private final ShiftPlans plans;

	Groups(GroupRepository groups, StaffDirectory staff, ChannelDirectory channels, AuditLog auditLog, Clock clock,
			Shifts shifts, ShiftPlans plans) {
		this.shifts = shifts;
		this.plans = plans;
		this.groups = groups;
		this.staff = staff;
		this.channels = channels;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * What can be set on a group.
	 *
	 * @param requiredSkills skills every conversation of the group asks of its agent;
	 * null keeps what the group has (none for a new one)
	 * @param fallbackAfter seconds to wait for a matching agent; null keeps what the
	 * group has (60 for a new one)
	 */
	public record Form(String name, String description, String routing, Long overflowGroupId,
			List<AgentGroup.Member> members, List<Long> channelIds, List<String> requiredSkills,
			Integer fallbackAfter) {
	}

	/** A form that passed the checks. */
	private record Checked(String name, String description, RoutingStrategy routing, Long overflowGroupId,
			List<AgentGroup.Member> members, List<Long> channelIds, List<String> requiredSkills, int fallbackAfter) {
	}

	public List<AgentGroup> list() {
		return this.groups.findAll();
	}

	public AgentGroup get(long id) {
		return this.groups.findById(id).orElseThrow(() -> ApiException.notFound("Group"));
	}

	@Transactional
	public AgentGroup create(Form form, StaffActor actor) {
		actor.require(Permission.USER_MANAGE);
		Checked clean = check(form, null);
		long id = this.groups.insert(clean.name(), clean.description(), clean.routing(), clean.overflowGroupId(),
				Instant.ofEpochMilli(this.clock.millis()));
		this.groups.updateMatching(id, clean.requiredSkills(), clean.fallbackAfter());
		this.groups.replaceMembers(id, clean.members());
		this.groups.replaceChannels(id, clean.channelIds());
		this.plans.changed();
		this.auditLog.record(actor.username(), "group.created", clean.name(), AuditResult.SUCCESS,
				clean.routing().value());
		return get(id);
	}

	@Transactional
	public AgentGroup update(long id, Form form, StaffActor actor) {
		AgentGroup current = get(id);
		requireManages(current, actor);
		Checked clean = check(form, current);
		if (!managesAll(actor) && clean.members()
			.stream()
			.noneMatch((member) -> member.userId() == actor.id() && member.supervisor())) {
			throw ApiException.conflict("conflict", "You cannot remove yourself as supervisor of this group");
		}
		this.groups.update(id, clean.name(), clean.description(), clean.routing(), clean.overflowGroupId());
		this.groups.updateMatching(id, clean.requiredSkills(), clean.fallbackAfter());
		this.groups.replaceMembers(id, clean.members());
		this.groups.replaceChannels(id, clean.channelIds());
		this.plans.changed();
		this.auditLog.record(actor.username(), "group.updated", clean.name(), AuditResult.SUCCESS,
				clean.members().size() + " members");
		return get(id);
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		AgentGroup current = get(id);
		actor.require(Permission.USER_MANAGE);
		this.groups.delete(id);
		this.plans.changed();
		this.auditLog.record(actor.username(), "group.deleted", current.name(), AuditResult.SUCCESS, null);
	}

	/**
	 * An administrator (who holds {@code user.manage}) manages every group; anyone else
	 * only the groups they supervise.
	 */
	static boolean managesAll(StaffActor actor) {
		return actor.can(Permission.USER_MANAGE);
	}

	static void requireManages(AgentGroup group, StaffActor actor) {
		boolean supervises = group.members()
			.stream()
			.anyMatch((member) -> member.userId() == actor.id() && member.supervisor());
		if (!managesAll(actor) && !supervises) {
			throw StaffActor.forbidden(Permission.TEAM_ASSIGN);
		}
	}

	private Checked check(Form form, AgentGroup current) {
		Long id = (current != null) ? current.id() : null;
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw Agents.invalid("name", "must be 1-100 characters");
		}
		if (this.groups.nameTaken(name, id)) {
			throw ApiException.conflict("duplicate_group", "A group named " + name + " exists");
		}
		String description = (form.description() != null && !form.description().isBlank()) ? form.description().strip()
				: null;
		if (description != null && description.length() > 500) {
			throw Agents.invalid("description", "must be at most 500 characters");
		}
		RoutingStrategy routing = strategy(form.routing());
		Long overflow = form.overflowGroupId();
		if (overflow != null && (overflow.equals(id) || this.groups.findById(overflow).isEmpty())) {
			throw Agents.invalid("overflowGroupId", "must be another existing group");
		}
		List<AgentGroup.Member> members = (form.members() != null) ? form.members() : List.of();
		Set<Long> userIds = new HashSet<>();
		members.forEach((member) -> userIds.add(member.userId()));
		if (userIds.size() != members.size()) {
			throw Agents.invalid("members", "each user at most once");
		}
		Map<Long, String> known = this.staff.displayNames(userIds);
		for (Long userId : userIds) {
			if (!known.containsKey(userId)) {
				throw ApiException.badRequest("unknown_user", "No user with id " + userId).with("userId", userId);
			}
		}
		List<Long> channelIds = new ArrayList<>(
				new java.util.LinkedHashSet<>((form.channelIds() != null) ? form.channelIds() : List.<Long>of()));
		Map<Long, String> channelNames = this.channels.names(channelIds);
		for (Long channelId : channelIds) {
			if (!channelNames.containsKey(channelId)) {
				throw ApiException.badRequest("unknown_channel", "No channel with id " + channelId)
					.with("channelId", channelId);
			}
		}
		List<String> skills = (form.requiredSkills() != null) ? Agents.tags("requiredSkills", form.requiredSkills())
				: (current != null) ? current.requiredSkills() : List.of();
		int fallbackAfter = (form.fallbackAfter() != null) ? form.fallbackAfter()
				: (current != null) ? current.fallbackAfter() : AgentGroup.DEFAULT_FALLBACK_AFTER;
		if (fallbackAfter < 0 || fallbackAfter > AgentGroup.MAX_FALLBACK_AFTER) {
			throw Agents.invalid("fallbackAfter", "must be 0 to " + AgentGroup.MAX_FALLBACK_AFTER);
		}
		return new Checked(name, description, routing, overflow, List.copyOf(members), channelIds, skills,
				fallbackAfter);
	}

	private static RoutingStrategy strategy(String routing) {
		if (routing == null) {
			return RoutingStrategy.LEAST_BUSY;
		}
		for (RoutingStrategy strategy : RoutingStrategy.values()) {
			if (strategy.value().equals(routing)) {
				return strategy;
			}
		}
		throw Agents.invalid("routing", "must be least_busy, round_robin or manual");
	}

}
