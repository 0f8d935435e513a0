package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.parley.conversations.LiveConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	private final AgentRepository agents;

	private final Agents statuses;

	private final LiveConnections connections;

	private final Clock clock;

	private final Duration grace;

	Presence(AgentRepository agents, Agents statuses, LiveConnections connections, Clock clock,
			@Value("${parley.agents.presence-grace:90s}") Duration grace) {
		this.agents = agents;
		this.statuses = statuses;
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
	 * @return how many became offline
	 */
	public int refresh() {
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		Set<Long> connected = this.connections.connectedStaff();
		this.agents.seen(connected, now);
		int offline = 0;
		for (AgentProfile gone : this.agents.goneSince(now.minus(this.grace))) {
			if (this.statuses.disconnected(gone)) {
				offline++;
			}
		}
		return offline;
	}

}
