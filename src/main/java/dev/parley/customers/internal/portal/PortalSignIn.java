package dev.parley.customers.internal.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.customers.internal.ContactKind;
import dev.parley.customers.internal.ContactRepository;
import dev.parley.customers.internal.portal.PortalTokens.Purpose;
import dev.parley.identity.AccountPasswords;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in to the portal and resetting a forgotten password, under staff's password
 * policy and sign-in throttle ({@link AccountPasswords}): failures are counted per
 * account (by the blind index of its address, never the address) and per client address,
 * alike for known and unknown addresses. Asking for a reset is answered alike whatever
 * the address.
 */
@Service
public class PortalSignIn {

	/** Reset links one account gets in an hour; further requests send nothing. */
	static final int RESETS_PER_HOUR = 3;

	private final PortalAccountRepository accounts;

	private final PortalTokens tokens;

	private final PortalMails mails;

	private final AccountPasswords passwords;

	private final ContactRepository contacts;

	private final Clock clock;

	PortalSignIn(PortalAccountRepository accounts, PortalTokens tokens, PortalMails mails, AccountPasswords passwords,
			ContactRepository contacts, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.passwords = passwords;
		this.contacts = contacts;
		this.clock = clock;
	}

	/**
	 * @param address the client's address, or null
	 * @return the account, signed in
	 * @throws ApiException {@code sign_in_throttled}, {@code bad_credentials} (unknown
	 * address or wrong password alike), {@code account_unverified} (right password, the
	 * address not verified yet)
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public PortalAccount signIn(String email, String password, String address) {
		String index = this.contacts.index(ContactKind.EMAIL, email);
		String subject = subject(index);
		Optional<Instant> wait = this.passwords.signInWait(subject, address);
		if (wait.isPresent()) {
			throw throttled(wait.get(), this.clock.instant());
		}
		Optional<PortalAccount> found = this.accounts.findByEmailIndex(index);
		if (found.isEmpty()) {
			this.passwords.compareWithDummy(password);
			this.passwords.signInFailed(subject, address);
			throw badCredentials();
		}
		PortalAccount account = found.get();
		if (!this.passwords.matches(password, account.passwordHash())) {
			this.passwords.signInFailed(subject, address);
			throw badCredentials();
		}
		if (!account.verified()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "account_unverified",
					"Verify the e-mail address first: follow the link we sent");
		}
		this.passwords.signInSucceeded(subject);
		this.accounts.signedIn(account.id(), this.clock.instant());
		return account;
	}

	/**
	 * Checks the signed-in customer's password before a change that could hand over the
	 * account; wrong ones count like failed sign-ins.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void confirmPassword(PortalAccount account, String password) {
		String subject = subject(account.emailIndex());
		Optional<Instant> wait = this.passwords.signInWait(subject, null);
		if (wait.isPresent()) {
			throw throttled(wait.get(), this.clock.instant());
		}
		if (password == null || !this.passwords.matches(password, account.passwordHash())) {
			this.passwords.signInFailed(subject, null);
			throw ApiException.badRequest("wrong_current_password", "The current password is wrong");
		}
	}

	/**
	 * Checks the password a verification link is followed with, under the sign-in
	 * throttle of the account's address (and the client's): the link alone proves only
	 * that someone reads the mailbox, the password that he is the one who registered (or,
	 * for a new address, the account's holder). A success ends the run of failures.
	 * @param expectedHash the registration's password hash (the link's), or the account's
	 * @param address the client's address, or null
	 * @throws ApiException {@code sign_in_throttled}, {@code verification_password_wrong}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void confirmLinkPassword(PortalAccount account, String expectedHash, String password, String address) {
		String subject = subject(account.emailIndex());
		Optional<Instant> wait = this.passwords.signInWait(subject, address);
		if (wait.isPresent()) {
			throw throttled(wait.get(), this.clock.instant());
		}
		if (password == null || !this.passwords.matches(password, expectedHash)) {
			this.passwords.signInFailed(subject, address);
			throw ApiException.badRequest("verification_password_wrong",
					"The password is not the one of the account this link is for");
		}
		this.passwords.signInSucceeded(subject);
	}

	/** Changes the password after checking the current one; other sessions end. */
	@Transactional(noRollbackFor = ApiException.class)
	public void changePassword(long accountId, String current, String chosen) {
		PortalAccount account = this.accounts.findById(accountId).orElseThrow(() -> ApiException.notFound("Account"));
		confirmPassword(account, current);
		String hash = this.passwords.acceptNew(localPart(account.email()), chosen, List.of(account.passwordHash()));
		this.accounts.password(accountId, hash, this.clock.instant());
	}

	/**
	 * Sends a reset link if a verified account has this address (at most
	 * {@link #RESETS_PER_HOUR} an hour); says nothing either way.
	 */
	@Transactional
	public void requestReset(String email) {
		Instant now = this.clock.instant();
		Optional<PortalAccount> found = this.accounts.findByEmailIndex(this.contacts.index(ContactKind.EMAIL, email))
			.filter(PortalAccount::verified);
		if (found.isEmpty()) {
			// about the same work as for a known address
			PortalTokens.hash(PortalTokens.newToken());
			return;
		}
		PortalAccount account = found.get();
		if (this.tokens.issuedSince(account.id(), Purpose.RESET, now.minus(Duration.ofHours(1))) >= RESETS_PER_HOUR) {
			return;
		}
		String token = this.tokens.issue(account.id(), Purpose.RESET, null, now);
		this.mails.reset(account.id(), account.email(), account.name(), account.language(), token,
				Purpose.RESET.lifetime());
	}

	/**
	 * Sets a new password with a reset link's token; every session of the account ends
	 * and its sign-in wait is lifted.
	 * @throws ApiException {@code reset_token_invalid}; {@code password_policy} (the
	 * token still works then)
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void confirmReset(String token, String password) {
		Instant now = this.clock.instant();
		PortalAccount account = this.tokens.find(token, Purpose.RESET, now)
			.flatMap((found) -> this.accounts.findById(found.accountId()))
			.orElseThrow(PortalSignIn::invalidToken);
		// the policy first, so a refused password leaves the link working
		String hash = this.passwords.acceptNew(localPart(account.email()), password, List.of(account.passwordHash()));
		if (this.tokens.use(token, Purpose.RESET, now).isEmpty()) {
			throw invalidToken();
		}
		this.accounts.password(account.id(), hash, now);
		this.passwords.signInSucceeded(subject(account.emailIndex()));
	}

	static String subject(String emailIndex) {
		return "portal:" + emailIndex;
	}

	static String localPart(String email) {
		int at = email.indexOf('@');
		return (at > 0) ? email.substring(0, at) : email;
	}

	static ApiException invalidToken() {
		return ApiException.badRequest("reset_token_invalid",
				"The link is unknown, expired or used already; ask for a new one");
	}

	private static ApiException badCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "bad_credentials", "Wrong e-mail address or password");
	}

	static ApiException throttled(Instant until, Instant now) {
		long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "sign_in_throttled",
				"Too many failed sign-ins; try again later")
			.with("retryAt", until.toString())
			.with("retryAfterSeconds", seconds);
	}

}
