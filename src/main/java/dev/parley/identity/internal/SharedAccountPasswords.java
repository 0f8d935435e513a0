package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.identity.AccountPasswords;
import dev.parley.platform.ApiException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff's {@link PasswordPolicy}, {@link Passwords}' encoder and the
 * {@link SignInThrottle}, for accounts that are not staff.
 */
@Component
class SharedAccountPasswords implements AccountPasswords {

	private final Passwords passwords;

	private final PasswordEncoder encoder;

	private final IdentitySettings settings;

	private final SignInThrottle throttle;

	private final Clock clock;

	SharedAccountPasswords(Passwords passwords, PasswordEncoder encoder, IdentitySettings settings,
			SignInThrottle throttle, Clock clock) {
		this.passwords = passwords;
		this.encoder = encoder;
		this.settings = settings;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public String acceptNew(String accountName, String raw, List<String> recentHashes) {
		PasswordPolicy policy = this.settings.passwordPolicy();
		List<String> violations = new ArrayList<>(policy.violations(accountName, raw));
		if (recentHashes.stream().anyMatch((hash) -> hash != null && this.encoder.matches(raw, hash))) {
			violations.add(PasswordPolicy.REUSED);
		}
		if (!violations.isEmpty()) {
			throw ApiException.badRequest("password_policy", "The password breaks the policy: " + violations)
				.with("violations", violations)
				.with("minLength", policy.minLength())
				.with("requiredClasses", policy.requiredClasses());
		}
		return this.encoder.encode(raw);
	}

	@Override
	public boolean matches(String raw, String hash) {
		return this.passwords.matches(raw, hash);
	}

	@Override
	public void compareWithDummy(String raw) {
		this.passwords.compareWithDummy(raw);
	}

	@Override
	public Policy policy() {
		PasswordPolicy policy = this.settings.passwordPolicy();
		return new Policy(policy.minLength(), policy.requiredClasses());
	}

	@Override
	public Optional<Instant> signInWait(String subject, String address) {
		return this.throttle.blockedUntil(subject, address, this.clock.instant());
	}

	@Override
	public Optional<Instant> signInFailed(String subject, String address) {
		return Optional
			.ofNullable(this.throttle.failed(subject, address, null, this.clock.instant()).accountBlockedUntil());
	}

	@Override
	public void signInSucceeded(String subject) {
		this.throttle.succeeded(subject, null);
	}

}
