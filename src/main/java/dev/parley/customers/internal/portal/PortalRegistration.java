package dev.parley.customers.internal.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.customers.CustomerChanged;
import dev.parley.customers.internal.Contact;
import dev.parley.customers.internal.ContactKind;
import dev.parley.customers.internal.ContactRepository;
import dev.parley.customers.internal.Customer;
import dev.parley.customers.internal.CustomerRepository;
import dev.parley.customers.internal.portal.PortalTokens.Purpose;
import dev.parley.identity.AccountPasswords;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering a portal account and proving the address by its link; the same for a new
 * address asked for in the profile. Registering an address another account verified is
 * answered alike and only e-mails its owner. An address only registered, never verified,
 * may be registered again: each registration gets a link of its own, carrying its
 * password, name and language, and no link ends another. A link is followed with the
 * password of its own registration (of the account, for a new address): the link proves
 * the mailbox and the password the registrant, so nobody gets an account, nor the
 * customer record behind a verified address, by registering someone else's address and
 * waiting for him to click. When the address is verified the other links end and the
 * account gets its customer: the one who verified that address before (a website vouched
 * for it) unless he has an account already, or else a new one. A changed address takes
 * the verified mark off the old one on the customer. Customers who only typed the address
 * become suggestions to agents, never links (see CustomerLinking).
 */
@Service
public class PortalRegistration {

	/**
	 * Verification links one account gets in an hour; a registration beyond it is
	 * answered alike and sends nothing.
	 */
	static final int LINKS_PER_HOUR = 3;

	private final PortalAccountRepository accounts;

	private final PortalTokens tokens;

	private final PortalMails mails;

	private final AccountPasswords passwords;

	private final PortalSignIn signIn;

	private final ContactRepository contacts;

