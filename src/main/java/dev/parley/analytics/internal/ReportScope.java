package dev.parley.analytics.internal;

import java.util.Set;

import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

/**
 * Whose figures a staff member may see: everyone's ({@code statistics.view_all}), those
 * of the groups he belongs to ({@code statistics.view}), or only his own (an agent).
 *
 * @param groups the groups he may see, when not {@code all}
 * @param agentId set when he may see only his own figures as an agent
 */
public record ReportScope(boolean all, Set<Long> groups, Long agentId) {

	public static ReportScope of(StaffActor actor, GroupDirectory directory) {
		if (actor.can(Permission.STATISTICS_VIEW_ALL)) {
			return new ReportScope(true, Set.of(), null);
		}
		if (actor.can(Permission.STATISTICS_VIEW)) {
			return new ReportScope(false, Set.copyOf(directory.groupsOf(actor.id())), null);
		}
		if (actor.can(Permission.CONVERSATION_REPLY)) {
			return new ReportScope(false, Set.of(), actor.id());
		}
		throw StaffActor.forbidden(Permission.STATISTICS_VIEW);
	}

	/** Whether he sees only his own figures. */
	public boolean ownOnly() {
		return this.agentId != null;
	}

	/** Refuses those who see only their own figures (the team's reports). */
	public void requireTeam() {
		if (ownOnly()) {
			throw StaffActor.forbidden(Permission.STATISTICS_VIEW);
		}
	}

	/**
	 * Whether he may see a report ({@code overview}, or by {@code groups},
	 * {@code channels}, {@code agents}), narrowed to a group or not: an agent sees only
	 * his own row of the agent report.
	 */
	boolean sees(String report, Long groupId) {
		if (ownOnly()) {
			return "agents".equals(report);
		}
		return groupId == null || seesGroup(groupId);
	}

	public boolean seesGroup(Long groupId) {
		return this.all || (groupId != null && this.groups.contains(groupId));
	}

}
