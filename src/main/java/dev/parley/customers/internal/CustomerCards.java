package dev.parley.customers.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import dev.parley.customers.CustomerDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's {@link CustomerDirectory}. */
@Component
class CustomerCards implements CustomerDirectory {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final Clock clock;

	private final JdbcClient jdbc;

	CustomerCards(CustomerRepository customers, ContactRepository contacts, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> customerIds) {
		Map<Long, String> names = new HashMap<>();
		Map<Long, Long> merged = new HashMap<>();
		read(customerIds, (id, name, mergedInto) -> {
			if (mergedInto == null) {
				names.put(id, name);
			}
			else {
				merged.put(id, mergedInto);
			}
		});
		for (Map.Entry<Long, Long> m : merged.entrySet()) {
			this.customers.findLive(m.getKey()).ifPresent((c) -> names.put(m.getKey(), c.name()));
		}
		return names;
	}

	private interface Named {

		void row(long id, String name, Long mergedInto);

	}

	private void read(Collection<Long> ids, Named each) {
		List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += 500) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
			this.jdbc
				.sql("SELECT id, name, merged_into FROM customer WHERE id IN ("
						+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
				.params(List.copyOf(chunk))
				.query((rs) -> {
					long merged = rs.getLong(3);
					each.row(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : merged);
				});
		}
	}

	private static String first(List<Contact> contacts, ContactKind kind) {
		return contacts.stream()
			.filter((c) -> c.kind() == kind)
			.min(Comparator.comparing((Contact c) -> !c.verified()).thenComparing(Contact::id))
			.map(Contact::value)
			.orElse(null);
	}

}
