package dev.parley.customers.internal.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import dev.parley.customers.CustomerChanged;
import dev.parley.customers.PortalAccounts;
import dev.parley.customers.internal.Contact;
import dev.parley.customers.internal.ContactKind;
import dev.parley.customers.internal.ContactRepository;
import dev.parley.customers.internal.Customer;
import dev.parley.customers.internal.CustomerRepository;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in customer sees and edits of himself: his name, phone, language and time
 * zone are his customer record's (agents see the same); the address is the account's.
 */
@Service
public class PortalProfiles implements PortalAccounts {

	private final PortalAccountRepository accounts;

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PortalProfiles(PortalAccountRepository accounts, CustomerRepository customers, ContactRepository contacts,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.customers = customers;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param pendingEmail a new address waiting for its link to be followed, or null
	 */
	public record Profile(String email, String pendingEmail, String name, String phone, String language,
			String timeZone) {
	}

	public PortalAccount account(long accountId) {
		return this.accounts.findById(accountId)
			.filter(PortalAccount::verified)
			.orElseThrow(() -> ApiException.notFound("Account"));
	}

	/**
	 * @return the account's customer, following merges (the account then points at the
	 * survivor)
	 */
	@Override
	@Transactional
	public long customerOf(long accountId) {
		PortalAccount account = account(accountId);
		Customer customer = this.customers.findLive(account.customerId())
			.orElseThrow(() -> ApiException.notFound("Customer"));
		if (customer.id() != account.customerId()) {
			this.accounts.customer(accountId, customer.id());
		}
		return customer.id();
	}

	@Transactional
	public Profile profile(long accountId) {
		PortalAccount account = account(accountId);
		Customer customer = this.customers.findById(customerOf(accountId)).orElseThrow();
		return new Profile(account.email(), this.accounts.pendingEmail(accountId).orElse(null), customer.name(),
				phone(customer.id()).map(Contact::value).orElse(null), customer.language(), customer.timeZone());
	}

	/**
	 * Saves his name, phone (recorded unverified, as if typed), language and time zone;
	 * null or blank clears a field. Validated by the caller.
	 */
	@Transactional
	public Profile update(long accountId, String name, String phone, String language, String timeZone) {
		long customerId = customerOf(accountId);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("UPDATE customer SET name = ?, language = ?, time_zone = ?, updated_at = ?, version = version + 1 "
					+ "WHERE id = ?")
			.params(blankToNull(name), blankToNull(language), blankToNull(timeZone), now.toEpochMilli(), customerId)
			.update();
		this.accounts.language(accountId, blankToNull(language));
		Optional<Contact> current = phone(customerId);
		String chosen = blankToNull(phone);
		boolean same = current.isPresent() && chosen != null
				&& ContactKind.PHONE.normalize(current.get().value()).equals(ContactKind.PHONE.normalize(chosen));
		if (!same) {
			current.ifPresent((contact) -> this.contacts.remove(customerId, contact.id()));
			if (chosen != null) {
				this.contacts.add(customerId, ContactKind.PHONE, chosen, false, now);
			}
		}
		this.events.publishEvent(new CustomerChanged(customerId, now));
		return profile(accountId);
	}

	/** The phone shown in the profile: the latest one recorded. */
	private Optional<Contact> phone(long customerId) {
		return this.contacts.of(customerId)
			.stream()
			.filter((contact) -> contact.kind() == ContactKind.PHONE)
			.max(Comparator.comparing(Contact::createdAt).thenComparing(Contact::id));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
