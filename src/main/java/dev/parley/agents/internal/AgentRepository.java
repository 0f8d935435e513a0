package dev.parley.agents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
							+ "last_assigned_at) VALUES (?, '', '', ?, 'offline', ?, 0)")
					.params(userId, AgentProfile.DEFAULT_CAPACITY, now.toEpochMilli())
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
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agent_profile WHERE status = 'online'")
			.query(AgentRepository::map)
			.list();
	}

	void updateStatus(long userId, String status, Instant at) {
		this.jdbc.sql("UPDATE agent_profile SET status = ?, status_changed_at = ? WHERE user_id = ?")
			.params(status, at.toEpochMilli(), userId)
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
				split(rs.getString("skills")), rs.getInt("capacity"), rs.getString("status"),
				Instant.ofEpochMilli(rs.getLong("status_changed_at")), rs.getLong("last_assigned_at"));
	}

	private static List<String> split(String value) {
		return (value == null || value.isEmpty()) ? List.of()
				: Arrays.stream(value.split(",")).filter((v) -> !v.isBlank()).toList();
	}

}
