package dev.parley.agents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.agents.AgentStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AgentRepository {

	private static final String COLUMNS = "user_id, public_name, languages, skills, capacity, status, "
			+ "status_changed_at, last_assigned_at";

	private final JdbcClient jdbc;

	AgentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AgentProfile> find(long userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agent_profile WHERE user_id = ?")
			.param(userId)
			.query(AgentRepository::map)
			.optional();
	}

	/** The profile, created with defaults (offline) the first time. */
	AgentProfile findOrCreate(long userId, Instant now) {
		return find(userId).orElseGet(() -> {
			try {
				this.jdbc
					.sql("INSERT INTO agent_profile (user_id, languages, skills, capacity, status, status_changed_at, "
							+ "last_assigned_at) VALUES (?, '', '', ?, ?, ?, 0)")
					.params(userId, AgentProfile.DEFAULT_CAPACITY, AgentStatus.OFFLINE.value(), now.toEpochMilli())
					.update();
			}
			catch (DuplicateKeyException ex) {
				// created at the same moment by another request
			}
			return find(userId).orElseThrow();
		});
	}

	/** Reads the profile and locks its row until the transaction ends. */
	Optional<AgentProfile> lock(long userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agent_profile WHERE user_id = ? FOR UPDATE")
			.param(userId)
			.query(AgentRepository::map)
			.optional();
	}

	List<AgentProfile> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agent_profile ORDER BY user_id")
			.query(AgentRepository::map)
			.list();
	}

	List<AgentProfile> online() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agent_profile WHERE status = ?")
			.param(AgentStatus.ONLINE.value())
			.query(AgentRepository::map)
			.list();
	}

	/**
	 * Sets the status if it differs (a compare-and-set on the status seen).
	 * @param toResume the status to give back at the next sign-in, or null for none
	 * @return whether it changed
	 */
	boolean updateStatus(long userId, AgentStatus from, AgentStatus to, AgentStatus toResume, Instant at) {
		return this.jdbc
			.sql("UPDATE agent_profile SET status = ?, status_changed_at = ?, status_to_resume = ? "
					+ "WHERE user_id = ? AND status = ?")
			.params(to.value(), at.toEpochMilli(), (toResume != null) ? toResume.value() : null, userId, from.value())
			.update() == 1;
	}

	/** The status presence took from the agent when his console closed, if any. */
	Optional<AgentStatus> statusToResume(long userId) {
		return this.jdbc.sql("SELECT status_to_resume FROM agent_profile WHERE user_id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.map(AgentStatus::of);
	}

	void forgetStatusToResume(long userId) {
		this.jdbc.sql("UPDATE agent_profile SET status_to_resume = NULL WHERE user_id = ?").param(userId).update();
	}

	/**
	 * @return agents who were online or away and whose consoles have all been closed
	 * since {@code before} (agents who never opened the console are left alone)
	 */
	List<AgentProfile> goneSince(Instant before) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM agent_profile WHERE status <> ? AND last_seen_at > 0 AND last_seen_at < ?")
			.params(AgentStatus.OFFLINE.value(), before.toEpochMilli())
			.query(AgentRepository::map)
			.list();
	}

	/** Records that the agents have a console open now. */
	void seen(Collection<Long> userIds, Instant at) {
		if (userIds.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		params.add(at.toEpochMilli());
		params.addAll(userIds);
		this.jdbc
			.sql("UPDATE agent_profile SET last_seen_at = ? WHERE user_id IN ("
					+ String.join(", ", Collections.nCopies(userIds.size(), "?")) + ")")
			.params(params)
			.update();
	}

	/** Public names of the agents who set one. */
	Map<Long, String> publicNames(Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		this.jdbc
			.sql("SELECT user_id, public_name FROM agent_profile WHERE public_name IS NOT NULL AND user_id IN (:ids)")
			.param("ids", userIds)
			.query((rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	/**
	 * @return each agent's ticket capacity (unsolved tickets at once), for those with a
	 * profile
	 */
	Map<Long, Integer> ticketCapacities(Collection<Long> userIds) {
		Map<Long, Integer> capacities = new HashMap<>();
		if (userIds.isEmpty()) {
			return capacities;
		}
		this.jdbc.sql("SELECT user_id, ticket_capacity FROM agent_profile WHERE user_id IN (:ids)")
			.param("ids", userIds)
			.query((rs) -> {
				capacities.put(rs.getLong(1), rs.getInt(2));
			});
		return capacities;
	}

	void updateTicketCapacity(long userId, int ticketCapacity) {
		this.jdbc.sql("UPDATE agent_profile SET ticket_capacity = ? WHERE user_id = ?")
			.params(ticketCapacity, userId)
			.update();
	}

	void updateProfile(long userId, String publicName, List<String> languages, List<String> skills, int capacity) {
		this.jdbc
			.sql("UPDATE agent_profile SET public_name = ?, languages = ?, skills = ?, capacity = ? WHERE user_id = ?")
			.params(publicName, String.join(",", languages), String.join(",", skills), capacity, userId)
			.update();
	}

	/**
	 * Marks the agent as the most recently assigned: {@code last_assigned_at} is a turn
	 * counter (the next number after everyone's), so round-robin order does not depend on
	 * clocks agreeing across nodes.
	 */
	void recordAssignment(long userId) {
		long next = this.jdbc.sql("SELECT COALESCE(MAX(last_assigned_at), 0) + 1 FROM agent_profile")
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE agent_profile SET last_assigned_at = ? WHERE user_id = ?").params(next, userId).update();
	}

	private static AgentProfile map(ResultSet rs, int row) throws SQLException {
		return new AgentProfile(rs.getLong("user_id"), rs.getString("public_name"), split(rs.getString("languages")),
				split(rs.getString("skills")), rs.getInt("capacity"), AgentStatus.of(rs.getString("status")),
				Instant.ofEpochMilli(rs.getLong("status_changed_at")), rs.getLong("last_assigned_at"));
	}

	static List<String> split(String value) {
		return (value == null || value.isEmpty()) ? List.of()
				: Arrays.stream(value.split(",")).filter((v) -> !v.isBlank()).toList();
	}

}
