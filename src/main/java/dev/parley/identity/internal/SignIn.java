package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.identity.internal.SignInThrottle.Outcome;
import dev.parley.identity.internal.TrustedDevices.Device;
import dev.parley.platform.ApiException;
import dev.parley.platform.SourceSignal;
import dev.parley.platform.SourceSignals;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password sign-in (R8.2) behind the sign-in throttle: failures are counted per account
 * name, per client address and per device, and make further attempts wait, alike for
 * known and unknown names; the right password from a device that signed in to the account
 * before passes the account's and the address's wait. Every attempt is audited. A
 * password past its maximum age must be changed before anything else. An account with a
 * second factor is not signed in by its password alone: the password opens a short
 * {@link PendingSignIn} that {@link SecondFactorSignIn} completes.
 */
@Service
public class SignIn {

	private final StaffUserRepository users;

	private final Passwords passwords;

	private final SignInThrottle throttle;

	private final TrustedDevices devices;

	private final IdentitySettings settings;

	private final TwoFactorRepository twoFactor;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** The module that watches sources (security); absent in a test of a module alone. */
	private final ObjectProvider<SourceSignals> signals;

	SignIn(StaffUserRepository users, Passwords passwords, SignInThrottle throttle, TrustedDevices devices,
			IdentitySettings settings, TwoFactorRepository twoFactor, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<SourceSignals> signals) {
		this.signals = signals;
		this.users = users;
		this.twoFactor = twoFactor;
		this.passwords = passwords;
		this.throttle = throttle;
		this.devices = devices;
		this.settings = settings;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A sign-in as it arrives.
	 *
	 * @param address the client's address, or null if unknown
	 * @param deviceCookie the device cookie the browser sent, or null
	 */
	public record Attempt(String username, String password, String address, String deviceCookie) {
	}

	/** What a right password leads to. */
	public sealed interface Result permits SignedIn, SecondFactorRequired {

	}

	/**
	 * @param deviceCookie a fresh device cookie for the browser that signed in
	 */
	public record SignedIn(StaffUser user, String deviceCookie) implements Result {
	}

	/**
	 * The password was right, and the account signs in with a second factor: nothing is
	 * signed in yet. The account's run of failures goes on, so that codes guessed after
	 * the right password are counted like wrong passwords.
	 */
	public record SecondFactorRequired(PendingSignIn pending) implements Result {
	}

	/**
	 * @return the account, signed in, or the second factor it needs
	 * @throws ApiException {@code sign_in_throttled} (the same for every name),
	 * {@code bad_credentials} or {@code account_disabled}; failures are counted and
	 * audited all the same
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public Result signIn(Attempt attempt) {
		String name = attempt.username().strip().toLowerCase(Locale.ROOT);
		Instant now = this.clock.instant();
		Optional<StaffUser> found = this.users.findByUsername(name);
		Optional<Device> device = this.devices.verify(attempt.deviceCookie(), now)
			.filter((known) -> found.isPresent() && known.userId() == found.get().id())
			.filter((known) -> this.throttle.deviceTrusted(known.deviceId(), now));
		if (device.isEmpty()) {
			Optional<Instant> blocked = this.throttle.blockedUntil(name, attempt.address(), now);
			if (blocked.isPresent()) {
				this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE,
						"sign-ins wait until " + blocked.get());
				this.signals.ifAvailable((watch) -> watch.observed(SourceSignal.FAILED_SIGN_IN, attempt.address()));
				throw throttled(blocked.get(), now);
			}
		}
		String deviceId = device.map(Device::deviceId).orElse(null);
		if (found.isEmpty()) {
			this.passwords.compareWithDummy(attempt.password());
			failed(name, attempt.address(), null, now, "unknown username", false);
			throw badCredentials();
		}
		StaffUser user = found.get();
		if (!this.passwords.matches(attempt.password(), user.passwordHash())) {
			failed(name, attempt.address(), deviceId, now, "wrong password", true);
			throw badCredentials();
		}
		if (!user.enabled()) {
			this.auditLog.record(name, "login.failed", name, AuditResult.FAILURE, "account disabled");
			throw new ApiException(HttpStatus.UNAUTHORIZED, "account_disabled", "This account is disabled");
		}
		if (this.twoFactor.hasSecondFactor(user.id())) {
			return new SecondFactorRequired(
					new PendingSignIn(user.id(), name, deviceId, now.plus(PendingSignIn.LIFETIME).toEpochMilli()));
		}
		return complete(user, deviceId, now, null);
	}

	/**
	 * Signs the account in, its credentials all checked: the throttle's run of failures
	 * ends, the sign-in is audited, and the browser gets a fresh device cookie.
	 * @param secondFactor how the second factor was given, or null
	 */
	SignedIn complete(StaffUser user, String deviceId, Instant now, String secondFactor) {
		String name = user.username();
		this.throttle.succeeded(name, deviceId);
		this.users.recordLogin(user.id(), now);
		int maxAgeDays = this.settings.passwordPolicy().maxAgeDays();
		boolean expired = maxAgeDays > 0 && user.passwordChangedAt().plus(Duration.ofDays(maxAgeDays)).isBefore(now);
		if (expired && !user.passwordChangeRequired()) {
			this.users.requirePasswordChange(user.id());
		}
		List<String> notes = new ArrayList<>();
		if (expired) {
			notes.add("password expired");
		}
		if (deviceId != null) {
			notes.add("known device");
		}
		if (secondFactor != null) {
			notes.add(secondFactor);
		}
		this.auditLog.record(name, "login", name, AuditResult.SUCCESS,
				notes.isEmpty() ? null : String.join("; ", notes));
		return new SignedIn(this.users.findById(user.id()).orElseThrow(), this.devices.issue(user.id(), now));
	}

	private void failed(String name, String address, String deviceId, Instant now, String why, boolean exists) {
		failed("login.failed", name, address, deviceId, now, why, exists);
	}

	/**
	 * Counts a failure against the account name, the address and the device, audits it as
	 * {@code action}, and audits the start of a wait it causes.
	 */
	void failed(String action, String name, String address, String deviceId, Instant now, String why, boolean exists) {
		Outcome outcome = this.throttle.failed(name, address, deviceId, now);
		this.auditLog.record(name, action, name, AuditResult.FAILURE, why);
		this.signals.ifAvailable((watch) -> watch.observed(SourceSignal.FAILED_SIGN_IN, address));
		if (exists && outcome.accountBlockedUntil() != null) {
			this.auditLog.record(name, "account.locked", name, AuditResult.SUCCESS,
					"failed sign-ins in a row; sign-ins from unknown devices wait until "
							+ outcome.accountBlockedUntil());
		}
		if (outcome.addressBlockedUntil() != null) {
			this.auditLog.record(null, "address.throttled", address, AuditResult.SUCCESS,
					"failed sign-ins in a row from this address; its sign-ins wait until "
							+ outcome.addressBlockedUntil());
		}
	}

	/**
	 * Checks the signed-in user's password before a change that could hand over the
	 * account (a new e-mail address, where password resets go), throttled like a password
	 * change so a session left open cannot be used to guess it.
	 * @throws ApiException {@code wrong_current_password}, or {@code too_many_attempts}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void confirmPassword(long userId, String password, String action) {
		StaffUser user = this.users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
		Instant now = this.clock.instant();
		Optional<Instant> blocked = this.throttle.passwordChangeBlockedUntil(userId, now);
		if (blocked.isPresent()) {
			this.auditLog.record(user.username(), action, user.username(), AuditResult.FAILURE,
					"attempts wait until " + blocked.get());
			throw throttled(blocked.get(), now);
		}
		if (password == null || !this.passwords.matches(password, user.passwordHash())) {
			this.throttle.passwordChangeFailed(userId, now);
			this.auditLog.record(user.username(), action, user.username(), AuditResult.FAILURE,
					"wrong current password");
			throw ApiException.badRequest("wrong_current_password", "The current password is wrong");
		}
	}

	/**
	 * Changes the signed-in user's own password after checking the current one. Every
	 * other session of the user ends; the caller keeps its own by storing the account's
	 * new session version in it. Wrong current passwords are throttled like sign-ins, so
	 * a session left open cannot be used to guess the password.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void changePassword(long userId, String currentPassword, String newPassword) {
		StaffUser user = this.users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
		Instant now = this.clock.instant();
		Optional<Instant> blocked = this.throttle.passwordChangeBlockedUntil(userId, now);
		if (blocked.isPresent()) {
			this.auditLog.record(user.username(), "password.changed", user.username(), AuditResult.FAILURE,
					"attempts wait until " + blocked.get());
			throw throttled(blocked.get(), now);
		}
		if (!this.passwords.matches(currentPassword, user.passwordHash())) {
			this.throttle.passwordChangeFailed(userId, now);
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
		this.passwords.store(user.id(), hash, now, false);
		this.throttle.passwordChangeSucceeded(userId);
		this.auditLog.record(user.username(), "password.changed", user.username(), AuditResult.SUCCESS, null);
		this.events.publishEvent(StaffAccessChanged.of(Set.of(user.id()), StaffAccessChanged.Reason.PASSWORD_CHANGED));
	}

	/**
	 * @param sessionId the HTTP session that ends
	 */
	@Transactional
	public void signedOut(long userId, String username, String sessionId) {
		this.auditLog.record(username, "logout", username, AuditResult.SUCCESS, null);
		this.events
			.publishEvent(new StaffAccessChanged(Set.of(userId), StaffAccessChanged.Reason.SIGNED_OUT, sessionId));
	}

	private static ApiException badCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "bad_credentials", "Wrong username or password");
	}

	static ApiException throttled(Instant until, Instant now) {
		long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "sign_in_throttled",
				"Too many failed sign-ins; try again later")
			.with("retryAt", until.toString())
			.with("retryAfterSeconds", seconds);
	}

}
