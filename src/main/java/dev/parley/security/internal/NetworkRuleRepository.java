package dev.parley.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The network lists and the restriction switch. */
@Repository
class NetworkRuleRepository {

	private static final String COLUMNS = "id, list_kind, address_range, note, created_by, created_at, expires_at";

	private final JdbcClient jdbc;

	NetworkRuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<NetworkRule> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM network_rule ORDER BY id").query(this::rule).list();
	}

	Optional<NetworkRule> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM network_rule WHERE id = ?")
			.param(id)
			.query(this::rule)
			.optional();
	}

	int count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM network_rule").query(Integer.class).single();
	}

	long insert(NetworkList list, String range, String note, String createdBy, Instant createdAt, Instant expiresAt) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO network_rule (list_kind, address_range, note, created_by, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(list.name(), range, note, createdBy, createdAt.toEpochMilli(),
					(expiresAt != null) ? expiresAt.toEpochMilli() : null)
			.update(key, "id");
		return key.getKey().longValue();
	}

	boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM network_rule WHERE id = ?").param(id).update() == 1;
	}

	boolean staffRestricted() {
		return this.jdbc.sql("SELECT staff_restricted FROM network_restriction WHERE id = 1")
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void restrictStaff(boolean restricted, String by, Instant at) {
		this.jdbc
			.sql("UPDATE network_restriction SET staff_restricted = ?, updated_at = ?, updated_by = ? WHERE id = 1")
			.params(restricted, at.toEpochMilli(), by)
			.update();
	}

	private NetworkRule rule(ResultSet rs, int row) throws SQLException {
		long expires = rs.getLong("expires_at");
		Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
		return new NetworkRule(rs.getLong("id"), NetworkList.valueOf(rs.getString("list_kind")),
				rs.getString("address_range"), rs.getString("note"), rs.getString("created_by"),
				Instant.ofEpochMilli(rs.getLong("created_at")), expiresAt);
	}

}
