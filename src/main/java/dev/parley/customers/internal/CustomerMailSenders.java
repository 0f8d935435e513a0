package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.parley.customers.CustomerChanged;
import dev.parley.customers.CustomerContacts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers module's {@link CustomerContacts}: customers found by the address of a
 * mail, which proves nothing about who sent it.
 */
@Component
class CustomerMailSenders implements CustomerContacts {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CustomerMailSenders(CustomerRepository customers, ContactRepository contacts, ApplicationEventPublisher events,
			Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public MailSender byEmail(String address, String name) {
		Instant now = this.clock.instant();
		String email = ContactKind.EMAIL.normalize(address);
		List<Contact> holders = this.contacts.withValue(ContactKind.EMAIL, email);
		Optional<Customer> owner = holders.stream()
			.filter(Contact::verified)
			.map((c) -> this.customers.findLinkable(c.customerId()))
			.flatMap(Optional::stream)
			.findFirst();
		if (owner.isEmpty()) {
			List<Customer> live = holders.stream()
				.map((c) -> this.customers.findLinkable(c.customerId()))
				.flatMap(Optional::stream)
				.filter(distinctById())
				.toList();
			owner = (live.size() == 1) ? Optional.of(live.get(0)) : Optional.empty();
		}
		if (owner.isPresent()) {
			Customer customer = owner.get();
			if (this.contacts.add(customer.id(), ContactKind.EMAIL, email, false, now)
					| this.customers.seen(customer, clean(name), null, now)) {
				this.events.publishEvent(new CustomerChanged(customer.id(), now));
			}
			return new MailSender(customer.id(), false, customer.blockedAt(now));
		}
		long created = this.customers.insert(clean(name), null, now);
		this.contacts.add(created, ContactKind.EMAIL, email, false, now);
		this.events.publishEvent(new CustomerChanged(created, now));
		return new MailSender(created, true, false);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasEmail(long customerId, String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		String email = ContactKind.EMAIL.normalize(address);
		return this.customers.findLive(customerId)
			.filter((c) -> c.erasedAt() == null)
			.map((c) -> this.contacts.of(c.id())
				.stream()
				.anyMatch((k) -> k.kind() == ContactKind.EMAIL && ContactKind.EMAIL.normalize(k.value()).equals(email)))
			.orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MailContact> mailContact(long customerId) {
		Instant now = this.clock.instant();
		return this.customers.findLive(customerId).map((c) -> {
			String email = (c.erasedAt() != null) ? null
					: this.contacts.of(c.id())
						.stream()
						.filter((k) -> k.kind() == ContactKind.EMAIL)
						.min(Comparator.comparing((Contact k) -> !k.verified()).thenComparing(Contact::id))
						.map(Contact::value)
						.orElse(null);
			return new MailContact(c.id(), c.name(), email, c.language(), c.blockedAt(now));
		});
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Set<Long> mergedInto(long customerId) {
		java.util.Set<Long> found = new java.util.LinkedHashSet<>();
		List<Long> level = List.of(customerId);
		for (int hops = 0; hops < 16 && !level.isEmpty() && found.size() < 50; hops++) {
			level = this.jdbc.sql("SELECT id FROM customer WHERE merged_into IN (:ids) ORDER BY id")
				.param("ids", level)
				.query(Long.class)
				.list()
				.stream()
				.filter(found::add)
				.toList();
		}
		return found;
	}

	private static java.util.function.Predicate<Customer> distinctById() {
		java.util.Set<Long> seen = new java.util.HashSet<>();
		return (c) -> seen.add(c.id());
	}

	/**
	 * A display name of a mail as a customer's name: one line, at most 100 characters.
	 */
	private static String clean(String name) {
		if (name == null) {
			return null;
		}
		String line = name.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		return line.isEmpty() ? null : (line.length() > 100) ? line.substring(0, 100) : line;
	}

}
