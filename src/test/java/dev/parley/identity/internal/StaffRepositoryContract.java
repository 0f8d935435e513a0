package dev.parley.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
	SignInThrottleRepository throttle;

	@Autowired
	PasswordResetRepository resets;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrationsCreateTheFourRolesWithTheirRights() {
		assertThat(this.roles.findAll()).extracting(StaffRole::name)
			.containsExactly("administrator", "supervisor", "agent", "support");
		assertThat(this.roles.findByName("agent").orElseThrow().permissions()).contains("conversation.reply",
				"conversation.transfer");
		assertThat(this.roles.findByName("support").orElseThrow().permissions()).contains("system.monitor")
			.doesNotContain("user.manage");
		// the log viewer (V22_4) and fault records (V22_6) came with the operations
		// module: technical support reads the logs and handles faults
		assertThat(this.roles.findByName("support").orElseThrow().permissions()).contains("log.view", "fault.manage");
		// the analytics module's came with it (V21): supervisors see their groups'
		// reports and evaluate agents
		assertThat(this.roles.findByName("supervisor").orElseThrow().permissions())
			.contains("statistics.view", "team.evaluate")
			.doesNotContain("statistics.view_all");
		assertThat(this.roles.findByName("agent").orElseThrow().permissions()).doesNotContain("statistics.view",
				"team.evaluate");
		// the tickets module's came with it (V20): agents handle tickets and complaints,
		// supervisors also assign, close, see every group's and merge
		assertThat(this.roles.findByName("agent").orElseThrow().permissions())
			.contains("ticket.view", "ticket.create", "ticket.reply", "ticket.edit", "ticket.solve", "ticket.reopen",
					"complaint.handle")
			.doesNotContain("ticket.assign", "ticket.close", "ticket.view_all", "ticket.merge", "ticket.manage");
		assertThat(this.roles.findByName("supervisor").orElseThrow().permissions())
			.contains("ticket.assign", "ticket.close", "ticket.view_all", "ticket.merge")
			.doesNotContain("ticket.manage");
		assertThat(this.roles.findByName("support").orElseThrow().permissions()).doesNotContain("ticket.view");
		// the customers module's came with it (V19): agents view, edit and block,
		// supervisors
		// also merge, see contact details, import and export
		assertThat(this.roles.findByName("agent").orElseThrow().permissions())
			.contains("customer.view", "customer.edit", "customer.block")
			.doesNotContain("customer.merge", "customer.pii.view", "customer.privacy");
		assertThat(this.roles.findByName("supervisor").orElseThrow().permissions()).contains("customer.merge",
				"customer.pii.view", "customer.import", "customer.export");
		// backups, the self-check and maintenance came back with the operations module
		// (V18)
		assertThat(this.roles.findByName("support").orElseThrow().permissions()).contains("backup.run",
				"system.upgrade");
		assertThat(this.roles.findByName("supervisor").orElseThrow().permissions()).doesNotContain("backup.run",
				"system.upgrade");
		// the security screen came with issue 17 (V26): the administrator's alone
		assertThat(this.roles.findByName("administrator").orElseThrow().permissions()).contains("security.manage");
		for (String role : List.of("supervisor", "agent", "support")) {
			assertThat(this.roles.findByName(role).orElseThrow().permissions()).as(role)
				.doesNotContain("security.manage");
		}
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
	void countsFailuresPerSubjectForgetsOldRunsAndBlocks() {
		Instant start = Instant.ofEpochMilli(1_700_000_000_000L);
		Instant forgetNothing = Instant.EPOCH;
		assertThat(this.throttle.find("account:nobody")).isEmpty();
		assertThat(this.throttle.countFailure("account:nobody", start, forgetNothing).failures()).isEqualTo(1);
		assertThat(this.throttle.countFailure("account:nobody", start.plusSeconds(1), forgetNothing).failures())
			.isEqualTo(2);
		assertThat(this.throttle.countFailure("address:2001:db8::1", start, forgetNothing).failures()).isEqualTo(1);
		Instant until = start.plusSeconds(30);
		this.throttle.block("account:nobody", until);
		SignInThrottleRepository.Entry blocked = this.throttle.find("account:nobody").orElseThrow();
		assertThat(blocked.blockedUntil()).isEqualTo(until);
		assertThat(blocked.blockedAt(start)).isTrue();
		assertThat(blocked.blockedAt(until)).isFalse();
		// a run whose last failure is older than the memory starts again
		Instant later = start.plusSeconds(3600);
		assertThat(this.throttle.countFailure("account:nobody", later, later.minusSeconds(60)).failures()).isOne();
		assertThat(this.throttle.purge(later, later)).isOne();
		assertThat(this.throttle.find("address:2001:db8::1")).isEmpty();
		this.throttle.clear("account:nobody");
		assertThat(this.throttle.find("account:nobody")).isEmpty();
	}

	/**
	 * Attempts on several nodes at once, each in its own transaction: the first failure
	 * of a subject is inserted by one of them, and none is lost (on PostgreSQL the losers
	 * of the insert must not spoil their transactions).
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void countsConcurrentFailuresOfANewSubjectEachOnce() throws Exception {
		String subject = "account:race-" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.ofEpochMilli(1_700_000_000_000L);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		int attempts = 8;
		CyclicBarrier start = new CyclicBarrier(attempts);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			List<Future<Integer>> counted = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				counted.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return transaction
						.execute((tx) -> this.throttle.countFailure(subject, now, Instant.EPOCH).failures());
				}));
			}
			for (Future<Integer> one : counted) {
				assertThat(one.get(30, TimeUnit.SECONDS)).isBetween(1, attempts);
			}
			assertThat(this.throttle.find(subject).orElseThrow().failures()).isEqualTo(attempts);
		}
		finally {
			pool.shutdownNow();
			transaction.executeWithoutResult((tx) -> this.throttle.clear(subject));
		}
	}

	@Test
	void aPasswordChangeRaisesTheSessionVersion() {
		long id = insert("versioned", "V");
		assertThat(this.users.findById(id).orElseThrow().sessionVersion()).isZero();
		this.users.updatePassword(id, "{noop}new", Instant.ofEpochMilli(2000), false);
		this.users.updatePassword(id, "{noop}newer", Instant.ofEpochMilli(3000), true);
		StaffUser changed = this.users.findById(id).orElseThrow();
		assertThat(changed.sessionVersion()).isEqualTo(2);
		assertThat(changed.passwordChangeRequired()).isTrue();
		assertThat(this.users.idsWithRole(changed.roleId())).contains(id);
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

	@Test
	void aPasswordResetIsUsedOnceAndNeverAfterItExpires() {
		long id = insert("reset.once", "Once");
		Instant now = Instant.ofEpochMilli(1_800_000_000_000L);
		this.resets.insert("a".repeat(64), id, now, now.plusSeconds(1800), "2001:db8::1");
		PasswordResetRepository.Reset reset = this.resets.findByHash("a".repeat(64)).orElseThrow();
		assertThat(reset.userId()).isEqualTo(id);
		assertThat(reset.usedAt()).isNull();
		assertThat(reset.usableAt(now)).isTrue();
		assertThat(this.resets.use(reset.id(), now.plusSeconds(1800))).as("expired").isFalse();
		assertThat(this.resets.use(reset.id(), now.plusSeconds(60))).isTrue();
		assertThat(this.resets.use(reset.id(), now.plusSeconds(61))).as("used").isFalse();
		assertThat(this.resets.findByHash("a".repeat(64)).orElseThrow().usedAt()).isEqualTo(now.plusSeconds(60));

		this.resets.insert("b".repeat(64), id, now, now.plusSeconds(1800), null);
		this.resets.endPending(id, now.plusSeconds(5));
		assertThat(this.resets.findByHash("b".repeat(64)).orElseThrow().usableAt(now.plusSeconds(6))).isFalse();
		assertThat(this.resets.purge(now.plusSeconds(1801))).isEqualTo(2);

		this.resets.insert("c".repeat(64), id, now, now.plusSeconds(1800), null);
		this.users.delete(id);
		assertThat(this.resets.findByHash("c".repeat(64))).isEmpty();
	}

	@Test
	void findsEnabledAccountsByEMailWhateverItsCaseAndKeepsTheirLanguage() {
		long id = insert("mail.case", "Case");
		long off = insert("mail.off", "Off");
		this.users.updateOwnProfile(id, "Case", "Li.Na@Example.COM", "+86 1", "zh-TW");
		this.users.updateProfile(off, "Off", "li.na@example.com", null, this.users.findById(off).orElseThrow().roleId(),
				false);
		assertThat(this.users.findEnabledByEmail("LI.NA@example.com")).extracting(StaffUser::id).containsExactly(id);
		assertThat(this.users.language(id)).isEqualTo("zh-TW");
		assertThat(this.users.language(off)).isNull();
	}

	private long insert(String username, String displayName) {
		long agentRole = this.roles.findByName("agent").orElseThrow().id();
		Instant created = Instant.ofEpochMilli(1_700_000_000_123L);
		return this.users.insert(new StaffUser(0, username, displayName, username + "@example.com", null, agentRole,
				true, "{noop}x", created, false, 0, null, created));
	}

}
