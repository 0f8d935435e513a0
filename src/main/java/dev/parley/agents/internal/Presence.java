package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.parley.conversations.LiveConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Agent presence from live console connections: every node records which agents have a
 * console open ({@code last_seen_at}); an agent who was online or away and has had no
 * console open anywhere for the grace period becomes offline, so routing stops offering
 * them work. Agents who never opened the console (API-only) are left as they set
 * themselves.
 */
@Component
public class Presence {

	private static final Logger logger = LoggerFactory.getLogger(Presence.class);

	private final JdbcClient jdbc;

	private final LiveConnections connections;

	private final Clock clock;

	private final Duration grace;

	Presence(JdbcClient jdbc, LiveConnections connections, Clock clock,
			@Value("${parley.agents.presence-grace:90s}") Duration grace) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.clock = clock;
		this.grace = grace;
	}

	@Scheduled(fixedDelayString = "${parley.agents.presence-refresh:20s}", initialDelay = 5_000)
	void scheduled() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Presence refresh failed; retrying on the next run", ex);
		}
	}

	/**
	 * Records this node's connected agents, then marks those gone too long as offline.
	 */
	public int refresh() {
		long now = this.clock.millis();
		Set<Long> connected = this.connections.connectedStaff();
		if (!connected.isEmpty()) {
			List<Object> params = new ArrayList<>();
			params.add(now);
			params.addAll(connected);
			this.jdbc
				.sql("UPDATE agent_profile SET last_seen_at = ? WHERE user_id IN ("
						+ String.join(", ", java.util.Collections.nCopies(connected.size(), "?")) + ")")
				.params(params)
				.update();
		}
		return this.jdbc
			.sql("UPDATE agent_profile SET status = 'offline', status_changed_at = ? WHERE status <> 'offline' "
					+ "AND last_seen_at > 0 AND last_seen_at < ?")
			.params(now, now - this.grace.toMillis())
			.update();
	}

}
