package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When sign-ins must wait (docs/decisions/0003-sign-in-throttling.md). Failures are
 * counted per account name (known or not, so both are answered alike), per client address
 * (so one address cannot try many accounts) and per trusted device. After a subject's
 * allowance of failures in a row, each further failure makes it wait twice as long as the
 * last, from {@link #FIRST_DELAY} up to {@code login.lockMinutes}; nothing is locked for
 * good, and the right password from a device that signed in before is not held up by
 * strangers' failures.
 */
@Component
public class SignInThrottle {

	/** The wait after the failure that uses up a subject's allowance. */
	static final Duration FIRST_DELAY = Duration.ofSeconds(30);

	/**
	 * A run of failures of an account or a device is forgotten after this long without
	 * one (or at the next successful sign-in).
	 */
	static final Duration ACCOUNT_MEMORY = Duration.ofHours(24);

	/**
	 * A run of failures from an address is forgotten sooner: many people may share one
	 * address (an office behind one gateway) and mistype now and then.
	 */
	static final Duration ADDRESS_MEMORY = Duration.ofHours(1);

	private final SignInThrottleRepository subjects;

	private final IdentitySettings settings;

	private final Clock clock;

	SignInThrottle(SignInThrottleRepository subjects, IdentitySettings settings, Clock clock) {
		this.subjects = subjects;
		this.settings = settings;
		this.clock = clock;
	}

	/** The kinds of subject failures are counted for. */
	enum Kind {

		ACCOUNT("account:"), ADDRESS("address:"), DEVICE("device:"),

		/** Wrong current passwords given to a password change, per account id. */
		PASSWORD_CHANGE("password-change:");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		String subject(String key) {
			return this.prefix + key;
		}

	}

	/**
	 * @return until when sign-ins to this account name or from this address must wait, or
	 * empty if they need not
	 */
	public Optional<Instant> blockedUntil(String username, String address, Instant now) {
		Instant account = until(Kind.ACCOUNT.subject(username), now);
		Instant from = (address != null) ? until(Kind.ADDRESS.subject(address), now) : null;
		if (account == null) {
			return Optional.ofNullable(from);
		}
		return Optional.of((from == null || account.isAfter(from)) ? account : from);
	}

	/**
	 * @return until when the account's sign-ins from unknown devices wait, if they do
	 */
	public Optional<Instant> accountBlockedUntil(String username) {
		return Optional.ofNullable(until(Kind.ACCOUNT.subject(username), this.clock.instant()));
	}

	/**
	 * @return whether the device may still pass a throttled account: it has not failed
	 * too often itself
	 */
	boolean deviceTrusted(String deviceId, Instant now) {
		return until(Kind.DEVICE.subject(deviceId), now) == null;
	}

	/** What a counted failure led to. */
	record Outcome(Instant accountBlockedUntil, Instant addressBlockedUntil) {
	}

	/**
	 * Counts a failed sign-in for the account name, the address and the device (each when
	 * known).
	 */
	Outcome failed(String username, String address, String deviceId, Instant now) {
		Instant account = count(Kind.ACCOUNT, username, this.settings.maxFailures(), now);
		Instant from = (address != null) ? count(Kind.ADDRESS, address, this.settings.maxFailuresPerAddress(), now)
				: null;
		if (deviceId != null) {
			count(Kind.DEVICE, deviceId, this.settings.maxFailures(), now);
		}
		return new Outcome(account, from);
	}

	/**
	 * A successful sign-in ends the account's (and the device's) run of failures; the
	 * address's runs on, so that signing in to one's own account does not buy more
	 * guesses at others.
	 */
	void succeeded(String username, String deviceId) {
		this.subjects.clear(Kind.ACCOUNT.subject(username));
		if (deviceId != null) {
			this.subjects.clear(Kind.DEVICE.subject(deviceId));
		}
	}

	/**
	 * @return until when the account's password changes must wait, if they do
	 */
	Optional<Instant> passwordChangeBlockedUntil(long userId, Instant now) {
		return Optional.ofNullable(until(Kind.PASSWORD_CHANGE.subject(String.valueOf(userId)), now));
	}

	void passwordChangeFailed(long userId, Instant now) {
		count(Kind.PASSWORD_CHANGE, String.valueOf(userId), this.settings.maxFailures(), now);
	}

	void passwordChangeSucceeded(long userId) {
		this.subjects.clear(Kind.PASSWORD_CHANGE.subject(String.valueOf(userId)));
	}

	/** An administrator lifts the account's wait at once. */
	public void release(String username) {
		this.subjects.clear(Kind.ACCOUNT.subject(username));
	}

	/**
	 * Forgets what no longer matters, so the table does not grow with every name tried.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOldFailures() {
		Instant now = this.clock.instant();
		this.subjects.purge(now.minus(memory(Kind.ACCOUNT)), now);
	}

	/**
	 * @return until when the subject is blocked after this failure, or null
	 */
	private Instant count(Kind kind, String key, int allowance, Instant now) {
		String subject = kind.subject(key);
		SignInThrottleRepository.Entry entry = this.subjects.countFailure(subject, now, now.minus(memory(kind)));
		if (entry.failures() < allowance) {
			return null;
		}
		Instant until = now.plus(delay(entry.failures() - allowance, this.settings.lockDuration()));
		this.subjects.block(subject, until);
		return until;
	}

	/**
	 * @param beyond failures past the allowance, before this one
	 * @return {@link #FIRST_DELAY} doubled for each, at most the longest wait
	 */
	static Duration delay(int beyond, Duration longest) {
		if (beyond >= 30) {
			return longest;
		}
		Duration delay = FIRST_DELAY.multipliedBy(1L << beyond);
		return (delay.compareTo(longest) > 0) ? longest : delay;
	}

	/**
	 * How long a run of failures is remembered: always longer than the longest wait, so
	 * that waiting it out does not start a fresh allowance.
	 */
	private Duration memory(Kind kind) {
		Duration base = (kind == Kind.ADDRESS) ? ADDRESS_MEMORY : ACCOUNT_MEMORY;
		Duration twiceTheLongestWait = this.settings.lockDuration().multipliedBy(2);
		return (base.compareTo(twiceTheLongestWait) > 0) ? base : twiceTheLongestWait;
	}

	private Instant until(String subject, Instant now) {
		return this.subjects.find(subject)
			.filter((entry) -> entry.blockedAt(now))
			.map(SignInThrottleRepository.Entry::blockedUntil)
			.orElse(null);
	}

}
