package dev.parley.analytics.internal.textmining;

import java.util.List;
import java.util.Map;

import dev.parley.analytics.internal.ReportRange;
import dev.parley.analytics.internal.ReportScope;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

/**
 * What a text mining figure reads: a side, a range of start days, a channel or group, and
 * what the staff member may see ({@link ReportScope}: everyone's, his groups', or as an
 * agent only the conversations he took part in). Writes its conditions for the rollup
 * ({@code mining_day}, not for agents) and for the documents ({@code mining_document d}).
 */
record MiningFilter(MiningSide side, ReportRange range, Long channelId, Long groupId, ReportScope scope) {

	static MiningFilter of(ReportScope scope, ReportRange range, MiningSide side, Long channelId, Long groupId) {
		if (groupId != null && !scope.ownOnly() && !scope.seesGroup(groupId)) {
			throw StaffActor.forbidden(Permission.STATISTICS_VIEW_ALL);
		}
		return new MiningFilter(side, range, channelId, groupId, scope);
	}

	MiningFilter during(ReportRange other) {
		return new MiningFilter(this.side, other, this.channelId, this.groupId, this.scope);
	}

	/** Whether he may see nothing at all (a supervisor of no group). */
	boolean nothing() {
		return !this.scope.all() && !this.scope.ownOnly() && this.scope.groups().isEmpty();
	}

	/** Whether the rollup can answer (it does not know who took part). */
	boolean rollup() {
		return !this.scope.ownOnly();
	}

	int fromDay() {
		return ReportRange.period(this.range.from());
	}

	int toDay() {
		return ReportRange.period(this.range.to());
	}

	String rollupWhere(Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("side = :side AND start_day BETWEEN :fromDay AND :toDay");
		params.put("side", this.side.value);
		common(sql, "", params);
		return sql.toString();
	}

	String documentWhere(Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("d.side IN (:sides) AND d.start_day BETWEEN :fromDay AND :toDay");
		params.put("sides", this.side.stored());
		common(sql, "d.", params);
		if (this.scope.ownOnly()) {
			sql.append(" AND d.conversation_id IN (SELECT p.conversation_id FROM analytics_participation p "
					+ "WHERE p.agent_id = :agent)");
			params.put("agent", this.scope.agentId());
		}
		return sql.toString();
	}

	private void common(StringBuilder sql, String alias, Map<String, Object> params) {
		params.put("fromDay", fromDay());
		params.put("toDay", toDay());
		if (this.channelId != null) {
			sql.append(" AND ").append(alias).append("channel_id = :channel");
			params.put("channel", this.channelId);
		}
		if (this.groupId != null) {
			sql.append(" AND ").append(alias).append("group_id = :group");
			params.put("group", this.groupId);
		}
		if (!this.scope.all() && !this.scope.ownOnly()) {
			sql.append(" AND ").append(alias).append("group_id IN (:groups)");
			params.put("groups", List.copyOf(this.scope.groups()));
		}
	}

}
