package dev.parley.analytics.internal.occupancy;

import dev.parley.agents.AgentStatus;
import dev.parley.agents.AgentStatusChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each agent's stretches online and away from his status changes: a change ends the
 * stretch that lasts and, unless he went offline, starts the next. Idempotent: an event
 * delivered twice finds its stretch already started and ends nothing more.
 */
@Component
class StatusEvents {

	private final JdbcClient jdbc;

	StatusEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(AgentStatusChanged event) {
		long at = event.at().toEpochMilli();
		this.jdbc
			.sql("UPDATE analytics_agent_status SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL "
					+ "AND started_at < ?")
			.params(at, event.userId(), at)
			.update();
		if (event.status() == AgentStatus.OFFLINE) {
			return;
		}
		boolean known = this.jdbc
			.sql("SELECT COUNT(*) FROM analytics_agent_status WHERE agent_id = ? AND started_at = ?")
			.params(event.userId(), at)
			.query(Integer.class)
			.single() > 0;
		if (!known) {
			this.jdbc.sql("INSERT INTO analytics_agent_status (agent_id, status, started_at) VALUES (?, ?, ?)")
				.params(event.userId(), event.status().name(), at)
				.update();
		}
	}

}
