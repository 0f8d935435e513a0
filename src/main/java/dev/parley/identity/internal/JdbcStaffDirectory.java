package dev.parley.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.identity.StaffDirectory;
import dev.parley.platform.LikePattern;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcStaffDirectory implements StaffDirectory {

	private final NamedParameterJdbcTemplate jdbc;

	private final StaffUserRepository users;

	private final StaffAccounts accounts;

	private final TwoFactorRepository twoFactor;

	JdbcStaffDirectory(NamedParameterJdbcTemplate jdbc, StaffUserRepository users, StaffAccounts accounts,
			TwoFactorRepository twoFactor) {
		this.jdbc = jdbc;
		this.twoFactor = twoFactor;
		this.users = users;
		this.accounts = accounts;
	}

	@Override
	public java.util.List<TwoFactorAdoption> twoFactorAdoption() {
		return this.twoFactor.adoptionPerRole();
	}

	@Override
	public Optional<StaffActor> actor(long userId) {
		return this.users.findById(userId).filter(StaffUser::enabled).map((user) -> {
			Set<Permission> permissions = EnumSet.noneOf(Permission.class);
			this.accounts.permissionsOf(user).forEach((code) -> Permission.ofCode(code).ifPresent(permissions::add));
			return new StaffActor(user.id(), user.username(), user.displayName(), permissions);
		});
	}

	@Override
	public Map<Long, String> displayNames(Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		this.jdbc.query("SELECT id, display_name FROM staff_user WHERE id IN (:ids)",
				Map.of("ids", userIds.stream().distinct().toList()), (rs) -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		return names;
	}

	@Override
	public Optional<StaffMember> member(long userId) {
		return this.jdbc
			.query("SELECT id, username, display_name, enabled FROM staff_user WHERE id = :id", Map.of("id", userId),
					(rs, row) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.stream()
			.findFirst();
	}

	@Override
	public Map<Long, StaffMember> members(Collection<Long> userIds) {
		Map<Long, StaffMember> members = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.query("SELECT id, username, display_name, enabled FROM staff_user WHERE id IN (:ids)",
					Map.of("ids", userIds.stream().distinct().toList()), (rs) -> {
						members.put(rs.getLong(1),
								new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
					});
		}
		return members;
	}

	@Override
	public Optional<StaffMember> byUsername(String username) {
		return this.jdbc
			.query("SELECT id, username, display_name, enabled FROM staff_user WHERE username = :username",
					Map.of("username", username),
					(rs, row) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.stream()
			.findFirst();
	}

	@Override
	public java.util.List<StaffMember> colleagues(String query, long excludedId, int limit) {
		String pattern = LikePattern.contains((query != null) ? query.strip() : "");
		// the database lowers both sides (Java's lower case differs from the databases'
		// in
		// places)
		return this.jdbc.query(
				"SELECT id, username, display_name, enabled FROM staff_user WHERE enabled = TRUE AND id <> :excluded "
						+ "AND (LOWER(username) LIKE LOWER(:pattern) ESCAPE '!' "
						+ "OR LOWER(display_name) LIKE LOWER(:pattern) ESCAPE '!') " + "ORDER BY username LIMIT :limit",
				Map.of("excluded", excludedId, "pattern", pattern, "limit", limit),
				(rs, row) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
	}

	private static final String CONTACT = "SELECT id, display_name, email, phone, language, enabled FROM staff_user ";

	@Override
	public Optional<StaffContact> contact(long userId) {
		return this.jdbc.query(CONTACT + "WHERE id = :id", Map.of("id", userId), (rs, row) -> contactOf(rs))
			.stream()
			.findFirst();
	}

	@Override
	public Map<Long, StaffContact> contacts(Collection<Long> userIds) {
		Map<Long, StaffContact> contacts = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.query(CONTACT + "WHERE id IN (:ids)", Map.of("ids", userIds.stream().distinct().toList()),
					(rs) -> {
						contacts.put(rs.getLong(1), contactOf(rs));
					});
		}
		return contacts;
	}

	@Override
	public java.util.List<StaffContact> holdersOf(dev.parley.platform.Permission permission) {
		// EffectivePermissions in SQL: the role's (every one for the built-in
		// administrator),
		// unless revoked from the user, or granted to the user
		return this.jdbc.query(CONTACT.replace("FROM staff_user ", "FROM staff_user u ")
			.replace("SELECT id,", "SELECT u.id,")
				+ "WHERE u.enabled = TRUE AND (EXISTS (SELECT 1 FROM staff_user_permission o WHERE o.user_id = u.id "
				+ "AND o.permission = :permission AND o.granted = TRUE) OR (NOT EXISTS (SELECT 1 FROM "
				+ "staff_user_permission o WHERE o.user_id = u.id AND o.permission = :permission AND o.granted = FALSE) "
				+ "AND EXISTS (SELECT 1 FROM staff_role r WHERE r.id = u.role_id AND ((r.builtin = TRUE AND r.name = "
				+ "'administrator') OR EXISTS (SELECT 1 FROM staff_role_permission p WHERE p.role_id = r.id AND "
				+ "p.permission = :permission))))) ORDER BY u.id", Map.of("permission", permission.code()),
				(rs, row) -> contactOf(rs));
	}

	private static StaffContact contactOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StaffContact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getBoolean(6));
	}

}
