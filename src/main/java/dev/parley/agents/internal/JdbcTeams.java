package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.parley.agents.Teams;
import dev.parley.conversations.LiveConnections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link Teams} from the group members and the agents' presence: a user is in the console
 * when he has a connection to this node, or another node recorded one within two presence
 * refreshes.
 */
@Component
class JdbcTeams implements Teams {

	private final JdbcClient jdbc;

	private final LiveConnections connections;

	private final Clock clock;

	private final Duration recent;

	JdbcTeams(JdbcClient jdbc, LiveConnections connections, Clock clock,
			@Value("${parley.agents.presence-refresh:20s}") Duration refresh) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.clock = clock;
		this.recent = refresh.multipliedBy(2).plusSeconds(5);
	}

	@Override
	public List<Member> members(long groupId) {
		return this.jdbc.sql("SELECT user_id, supervisor FROM agent_group_member WHERE group_id = ? ORDER BY user_id")
			.param(groupId)
			.query((rs, row) -> new Member(rs.getLong(1), rs.getBoolean(2)))
			.list();
	}

	@Override
	public Set<Long> inConsole(Collection<Long> userIds) {
		Set<Long> present = new HashSet<>();
		if (userIds.isEmpty()) {
			return present;
		}
		Set<Long> local = this.connections.connectedStaff();
		userIds.stream().filter(local::contains).forEach(present::add);
		List<Object> params = new ArrayList<>();
		params.add(this.clock.millis() - this.recent.toMillis());
		params.addAll(userIds);
		present.addAll(this.jdbc
			.sql("SELECT user_id FROM agent_profile WHERE last_seen_at >= ? AND user_id IN ("
					+ String.join(", ", java.util.Collections.nCopies(userIds.size(), "?")) + ")")
			.params(params)
			.query(Long.class)
			.list());
		return present;
	}

}
