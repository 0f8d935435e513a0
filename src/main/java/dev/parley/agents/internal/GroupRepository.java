package dev.parley.agents.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.agents.RoutingStrategy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class GroupRepository {

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AgentGroup> findAll() {
		List<AgentGroup> groups = new ArrayList<>();
		for (Long id : this.jdbc.sql("SELECT id FROM agent_group ORDER BY name").query(Long.class).list()) {
			findById(id).ifPresent(groups::add);
		}
		return groups;
	}

	/**
	 * The group, read in three queries one after the other: members and channels are not
	 * read from inside the first query's row mapper, which (outside a transaction) would
	 * hold one pooled connection while asking for another; enough callers at once would
	 * then hold the whole pool and wait for it.
	 */
	Optional<AgentGroup> findById(long id) {
		record Row(String name, String description, String routing, Long overflow, long createdAt, String skills,
				int fallbackAfter) {
		}
		return this.jdbc
			.sql("SELECT name, description, routing, overflow_group_id, created_at, required_skills, fallback_after "
					+ "FROM agent_group WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
					rs.getLong(5), rs.getString(6), rs.getInt(7)))
			.optional()
			.map((r) -> new AgentGroup(id, r.name(), r.description(), RoutingStrategy.of(r.routing()), r.overflow(),
					members(id), channels(id), Instant.ofEpochMilli(r.createdAt()), AgentRepository.split(r.skills()),
					r.fallbackAfter()));
	}

	Optional<Long> groupOfChannel(long channelId) {
		return this.jdbc.sql("SELECT group_id FROM agent_group_channel WHERE channel_id = ?")
			.param(channelId)
			.query(Long.class)
			.optional();
	}

	/** Everyone who belongs to at least one group. */
	java.util.Set<Long> allMembers() {
		return new java.util.HashSet<>(
				this.jdbc.sql("SELECT DISTINCT user_id FROM agent_group_member").query(Long.class).list());
	}

	/** Every membership, as group id and user id pairs. */
	List<long[]> memberships() {
		return this.jdbc.sql("SELECT group_id, user_id FROM agent_group_member")
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** Groups the agent belongs to. */
	List<Long> groupsOf(long userId) {
		return this.jdbc.sql("SELECT group_id FROM agent_group_member WHERE user_id = ? ORDER BY group_id")
			.param(userId)
			.query(Long.class)
			.list();
	}

	boolean nameTaken(String name, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM agent_group WHERE name = ? AND id <> ?")
			.params(name, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String name, String description, RoutingStrategy routing, Long overflow, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO agent_group (name, description, routing, overflow_group_id, created_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(name, description, routing.value(), overflow, now.toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(long id, String name, String description, RoutingStrategy routing, Long overflow) {
		this.jdbc
			.sql("UPDATE agent_group SET name = ?, description = ?, routing = ?, overflow_group_id = ? WHERE id = ?")
			.params(name, description, routing.value(), overflow, id)
			.update();
	}

	/** What the group asks of its agents and how long it waits for one who matches. */
	void updateMatching(long id, List<String> requiredSkills, int fallbackAfter) {
		this.jdbc.sql("UPDATE agent_group SET required_skills = ?, fallback_after = ? WHERE id = ?")
			.params(String.join(",", requiredSkills), fallbackAfter, id)
			.update();
	}

	void replaceMembers(long id, List<AgentGroup.Member> members) {
		this.jdbc.sql("DELETE FROM agent_group_member WHERE group_id = ?").param(id).update();
		for (AgentGroup.Member member : members) {
			this.jdbc.sql("INSERT INTO agent_group_member (group_id, user_id, supervisor) VALUES (?, ?, ?)")
				.params(id, member.userId(), member.supervisor())
				.update();
		}
	}

	void replaceChannels(long id, List<Long> channelIds) {
		this.jdbc.sql("DELETE FROM agent_group_channel WHERE group_id = ?").param(id).update();
		for (Long channel : channelIds) {
			this.jdbc.sql("DELETE FROM agent_group_channel WHERE channel_id = ?").param(channel).update();
			this.jdbc.sql("INSERT INTO agent_group_channel (channel_id, group_id) VALUES (?, ?)")
				.params(channel, id)
				.update();
		}
	}

	void delete(long id) {
		this.jdbc.sql("UPDATE agent_group SET overflow_group_id = NULL WHERE overflow_group_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM agent_group WHERE id = ?").param(id).update();
	}

	private List<AgentGroup.Member> members(long id) {
		return this.jdbc.sql("SELECT user_id, supervisor FROM agent_group_member WHERE group_id = ? ORDER BY user_id")
			.param(id)
			.query((rs, row) -> new AgentGroup.Member(rs.getLong(1), rs.getBoolean(2)))
			.list();
	}

	private List<Long> channels(long id) {
		return this.jdbc.sql("SELECT channel_id FROM agent_group_channel WHERE group_id = ? ORDER BY channel_id")
			.param(id)
			.query(Long.class)
			.list();
	}

}
