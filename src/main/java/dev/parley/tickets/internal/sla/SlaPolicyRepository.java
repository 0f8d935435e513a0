package dev.parley.tickets.internal.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code ticket_sla_policy}. */
@Repository
class SlaPolicyRepository {

	private static final String COLUMNS = "id, name, position, enabled, match_priority, match_group_id, match_type, "
			+ "match_level_id, first_response_minutes, next_response_minutes, resolution_minutes, calendar, "
			+ "warn_before_minutes, escalate_raise_priority, escalate_group_id, created_at, updated_at";

	private final JdbcClient jdbc;

	SlaPolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every policy, in the order they are tried. */
	List<SlaPolicy> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_sla_policy ORDER BY position, id")
			.query(SlaPolicyRepository::policy)
			.list();
	}

	Optional<SlaPolicy> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_sla_policy WHERE id = ?")
			.param(id)
			.query(SlaPolicyRepository::policy)
			.optional();
	}

	long insert(SlaPolicy p) {
		int position = this.jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM ticket_sla_policy")
			.query(Integer.class)
			.single() + 1;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_sla_policy (name, position, enabled, match_priority, match_group_id, match_type, "
					+ "match_level_id, first_response_minutes, next_response_minutes, resolution_minutes, calendar, "
					+ "warn_before_minutes, escalate_raise_priority, escalate_group_id, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(p.name(), position, p.enabled(), rank(p.matchPriority()), p.matchGroupId(), name(p.matchType()),
					p.matchLevelId(), p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(),
					p.calendar().name(), p.warnBeforeMinutes(), p.escalateRaisePriority(), p.escalateGroupId(),
					p.createdAt(), p.updatedAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(SlaPolicy p) {
		this.jdbc
			.sql("UPDATE ticket_sla_policy SET name = ?, enabled = ?, match_priority = ?, match_group_id = ?, "
					+ "match_type = ?, match_level_id = ?, first_response_minutes = ?, next_response_minutes = ?, "
					+ "resolution_minutes = ?, calendar = ?, warn_before_minutes = ?, escalate_raise_priority = ?, "
					+ "escalate_group_id = ?, updated_at = ? WHERE id = ?")
			.params(p.name(), p.enabled(), rank(p.matchPriority()), p.matchGroupId(), name(p.matchType()),
					p.matchLevelId(), p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(),
					p.calendar().name(), p.warnBeforeMinutes(), p.escalateRaisePriority(), p.escalateGroupId(),
					p.updatedAt(), p.id())
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM ticket_sla_policy WHERE id = ?").param(id).update();
	}

	void position(long id, int position) {
		this.jdbc.sql("UPDATE ticket_sla_policy SET position = ? WHERE id = ?").params(position, id).update();
	}

	private static Integer rank(TicketPriority priority) {
		return (priority != null) ? priority.rank() : null;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static SlaPolicy policy(ResultSet rs, int row) throws SQLException {
		Integer priority = rs.getObject("match_priority", Integer.class);
		String type = rs.getString("match_type");
		return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
				(priority != null) ? TicketPriority.ofRank(priority).orElse(null) : null,
				rs.getObject("match_group_id", Long.class), (type != null) ? TicketType.valueOf(type) : null,
				rs.getObject("match_level_id", Long.class), rs.getObject("first_response_minutes", Integer.class),
				rs.getObject("next_response_minutes", Integer.class), rs.getObject("resolution_minutes", Integer.class),
				SlaCalendar.valueOf(rs.getString("calendar")), rs.getObject("warn_before_minutes", Integer.class),
				rs.getBoolean("escalate_raise_priority"), rs.getObject("escalate_group_id", Long.class),
				rs.getLong("created_at"), rs.getLong("updated_at"));
	}

}