	private final CustomerRepository customers;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PortalRegistration(PortalAccountRepository accounts, PortalTokens tokens, PortalMails mails,
			AccountPasswords passwords, PortalSignIn signIn, ContactRepository contacts, CustomerRepository customers,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.passwords = passwords;
		this.signIn = signIn;
		this.contacts = contacts;
		this.customers = customers;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers the account (unverified) and sends the verification link; for an address
	 * that has a verified account, changes nothing and e-mails its owner instead (the
	 * answer is the same, so registering tells nobody who has an account).
	 * @throws ApiException {@code password_policy}
	 */
	@Transactional
	public void register(String email, String password, String name, String language) {
		String address = email.strip();
		String index = this.contacts.index(ContactKind.EMAIL, address);
		Optional<PortalAccount> existing = this.accounts.findByEmailIndex(index);
		String hash = this.passwords.acceptNew(PortalSignIn.localPart(address), password, List.of());
		Instant now = this.clock.instant();
		if (existing.isPresent() && existing.get().verified()) {
			// answered as any registration, so nobody learns who has an account; the
			// owner
			// is told, and where to reset his password
			PortalAccount owner = existing.get();
			this.mails.exists(owner.id(), owner.email(), owner.name(), owner.language(), now);
			return;
		}
		if (existing.isPresent() && this.tokens.issuedSince(existing.get().id(), Purpose.VERIFY,
				now.minus(Duration.ofHours(1))) >= LINKS_PER_HOUR) {
			// nobody fills a stranger's mailbox by registering his address over and over
			return;
		}
		long id = existing.map(PortalAccount::id)
			.orElseGet(() -> this.accounts.insert(address, index, hash, name, language, now));
		// the password, name and language go with this link and the earlier links stay:
		// each works only with its own registration's password, so no registrant takes
		// over or cancels another's
		String token = this.tokens.issueRegistration(id, hash, name, language, now);
		this.mails.verify(id, address, name, language, token, Purpose.VERIFY.lifetime());
	}

	/**
	 * Follows a verification link (of a registration, or of a new address) with the
	 * password of the account it is for: the registration's own for a registration's
	 * link, the account's for a new address's. The link proves the mailbox, the password
	 * the registrant, so someone who registered another's address cannot have it verified
	 * by its owner clicking a mail he did not ask for. Wrong passwords count like failed
	 * sign-ins of the account; a refusal changes nothing else.
	 * @param address the client's address, or null
	 * @throws ApiException {@code verification_token_invalid};
	 * {@code verification_password_wrong}; {@code sign_in_throttled}; {@code email_taken}
	 * when someone else verified the new address in the meantime
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void verify(String token, String password, String address) {
		Instant now = this.clock.instant();
		Optional<PortalTokens.Use> registration = this.tokens.find(token, Purpose.VERIFY, now);
		if (registration.isPresent()) {
			verifyRegistration(token, registration.get(), password, address, now);
			return;
		}
		PortalTokens.Use change = this.tokens.find(token, Purpose.EMAIL_CHANGE, now)
			.orElseThrow(PortalRegistration::invalid);
		PortalAccount account = this.accounts.findById(change.accountId()).orElseThrow(PortalRegistration::invalid);
		this.signIn.confirmLinkPassword(account, account.passwordHash(), password, address);
		String email = this.accounts.pendingEmail(account.id())
			.filter((pending) -> this.contacts.index(ContactKind.EMAIL, pending).equals(change.emailIndex()))
			.orElseThrow(PortalRegistration::invalid);
		Optional<PortalAccount> holder = this.accounts.findByEmailIndex(change.emailIndex())
			.filter((other) -> other.id() != account.id());
		if (holder.filter(PortalAccount::verified).isPresent()) {
			throw taken();
		}
		long customerId = Optional.ofNullable(account.customerId())
			.flatMap(this.customers::findLinkable)
			.map(Customer::id)
			.orElseThrow(PortalRegistration::invalid);
		Optional<Long> owner = this.contacts.verifiedOwner(ContactKind.EMAIL, email)
			.flatMap(this.customers::findLinkable)
			.map(Customer::id);
		if (owner.isPresent() && owner.get() != customerId) {
			throw taken();
		}
		if (this.tokens.use(token, Purpose.EMAIL_CHANGE, now).isEmpty()) {
			throw invalid();
		}
		// every refusal is above: the transaction keeps what follows (and counted
		// failures)
		holder.ifPresent((unverified) -> {
			// a registration nobody verified gives way to the one who proves the address
			this.jdbc.sql("DELETE FROM customer_account_token WHERE account_id = ?").param(unverified.id()).update();
			this.jdbc.sql("DELETE FROM customer_account WHERE id = ?").param(unverified.id()).update();
		});
		this.accounts.emailChanged(account.id(), email, change.emailIndex(), now);
		// the old address is no longer the account's: whoever registers it later must not
		// become this customer by it
		this.contacts.unverify(customerId, ContactKind.EMAIL, account.email());
		this.contacts.add(customerId, ContactKind.EMAIL, email, true, now);
		suggest(customerId, email, now);
		this.events.publishEvent(new CustomerChanged(customerId, now));
	}

	private void verifyRegistration(String token, PortalTokens.Use link, String password, String address, Instant now) {
		PortalAccount account = this.accounts.findById(link.accountId()).orElseThrow(PortalRegistration::invalid);
		// links made before the password travelled with them: the account's
		String hash = (link.passwordHash() != null) ? link.passwordHash() : account.passwordHash();
		this.signIn.confirmLinkPassword(account, hash, password, address);
		if (this.tokens.use(token, Purpose.VERIFY, now).isEmpty()) {
			throw invalid();
		}
		if (account.verified()) {
			return;
		}
		String name = (link.passwordHash() != null) ? link.name() : account.name();
		String language = (link.passwordHash() != null) ? link.language() : account.language();
		if (!this.accounts.verified(account.id(), hash, name, language, now)) {
			// another registration's link was followed meanwhile
			throw invalid();
		}
		// the other registrations' links end: the address is proved
		this.tokens.endPending(account.id(), Purpose.VERIFY, now);
		verified(account, name, language, now);
	}

	/**
	 * Asks for a new address, after checking the password; the link goes to the new
	 * address and the account keeps the old one until it is followed.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public void requestEmailChange(long accountId, String password, String email) {
		PortalAccount account = this.accounts.findById(accountId).orElseThrow(() -> ApiException.notFound("Account"));
		this.signIn.confirmPassword(account, password);
		String address = email.strip();
		String index = this.contacts.index(ContactKind.EMAIL, address);
		if (index.equals(account.emailIndex())) {
			throw ApiException.invalid("email", "is your address already");
		}
		if (this.accounts.findByEmailIndex(index).filter(PortalAccount::verified).isPresent()) {
			throw taken();
		}
		Instant now = this.clock.instant();
		if (this.tokens.issuedSince(accountId, Purpose.EMAIL_CHANGE,
				now.minus(Duration.ofHours(1))) >= LINKS_PER_HOUR) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_links",
					"Too many links asked for; try again in an hour")
				.with("retryAfterSeconds", 3600);
		}
		this.accounts.pendingEmail(accountId, address, index, now);
		String token = this.tokens.issue(accountId, Purpose.EMAIL_CHANGE, index, now);
		this.mails.verify(accountId, address, account.name(), account.language(), token,
				Purpose.EMAIL_CHANGE.lifetime());
	}

	private void verified(PortalAccount account, String name, String language, Instant now) {
		// a customer who has an account already never gets a second one: the registrant
		// gets a record of his own (agents see the two as possible duplicates)
		Optional<Long> owner = this.contacts.verifiedOwner(ContactKind.EMAIL, account.email())
			.flatMap(this.customers::findLinkable)
			.map(Customer::id)
			.filter((id) -> !this.accounts.customerHasAccount(id, account.id()));
		long customerId = owner.orElseGet(() -> this.customers.insert(name, language, now));
		this.contacts.add(customerId, ContactKind.EMAIL, account.email(), true, now);
		this.customers.seen(customerId, name, language, now);
		this.accounts.customer(account.id(), customerId);
		suggest(customerId, account.email(), now);
		this.events.publishEvent(new CustomerChanged(customerId, now));
	}

	/**
	 * Customers who only typed this address are shown to agents as possible duplicates of
	 * the one who verified it.
	 */
	private void suggest(long customerId, String address, Instant now) {
		for (Contact other : this.contacts.withValue(ContactKind.EMAIL, address)) {
			if (other.customerId() == customerId || other.verified()) {
				continue;
			}
			// the suggestion is the other customer's: one check-then-insert for him at a
			// time (uq_customer_suggestion), as when he types an address
			this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE")
				.param(other.customerId())
				.query(Long.class)
				.list();
			if (this.jdbc
				.sql("SELECT COUNT(*) FROM customer_suggestion WHERE customer_id = ? AND candidate_id = ? "
						+ "AND reason = ?")
				.params(other.customerId(), customerId, ContactKind.EMAIL.name())
				.query(Integer.class)
				.single() == 0) {
				this.jdbc
					.sql("INSERT INTO customer_suggestion (customer_id, candidate_id, reason, created_at) "
							+ "VALUES (?, ?, ?, ?)")
					.params(other.customerId(), customerId, ContactKind.EMAIL.name(), now.toEpochMilli())
					.update();
			}
		}
	}

	static ApiException taken() {
		return ApiException.conflict("email_taken", "Another account uses this e-mail address");
	}

	private static ApiException invalid() {
		return ApiException.badRequest("verification_token_invalid", "The link is unknown, expired or used already");
	}

}
