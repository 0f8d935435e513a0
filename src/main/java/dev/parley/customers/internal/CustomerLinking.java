package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.parley.conversations.CustomerLinks;
import dev.parley.customers.CustomerChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matching rules: who a visitor is.
 * <ul>
 * <li>A visitor the website vouched for (identity verification) is the customer of that
 * identity at once, on any channel and device; so is one vouched for by a verified e-mail
 * address (the portal's sign-in).
 * <li>Anything the visitor only typed (an e-mail address or phone number in the pre-chat
 * form or a left message) is recorded on his own customer as unverified, and when another
 * customer has the same value an agent is shown the possible duplicate; it never links
 * him to that customer, so nobody reads another customer's history by typing his address.
 * <li>An anonymous visitor becomes a customer of his own when he starts a conversation.
 * When he is identified later, his anonymous record (which has no identity of its own) is
 * merged into the identified customer.
 * </ul>
 */
@Component
class CustomerLinking implements CustomerLinks {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final CustomerMerges merges;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final BlockedCustomers blocked;

	/** A savepoint in the caller's transaction (see claimIdentity). */
	private final TransactionTemplate savepoint;

	CustomerLinking(CustomerRepository customers, ContactRepository contacts, CustomerMerges merges, JdbcClient jdbc,
			Clock clock, ApplicationEventPublisher events, BlockedCustomers blocked,
			PlatformTransactionManager transactions) {
		this.blocked = blocked;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.events = events;
		this.customers = customers;
		this.contacts = contacts;
		this.merges = merges;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public long link(VisitorFacts facts) {
		Instant at = facts.at();
		Optional<Customer> current = (facts.customerId() != null) ? this.customers.findLinkable(facts.customerId())
				: Optional.empty();
		boolean[] created = { false };
		long target;
		if (facts.verifiedExternalId() != null) {
			target = identityOwner(facts.verifiedExternalId(), current)
				.orElseGet(() -> claimIdentity(facts, current, created));
		}
		else if (facts.verifiedEmail() != null) {
			target = this.contacts.verifiedOwner(ContactKind.EMAIL, facts.verifiedEmail())
				.flatMap(this.customers::findLinkable)
				.map(Customer::id)
				.orElseGet(() -> current.filter(this::anonymous)
					.map(Customer::id)
					.orElseGet(() -> newCustomer(facts, created)));
		}
		else {
			target = current.map(Customer::id).orElseGet(() -> newCustomer(facts, created));
		}
		if (current.isPresent() && current.get().id() != target && anonymous(current.get())) {
			// read committed: sees a survivor a rival arrival made (see claimIdentity);
			// the merge locks both rows and reads them again
			Customer survivor = this.customers.findById(target).orElseThrow();
			this.merges.merge(survivor, current.get(), null, "identified visitor");
		}
		// what follows checks and inserts for him one arrival, start or left message at a
		// time: each check-then-insert takes his row lock first (contacts.add,
		// channelUsed), and only when there is something to insert
		boolean changed = created[0];
		if (facts.verifiedEmail() != null) {
			changed |= this.contacts.add(target, ContactKind.EMAIL, facts.verifiedEmail(), true, at);
		}
		changed |= typed(target, ContactKind.EMAIL, facts.email(), at);
		changed |= typed(target, ContactKind.PHONE, facts.phone(), at);
		// a returning visitor's page load: usually nothing to write (last seen is kept to
		// the minute)
		Customer record = current.filter((c) -> c.id() == target && !created[0])
			.or(() -> this.customers.findById(target))
			.orElseThrow();
		changed |= this.customers.seen(record, facts.name(), facts.language(), at);
		this.customers.channelUsed(target, facts.channelId(), at);
		if (changed) {
			this.events.publishEvent(new CustomerChanged(target, at));
		}
		return target;
	}

	/**
	 * Answered from the cached set of blocked customers (live chat asks on every
	 * message).
	 */
	@Override
	public Optional<CustomerBlock> block(long customerId) {
		return this.blocked.of(customerId);
	}

	@Override
	public RoutingNeeds routingNeeds(long customerId) {
		return this.customers.findLive(customerId).map((customer) -> {
			List<String> skills = (customer.levelId() == null) ? List.of()
					: this.jdbc
						.sql("SELECT routing_skill FROM customer_level WHERE id = ? AND routing_skill IS NOT NULL")
						.param(customer.levelId())
						.query(String.class)
						.list()
						.stream()
						.filter((skill) -> !skill.isBlank())
						.map((skill) -> skill.strip().toLowerCase(Locale.ROOT))
						.toList();
			return new RoutingNeeds(customer.language(), skills);
		}).orElse(RoutingNeeds.NONE);
	}

	/**
	 * Gives a first-seen identity to the visitor's anonymous record, or to a new one. Two
	 * first arrivals with one identity at once (two devices or channels) both find no
	 * owner and both insert: the second insert waits for the first transaction and then
	 * fails on customer_identity's primary key. It runs in a savepoint, so the failure
	 * spoils nothing (on PostgreSQL a failed statement would abort the whole transaction)
	 * and the record it made goes with it (never two customers); the loser then reads the
	 * winner's owner and is linked to him like any later arrival. A plain read: Parley's
	 * connections run at READ COMMITTED, so it sees the winner's commit (the failed
	 * insert waited for it); no lock is needed, and the losers do not queue for one.
	 */
	private long claimIdentity(VisitorFacts facts, Optional<Customer> current, boolean[] created) {
		String externalId = facts.verifiedExternalId();
		try {
			return this.savepoint.execute((tx) -> {
				boolean[] made = { false };
				long id = current.filter(this::anonymous).map(Customer::id).orElseGet(() -> newCustomer(facts, made));
				this.jdbc.sql("INSERT INTO customer_identity (external_id, customer_id, created_at) VALUES (?, ?, ?)")
					.params(externalId, id, facts.at().toEpochMilli())
					.update();
				created[0] = made[0];
				return id;
			});
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql("SELECT customer_id FROM customer_identity WHERE external_id = ?")
				.param(externalId)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> ex);
		}
	}

	/**
	 * @param current the visitor's customer so far, read already (usually the owner)
	 */
	private Optional<Long> identityOwner(String externalId, Optional<Customer> current) {
		return this.jdbc.sql("SELECT customer_id FROM customer_identity WHERE external_id = ?")
			.param(externalId)
			.query(Long.class)
			.optional()
			.flatMap((owner) -> current.filter((c) -> c.id() == owner).or(() -> this.customers.findLinkable(owner)))
			.map(Customer::id);
	}

	/**
	 * @return whether nothing but a visitor's browser ties the record to a person (no
	 * identity, no verified contact), so it may be merged into whoever he proves to be
	 */
	private boolean anonymous(Customer customer) {
		boolean identified = this.jdbc.sql("SELECT COUNT(*) FROM customer_identity WHERE customer_id = ?")
			.param(customer.id())
			.query(Integer.class)
			.single() > 0;
		return !identified && this.contacts.of(customer.id()).stream().noneMatch(Contact::verified);
	}

	private long newCustomer(VisitorFacts facts, boolean[] created) {
		created[0] = true;
		return this.customers.insert(facts.name(), facts.language(), facts.at());
	}

	/**
	 * Records a contact the visitor typed, unverified; another customer with the same one
	 * becomes a suggested duplicate.
	 */
	private boolean typed(long customerId, ContactKind kind, String value, Instant at) {
		if (value == null || value.isBlank() || !this.contacts.add(customerId, kind, value, false, at)) {
			return false;
		}
		for (Contact other : this.contacts.withValue(kind, value)) {
			if (other.customerId() != customerId && this.jdbc.sql(
					"SELECT COUNT(*) FROM customer_suggestion WHERE customer_id = ? AND candidate_id = ? AND reason = ?")
				.params(customerId, other.customerId(), kind.name())
				.query(Integer.class)
				.single() == 0) {
				this.jdbc
					.sql("INSERT INTO customer_suggestion (customer_id, candidate_id, reason, created_at) "
							+ "VALUES (?, ?, ?, ?)")
					.params(customerId, other.customerId(), kind.name(), at.toEpochMilli())
					.update();
			}
		}
		return true;
	}

}
