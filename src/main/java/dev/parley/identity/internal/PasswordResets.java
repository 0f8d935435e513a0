package dev.parley.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.identity.StaffPasswordResetRequested;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member who forgot the password asks for a link by e-mail and chooses a new
 * password with it. Asking is answered alike whatever the address (known, unknown,
 * disabled, throttled) and does about the same work; only an enabled account with that
 * address within the throttle's allowance gets a token, announced by
 * {@link StaffPasswordResetRequested} for the notifications module to send. A token is
 * 256 random bits of which only the SHA-256 hash is stored; it works once, until it
 * expires or a newer one is asked for. Using it ends every session of the account and
 * lifts the sign-in throttle's wait on it. Both steps are audited.
 */
@Service
public class PasswordResets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffUserRepository users;

	private final PasswordResetRepository resets;

	private final PasswordResetThrottle resetThrottle;

	private final Passwords passwords;

	private final SignInThrottle signInThrottle;

	private final IdentitySettings settings;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordResets(StaffUserRepository users, PasswordResetRepository resets, PasswordResetThrottle resetThrottle,
			Passwords passwords, SignInThrottle signInThrottle, IdentitySettings settings, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.resets = resets;
		this.resetThrottle = resetThrottle;
		this.passwords = passwords;
		this.signInThrottle = signInThrottle;
		this.settings = settings;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for a reset link for every enabled account with this e-mail address. Never
	 * says whether there is one.
	 * @param client the client's address, or null if unknown
	 */
	@Transactional
	public void request(String email, String client) {
		String address = email.strip();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.resetLifetime());
		boolean allowed = this.resetThrottle.allow(address, client, now);
		List<StaffUser> accounts = this.users.findEnabledByEmail(address);
		if (!allowed) {
			this.auditLog.record(null, "password.reset_requested", address, AuditResult.FAILURE,
					"too many requests; nothing sent");
			return;
		}
		if (accounts.isEmpty()) {
			// the same work as for a known address: a token made and a statement run
			hash(newToken());
			this.resets.endPending(-1, now);
			this.auditLog.record(null, "password.reset_requested", address, AuditResult.FAILURE,
					"no enabled account with this address; nothing sent");
			return;
		}
		for (StaffUser user : accounts) {
			String token = newToken();
			this.resets.endPending(user.id(), now);
			this.resets.insert(hash(token), user.id(), now, expiresAt, client);
			this.auditLog.record(user.username(), "password.reset_requested", user.username(), AuditResult.SUCCESS,
					"link sent by e-mail");
			this.events.publishEvent(new StaffPasswordResetRequested(user.id(), user.email(), user.displayName(),
					this.users.language(user.id()), token, expiresAt));
		}
	}

	/**
	 * Sets a new password with a token from a reset e-mail.
	 * @throws ApiException {@code reset_token_invalid} for a token unknown, expired, used
	 * or of an account now disabled; {@code password_policy} for a password the policy or
	 * the history refuses (the token still works then)
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void confirm(String token, String password) {
		Instant now = this.clock.instant();
		Optional<PasswordResetRepository.Reset> reset = this.resets.findByHash(hash(token))
			.filter((found) -> found.usableAt(now));
		Optional<StaffUser> user = reset.flatMap((found) -> this.users.findById(found.userId()))
			.filter(StaffUser::enabled);
		if (user.isEmpty()) {
			this.auditLog.record(null, "password.reset", null, AuditResult.FAILURE, "invalid or expired link");
			throw invalid();
		}
		StaffUser account = user.get();
		String newHash;
		try {
			newHash = this.passwords.acceptNew(account.id(), account.username(), password);
		}
		catch (ApiException ex) {
			this.auditLog.record(account.username(), "password.reset", account.username(), AuditResult.FAILURE,
					ex.getMessage());
			throw ex;
		}
		if (!this.resets.use(reset.get().id(), now)) {
			// another confirmation with the same token came first
			this.auditLog.record(account.username(), "password.reset", account.username(), AuditResult.FAILURE,
					"link used already");
			throw invalid();
		}
		this.passwords.store(account.id(), newHash, now, false);
		this.resets.endPending(account.id(), now);
		this.signInThrottle.release(account.username());
		this.auditLog.record(account.username(), "password.reset", account.username(), AuditResult.SUCCESS,
				"by e-mail link; every session ended");
		this.events.publishEvent(StaffAccessChanged.of(Set.of(account.id()), StaffAccessChanged.Reason.PASSWORD_RESET));
	}

	/** Forgets resets a day after they expired. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@Transactional
	public void forgetOldResets() {
		this.resets.purge(this.clock.instant().minus(java.time.Duration.ofDays(1)));
	}

	private static ApiException invalid() {
		return ApiException.badRequest("reset_token_invalid",
				"The link is unknown, expired or used already; ask for a new one");
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return StaffAccounts.hash(token);
	}

}
