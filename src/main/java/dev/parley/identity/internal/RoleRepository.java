package dev.parley.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Roles and the permissions each holds. */
@Repository
public class RoleRepository {

	private final JdbcClient jdbc;

	RoleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return every role with its permissions, built-in ones first, then by name
	 */
	public List<StaffRole> findAll() {
		Map<Long, Set<String>> permissions = new HashMap<>();
		this.jdbc.sql("SELECT role_id, permission FROM staff_role_permission").query((rs) -> {
			permissions.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>()).add(rs.getString(2));
		});
		return this.jdbc
			.sql("SELECT id, name, description, builtin, requires_two_factor FROM staff_role ORDER BY builtin DESC, id")
			.query((rs, row) -> new StaffRole(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
					rs.getBoolean("builtin"), permissions.getOrDefault(rs.getLong("id"), Set.of()),
					rs.getBoolean("requires_two_factor")))
			.list();
	}

	/**
	 * The role, then its permissions: not read from inside the first query's row mapper,
	 * which would hold one pooled connection while asking for another (under load, the
	 * whole pool waiting for itself).
	 */
	public Optional<StaffRole> findById(long id) {
		return this.jdbc.sql("SELECT id, name, description, builtin, requires_two_factor FROM staff_role WHERE id = ?")
			.param(id)
			.query((rs, row) -> new StaffRole(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
					rs.getBoolean("builtin"), Set.of(), rs.getBoolean("requires_two_factor")))
			.optional()
			.map((role) -> new StaffRole(role.id(), role.name(), role.description(), role.builtin(), permissionsOf(id),
					role.requiresTwoFactor()));
	}

	public Optional<StaffRole> findByName(String name) {
		return this.jdbc.sql("SELECT id FROM staff_role WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.flatMap(this::findById);
	}

	public boolean requiresTwoFactor(long roleId) {
		return this.jdbc.sql("SELECT requires_two_factor FROM staff_role WHERE id = ?")
			.param(roleId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void requireTwoFactor(long roleId, boolean required) {
		this.jdbc.sql("UPDATE staff_role SET requires_two_factor = ? WHERE id = ?").params(required, roleId).update();
	}

	public Set<String> permissionsOf(long roleId) {
		return new TreeSet<>(this.jdbc.sql("SELECT permission FROM staff_role_permission WHERE role_id = ?")
			.param(roleId)
			.query(String.class)
			.list());
	}

	public long insert(String name, String description, long createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO staff_role (name, description, builtin, created_at) VALUES (?, ?, ?, ?)")
			.params(name, description, false, createdAt)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void update(long id, String name, String description) {
		this.jdbc.sql("UPDATE staff_role SET name = ?, description = ? WHERE id = ?")
			.params(name, description, id)
			.update();
	}

	public void replacePermissions(long roleId, Set<String> permissions) {
		this.jdbc.sql("DELETE FROM staff_role_permission WHERE role_id = ?").param(roleId).update();
		for (String permission : permissions) {
			this.jdbc.sql("INSERT INTO staff_role_permission (role_id, permission) VALUES (?, ?)")
				.params(roleId, permission)
				.update();
		}
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM staff_role_permission WHERE role_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM staff_role WHERE id = ?").param(id).update();
	}

	/**
	 * @return role id to number of accounts holding it
	 */
	public Map<Long, Integer> userCounts() {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.sql("SELECT role_id, COUNT(*) FROM staff_user GROUP BY role_id").query((rs) -> {
			counts.put(rs.getLong(1), rs.getInt(2));
		});
		return counts;
	}

}
