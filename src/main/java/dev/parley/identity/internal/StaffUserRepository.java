package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.LikePattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Staff accounts, their single-permission overrides and their password history. */
@Repository
public class StaffUserRepository {

	private static final String COLUMNS = "id, username, display_name, email, phone, role_id, enabled, password_hash, "
			+ "password_changed_at, password_change_required, session_version, last_login_at, created_at";

	private final JdbcClient jdbc;

	StaffUserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffUser> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE id = ?")
			.param(id)
			.query(StaffUserRepository::map)
			.optional();
	}

	public Optional<StaffUser> findByUsername(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE username = ?")
			.param(username)
			.query(StaffUserRepository::map)
			.optional();
	}

	/**
	 * One page of accounts in creation order, after the given id.
	 * @param query text contained in username, display name, e-mail or phone; null for
	 * all
	 */
	public List<StaffUser> search(String query, long afterId, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM staff_user WHERE id > ?");
		List<Object> params = new ArrayList<>(List.of(afterId));
		if (query != null && !query.isBlank()) {
			String pattern = LikePattern.contains(query.strip().toLowerCase(java.util.Locale.ROOT));
			sql.append(" AND (LOWER(username) LIKE ? ESCAPE '!' OR LOWER(display_name) LIKE ? ESCAPE '!'"
					+ " OR LOWER(email) LIKE ? ESCAPE '!' OR phone LIKE ? ESCAPE '!')");
			params.addAll(List.of(pattern, pattern, pattern, pattern));
		}
		sql.append(" ORDER BY id LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(StaffUserRepository::map).list();
	}

	public long insert(StaffUser user) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO staff_user (username, display_name, email, phone, role_id, enabled, password_hash, "
					+ "password_changed_at, password_change_required, session_version, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
			.params(user.username(), user.displayName(), user.email(), user.phone(), user.roleId(), user.enabled(),
					user.passwordHash(), user.passwordChangedAt().toEpochMilli(), user.passwordChangeRequired(),
					user.createdAt().toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void updateProfile(long id, String displayName, String email, String phone, long roleId, boolean enabled) {
		this.jdbc
			.sql("UPDATE staff_user SET display_name = ?, email = ?, phone = ?, role_id = ?, enabled = ? WHERE id = ?")
			.params(displayName, email, phone, roleId, enabled, id)
			.update();
	}

	/**
	 * @return the enabled accounts with this e-mail address, whatever its case (addresses
	 * are not unique), at most a few
	 */
	public List<StaffUser> findEnabledByEmail(String email) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM staff_user WHERE LOWER(email) = LOWER(?) AND enabled = ? "
					+ "ORDER BY id LIMIT 5")
			.params(email, true)
			.query(StaffUserRepository::map)
			.list();
	}

	/**
	 * @return the user's own language for e-mails, or null for the organisation's
	 */
	public String language(long id) {
		return this.jdbc.sql("SELECT language FROM staff_user WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** What a staff member may change of their own account. */
	public void updateOwnProfile(long id, String displayName, String email, String phone, String language) {
		this.jdbc.sql("UPDATE staff_user SET display_name = ?, email = ?, phone = ?, language = ? WHERE id = ?")
			.params(displayName, email, phone, language, id)
			.update();
	}

	/**
	 * Sets a new password and raises the session version, which ends every session signed
	 * in before.
	 */
	public void updatePassword(long id, String hash, Instant changedAt, boolean changeRequired) {
		this.jdbc
			.sql("UPDATE staff_user SET password_hash = ?, password_changed_at = ?, password_change_required = ?, "
					+ "session_version = session_version + 1 WHERE id = ?")
			.params(hash, changedAt.toEpochMilli(), changeRequired, id)
			.update();
	}

	/** Ends every session signed in before, whatever else it holds. */
	public void raiseSessionVersion(long id) {
		this.jdbc.sql("UPDATE staff_user SET session_version = session_version + 1 WHERE id = ?").param(id).update();
	}

	public void requirePasswordChange(long id) {
		this.jdbc.sql("UPDATE staff_user SET password_change_required = ? WHERE id = ?").params(true, id).update();
	}

	public void recordLogin(long id, Instant at) {
		this.jdbc.sql("UPDATE staff_user SET last_login_at = ? WHERE id = ?").params(at.toEpochMilli(), id).update();
	}

	public void delete(long id) {
		// the foreign keys cascade, but not every MySQL setup honours ON DELETE CASCADE
		// the same
		// way, so the dependants go explicitly first
		this.jdbc.sql("DELETE FROM staff_user_permission WHERE user_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM password_history WHERE user_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM api_token WHERE user_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM password_reset WHERE user_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM staff_user WHERE id = ?").param(id).update();
	}

	/**
	 * @return the ids of the accounts holding the given role
	 */
	public Set<Long> idsWithRole(long roleId) {
		return new HashSet<>(
				this.jdbc.sql("SELECT id FROM staff_user WHERE role_id = ?").param(roleId).query(Long.class).list());
	}

	/**
	 * @return enabled accounts holding the given role, except one
	 */
	public int countEnabledWithRole(long roleId, long exceptUserId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE role_id = ? AND enabled = ? AND id <> ?")
			.params(roleId, true, exceptUserId)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return permission to granted (true) or revoked (false), in name order
	 */
	public Map<String, Boolean> overrides(long userId) {
		Map<String, Boolean> overrides = new LinkedHashMap<>();
		this.jdbc.sql("SELECT permission, granted FROM staff_user_permission WHERE user_id = ? ORDER BY permission")
			.param(userId)
			.query((rs) -> {
				overrides.put(rs.getString(1), rs.getBoolean(2));
			});
		return overrides;
	}

	public void replaceOverrides(long userId, Map<String, Boolean> overrides) {
		this.jdbc.sql("DELETE FROM staff_user_permission WHERE user_id = ?").param(userId).update();
		overrides.forEach((permission, granted) -> this.jdbc
			.sql("INSERT INTO staff_user_permission (user_id, permission, granted) VALUES (?, ?, ?)")
			.params(userId, permission, granted)
			.update());
	}

	/**
	 * @return the hashes of the most recent passwords, newest first
	 */
	public List<String> recentPasswordHashes(long userId, int count) {
		if (count <= 0) {
			return List.of();
		}
		return this.jdbc.sql(
				"SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?")
			.params(userId, count)
			.query(String.class)
			.list();
	}

	public void addToHistory(long userId, String hash, Instant at) {
		this.jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)")
			.params(userId, hash, at.toEpochMilli())
			.update();
	}

	private static StaffUser map(ResultSet rs, int row) throws SQLException {
		return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("phone"), rs.getLong("role_id"), rs.getBoolean("enabled"),
				rs.getString("password_hash"), instant(rs, "password_changed_at"),
				rs.getBoolean("password_change_required"), rs.getInt("session_version"), instant(rs, "last_login_at"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
