package dev.parley.identity.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.platform.ApiException;
import dev.parley.platform.InstallationState;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The install step (R3.2): names the organisation, picks language and time zone, and
 * creates the first administrator, exactly once. The single {@code installation} row with
 * id 1 is the guard: of two submissions at the same moment, on one node or two, the
 * second fails on its primary key and changes nothing.
 */
@Service
public class Installation implements InstallationState {

	private final JdbcClient jdbc;

	private final UserAdministration users;

	private final RoleRepository roles;

	private final Settings settings;

	private final AuditLog auditLog;

	private final Clock clock;

	/** Once installed, always installed: no need to ask the database again. */
	private final AtomicBoolean installed = new AtomicBoolean();

	Installation(JdbcClient jdbc, UserAdministration users, RoleRepository roles, Settings settings, AuditLog auditLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.roles = roles;
		this.settings = settings;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Override
	public boolean isInstalled() {
		if (this.installed.get()) {
			return true;
		}
		boolean done = this.jdbc.sql("SELECT COUNT(*) FROM installation").query(Integer.class).single() > 0;
		if (done) {
			this.installed.set(true);
		}
		return done;
	}

	/** What the install page submits. */
	public record SetupRequest(String organisationName, String language, String timeZone, String adminUsername,
			String adminDisplayName, String adminEmail, String adminPassword) {
	}

	/**
	 * @throws ApiException {@code not_found} if the installation is complete already, or
	 * the refusal of a setting or the password policy
	 */
	@Transactional
	public StaffUser install(SetupRequest request) {
		if (isInstalled()) {
			throw ApiException.notFound("Setup");
		}
		String username = request.adminUsername().strip().toLowerCase(java.util.Locale.ROOT);
		try {
			this.jdbc.sql("INSERT INTO installation (id, installed_at, installed_by) VALUES (1, ?, ?)")
				.params(this.clock.millis(), username)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.notFound("Setup");
		}
		this.settings.update(Map.of("organisation.name", request.organisationName().strip(), "organisation.language",
				request.language(), "organisation.timeZone", request.timeZone()), username);
		long administratorRole = this.roles.findByName(StaffRole.ADMINISTRATOR).orElseThrow().id();
		StaffUser admin = this.users.create(new UserAdministration.NewUser(username, request.adminDisplayName(),
				request.adminEmail(), null, administratorRole, request.adminPassword(), true), false, username);
		this.auditLog.record(username, "setup.completed", request.organisationName().strip(), AuditResult.SUCCESS,
				"language " + request.language() + ", time zone " + request.timeZone());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Installation.this.installed.set(true);
			}
		});
		return admin;
	}

}
