package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password sign-in with lockout (R8.2): after the configured number of failures in a row
 * the account is locked for the configured time. Every attempt is audited. A password
 * past its maximum age must be changed before anything else.
 */
@Service
public class SignIn {

	private final StaffUserRepository users;

	private final Passwords passwords;

	private final IdentitySettings settings;

	private final AuditLog auditLog;

	private final Clock clock;

	SignIn(StaffUserRepository users, Passwords passwords, IdentitySettings settings, AuditLog auditLog, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.settings = settings;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * @return the account, signed in
	 * @throws ApiException {@code bad_credentials}, {@code account_locked} or
	 * {@code account_disabled}; the failure count and the audit entry are kept all the
	 * same
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public StaffUser signIn(String username, String password) {
		String name = username.strip().toLowerCase(Locale.ROOT);
		Instant now = this.clock.instant();
		Optional<StaffUser> found = this.users.findByUsername(name);
		if (found.isEmpty()) {
			this.passwords.compareWithDummy(password);
			this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "unknown username");
			throw badCredentials();
		}
		StaffUser user = found.get();
		if (user.lockedAt(now)) {
			this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "account locked");
			throw locked(user.lockedUntil());
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			int failures = this.users.countFailure(user.id());
			if (failures >= this.settings.maxFailures()) {
				Instant until = now.plus(this.settings.lockDuration());
				this.users.lock(user.id(), until);
				this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "wrong password");
				this.auditLog.record(name, "account.locked", name, AuditResult.SUCCESS,
						failures + " failed sign-ins in a row; locked until " + until);
				throw locked(until);
			}
			this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "wrong password");
			throw badCredentials();
		}
		if (!user.enabled()) {
			this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "account disabled");
			throw new ApiException(HttpStatus.UNAUTHORIZED, "account_disabled", "This account is disabled");
		}
		this.users.recordLogin(user.id(), now);
		int maxAgeDays = this.settings.passwordPolicy().maxAgeDays();
		boolean expired = maxAgeDays > 0 && user.passwordChangedAt().plus(Duration.ofDays(maxAgeDays)).isBefore(now);
		if (expired && !user.passwordChangeRequired()) {
			this.users.requirePasswordChange(user.id());
		}
		this.auditLog.record(name, "login", name, AuditResult.SUCCESS, expired ? "password expired" : null);
		return this.users.findById(user.id()).orElseThrow();
	}

	/**
	 * Changes the signed-in user's own password after checking the current one.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void changePassword(long userId, String currentPassword, String newPassword) {
		StaffUser user = this.users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
		if (!this.passwords.matches(currentPassword, user.passwordHash())) {
			this.auditLog.record(user.username(), "password.changed", user.username(), AuditResult.FAILURE,
					"wrong current password");
			throw ApiException.badRequest("wrong_current_password", "The current password is wrong");
		}
		String hash;
		try {
			hash = this.passwords.acceptNew(user.id(), user.username(), newPassword);
		}
		catch (ApiException ex) {
			this.auditLog.record(user.username(), "password.changed", user.username(), AuditResult.FAILURE,
					ex.getMessage());
			throw ex;
		}
		this.passwords.store(user.id(), hash, this.clock.instant(), false);
		this.auditLog.record(user.username(), "password.changed", user.username(), AuditResult.SUCCESS, null);
	}

	@Transactional
	public void signedOut(String username) {
		this.auditLog.record(username, "logout", username, AuditResult.SUCCESS, null);
	}

	private static ApiException badCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "bad_credentials", "Wrong username or password");
	}

	private static ApiException locked(Instant until) {
		return new ApiException(HttpStatus.UNAUTHORIZED, "account_locked",
				"Too many failed sign-ins; the account is locked for a while")
			.with("lockedUntil", until.toString());
	}

}
