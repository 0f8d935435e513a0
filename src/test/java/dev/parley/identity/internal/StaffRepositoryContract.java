package dev.parley.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the identity repositories must do on every supported database; one subclass per
 * database ({@code @H2RepositoryTest} and the like) runs these tests on the real
 * migrations on a real engine, each in a transaction rolled back at its end.
 */
@Transactional
abstract class StaffRepositoryContract {

	@Autowired
	StaffUserRepository users;

	@Autowired
	RoleRepository roles;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrationsCreateTheFourRolesWithTheirRights() {
		assertThat(this.roles.findAll()).extracting(StaffRole::name)
			.containsExactly("administrator", "supervisor", "agent", "support");
		assertThat(this.roles.findByName("agent").orElseThrow().permissions()).contains("conversation.reply",
				"complaint.handle");
		assertThat(this.roles.findByName("support").orElseThrow().permissions()).contains("log.view");
	}

	@Test
	void storesAndFindsUsersWithTextVerbatim() {
		String name = "<script>alert('x')</script> 李娜 \\ % _ ' \" ;--";
		long id = insert("li.na", name);
		StaffUser found = this.users.findByUsername("li.na").orElseThrow();
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.displayName()).isEqualTo(name);
		assertThat(found.enabled()).isTrue();
		assertThat(found.passwordChangeRequired()).isFalse();
		assertThat(found.lockedUntil()).isNull();
		assertThat(found.createdAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
	}

	@Test
	void refusesASecondUserWithTheSameUsername() {
		insert("twice", "First");
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> insert("twice", "Second"));
	}

	@Test
	void searchTreatsWildcardsAsTextAndIgnoresCase() {
		insert("percent.user", "100% sure");
		insert("under.user", "snake_case");
		insert("plain.user", "Plain Person");
		assertThat(this.users.search("%", 0, 10)).extracting(StaffUser::username).containsExactly("percent.user");
		assertThat(this.users.search("_", 0, 10)).extracting(StaffUser::username).containsExactly("under.user");
		assertThat(this.users.search("PLAIN", 0, 10)).extracting(StaffUser::username).containsExactly("plain.user");
		List<StaffUser> all = this.users.search(null, 0, 2);
		assertThat(all).hasSize(2);
		assertThat(this.users.search(null, all.get(1).id(), 10)).hasSize(1);
	}

	@Test
	void countsFailuresLocksAndUnlocks() {
		long id = insert("failing", "F");
		assertThat(this.users.countFailure(id)).isEqualTo(1);
		assertThat(this.users.countFailure(id)).isEqualTo(2);
		Instant until = Instant.ofEpochMilli(1_800_000_000_000L);
		this.users.lock(id, until);
		StaffUser locked = this.users.findById(id).orElseThrow();
		assertThat(locked.lockedUntil()).isEqualTo(until);
		assertThat(locked.failedLogins()).isZero();
		this.users.unlock(id);
		assertThat(this.users.findById(id).orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void keepsOverridesAndPasswordHistoryAndDeletesThemWithTheUser() {
		long id = insert("history", "H");
		this.users.replaceOverrides(id, Map.of("statistics.view", true, "conversation.reply", false));
		assertThat(this.users.overrides(id)).containsEntry("statistics.view", true)
			.containsEntry("conversation.reply", false);
		this.users.addToHistory(id, "{noop}one", Instant.ofEpochMilli(1000));
		this.users.addToHistory(id, "{noop}two", Instant.ofEpochMilli(2000));
		this.users.addToHistory(id, "{noop}three", Instant.ofEpochMilli(3000));
		assertThat(this.users.recentPasswordHashes(id, 2)).containsExactly("{noop}three", "{noop}two");
		this.users.delete(id);
		assertThat(this.users.findById(id)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM password_history WHERE user_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void storesRolePermissions() {
		long id = this.roles.insert("Night shift", "质检 team", 5);
		this.roles.replacePermissions(id, java.util.Set.of("ticket.view", "ticket.handle"));
		StaffRole role = this.roles.findById(id).orElseThrow();
		assertThat(role.builtin()).isFalse();
		assertThat(role.description()).isEqualTo("质检 team");
		assertThat(role.permissions()).containsExactly("ticket.handle", "ticket.view");
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.roles.insert("Night shift", null, 6));
	}

	@Test
	void auditTableTakesEveryColumn() {
		this.jdbc.sql(
				"INSERT INTO audit_event (occurred_at, actor, action, target, ip, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(1L, "a", "login", "t", "2001:db8::1", "success", "詳細")
			.update();
		assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'login'").query(String.class).single())
			.isEqualTo("詳細");
	}

	private long insert(String username, String displayName) {
		long agentRole = this.roles.findByName("agent").orElseThrow().id();
		Instant created = Instant.ofEpochMilli(1_700_000_000_123L);
		return this.users.insert(new StaffUser(0, username, displayName, username + "@example.com", null, agentRole,
				true, "{noop}x", created, false, 0, null, null, created));
	}

}
