package dev.parley.analytics.internal.tickets;

import java.util.Map;
import java.util.Set;

import dev.parley.analytics.internal.ReportScope;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;

/**
 * The tickets a staff member's report counts: everyone's ({@code statistics.view_all}),
 * his groups' ({@code statistics.view}), or those assigned to him (an agent); narrowed to
 * a group when asked.
 *
 * @param groups the groups seen, null for all
 */
record TicketScope(Long groupId, Set<Long> groups, Long assigneeId) {

	static TicketScope of(ReportScope scope, Long groupId) {
		if (groupId != null && (scope.ownOnly() || !scope.seesGroup(groupId))) {
			throw ApiException.forbidden(Permission.STATISTICS_VIEW_ALL.code());
		}
		if (scope.ownOnly()) {
			return new TicketScope(null, null, scope.agentId());
		}
		return new TicketScope(groupId, scope.all() ? null : scope.groups(), null);
	}

	void appendTo(StringBuilder sql, Map<String, Object> params) {
		if (this.groupId != null) {
			sql.append(" AND group_id = :scopeGroup");
			params.put("scopeGroup", this.groupId);
		}
		if (this.groups != null) {
			if (this.groups.isEmpty()) {
				sql.append(" AND 1 = 0");
			}
			else {
				sql.append(" AND group_id IN (:scopeGroups)");
				params.put("scopeGroups", this.groups);
			}
		}
		if (this.assigneeId != null) {
			sql.append(" AND assignee_id = :scopeAssignee");
			params.put("scopeAssignee", this.assigneeId);
		}
	}

}
