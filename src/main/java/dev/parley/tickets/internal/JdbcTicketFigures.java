package dev.parley.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.tickets.TicketFigures;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link TicketFigures} from the ticket table and its SLA clocks. */
@Component
class JdbcTicketFigures implements TicketFigures {

	private static final int IN_LIMIT = 500;

	private final JdbcClient jdbc;

	JdbcTicketFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Fact> facts(Collection<Long> ticketIds) {
		List<Long> ids = new ArrayList<>(ticketIds);
		List<Fact> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
			Map<Long, Map<String, Target>> targets = targets(chunk);
			found.addAll(this.jdbc
				.sql("SELECT id, number, origin, priority, group_id, assignee_id, status, created_at, "
						+ "first_responded_at, solved_at, closed_at, merged_into_id FROM ticket WHERE id IN (:ids)")
				.param("ids", chunk)
				.query((rs, row) -> fact(rs, targets.getOrDefault(rs.getLong("id"), Map.of())))
				.list());
		}
		return found;
	}

	@Override
	public List<Long> ids(long afterId, int limit) {
		return this.jdbc.sql("SELECT id FROM ticket WHERE id > ? ORDER BY id")
			.param(afterId)
			.withMaxRows(limit)
			.query(Long.class)
			.list();
	}

	private Map<Long, Map<String, Target>> targets(List<Long> ids) {
		Map<Long, Map<String, Target>> targets = new HashMap<>();
		this.jdbc
			.sql("SELECT ticket_id, target, due_at, running_since, met_at, breached_at FROM ticket_sla_clock "
					+ "WHERE ticket_id IN (:ids) AND target IN ('FIRST_RESPONSE', 'RESOLUTION')")
			.param("ids", ids)
			.query((ResultSet rs) -> {
				targets.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>()).put(rs.getString(2), target(rs));
			});
		return targets;
	}

	private static Target target(ResultSet rs) throws SQLException {
		Instant due = instant(rs, "due_at");
		if (rs.getObject("breached_at") != null) {
			return new Target(SlaOutcome.BREACHED, due);
		}
		if (rs.getObject("met_at") != null) {
			return new Target(SlaOutcome.MET, due);
		}
		if (rs.getObject("running_since") == null) {
			return new Target(SlaOutcome.PAUSED, null);
		}
		return new Target(SlaOutcome.RUNNING, due);
	}

	private static Fact fact(ResultSet rs, Map<String, Target> targets) throws SQLException {
		TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
		Instant solved = instant(rs, "solved_at");
		Instant finished = status.finished() ? ((solved != null) ? solved : instant(rs, "closed_at")) : null;
		return new Fact(rs.getLong("id"), rs.getString("number"), TicketOrigin.valueOf(rs.getString("origin")),
				TicketPriority.ofRank(rs.getInt("priority")).orElse(TicketPriority.NORMAL),
				TicketRepository.longOrNull(rs, "group_id"), TicketRepository.longOrNull(rs, "assignee_id"), status,
				Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "first_responded_at"), finished,
				TicketRepository.longOrNull(rs, "merged_into_id"), targets.getOrDefault("FIRST_RESPONSE", Target.NONE),
				targets.getOrDefault("RESOLUTION", Target.NONE));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Long value = TicketRepository.longOrNull(rs, column);
		return (value != null) ? Instant.ofEpochMilli(value) : null;
	}

}
