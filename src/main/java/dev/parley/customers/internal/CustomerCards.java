package dev.parley.customers.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.parley.customers.CustomerDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's {@link CustomerDirectory}. */
@Component
class CustomerCards implements CustomerDirectory {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final Clock clock;

	CustomerCards(CustomerRepository customers, ContactRepository contacts, Clock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Card> card(long customerId) {
		return this.customers.findLive(customerId).map((c) -> {
			List<Contact> all = this.contacts.of(c.id());
			return new Card(c.id(), c.name(), first(all, ContactKind.EMAIL), first(all, ContactKind.PHONE),
					c.language(), c.levelId(), c.blockedAt(this.clock.instant()), c.erasedAt() != null);
		});
	}

	private static String first(List<Contact> contacts, ContactKind kind) {
		return contacts.stream()
			.filter((c) -> c.kind() == kind)
			.min(Comparator.comparing((Contact c) -> !c.verified()).thenComparing(Contact::id))
			.map(Contact::value)
			.orElse(null);
	}

}
