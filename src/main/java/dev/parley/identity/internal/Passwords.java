package dev.parley.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.ApiException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashes passwords and enforces the policy and the history on every new one. */
@Component
public class Passwords {

	private final PasswordEncoder encoder;

	private final IdentitySettings settings;

	private final StaffUserRepository users;

	private final String dummyHash;

	Passwords(PasswordEncoder encoder, IdentitySettings settings, StaffUserRepository users) {
		this.encoder = encoder;
		this.dummyHash = encoder.encode("no such user: compared only to spend the time");
		this.settings = settings;
		this.users = users;
	}

	public boolean matches(String raw, String hash) {
		return this.encoder.matches(raw, hash);
	}

	/**
	 * Checks a new password against the policy and, for an existing account, its history.
	 * @param userId the account, or null for one not yet created
	 * @return the hash to store
	 * @throws ApiException {@code password_policy} listing the rules broken
	 */
	public String acceptNew(Long userId, String username, String raw) {
		PasswordPolicy policy = this.settings.passwordPolicy();
		List<String> violations = new ArrayList<>(policy.violations(username, raw));
		if (userId != null) {
			List<String> recent = this.users.recentPasswordHashes(userId, policy.historySize());
			if (recent.stream().anyMatch((hash) -> this.encoder.matches(raw, hash))) {
				violations.add(PasswordPolicy.REUSED);
			}
		}
		if (!violations.isEmpty()) {
			throw ApiException.badRequest("password_policy", "The password breaks the policy: " + violations)
				.with("violations", violations)
				.with("minLength", policy.minLength())
				.with("requiredClasses", policy.requiredClasses());
		}
		return this.encoder.encode(raw);
	}

	/** Stores a new password hash for an account and keeps it in the history. */
	public void store(long userId, String hash, Instant now, boolean changeRequired) {
		this.users.updatePassword(userId, hash, now, changeRequired);
		this.users.addToHistory(userId, hash, now);
	}

	/**
	 * Spends the time of a real comparison, so an unknown username is not told apart by
	 * speed.
	 */
	public void compareWithDummy(String raw) {
		this.encoder.matches(raw, this.dummyHash);
	}

}
