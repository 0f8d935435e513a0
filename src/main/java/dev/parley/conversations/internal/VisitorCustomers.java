package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.CustomerLinks;

import org.springframework.stereotype.Component;

/**
 * The customer a visitor is, as live chat asks the customers module: who he is linked to
 * (customers decides which, from what he said about himself), and what routing should ask
 * of an agent for him.
 */
@Component
class VisitorCustomers {

	private final VisitorRepository visitors;

	private final CustomerLinks customers;

	VisitorCustomers(VisitorRepository visitors, CustomerLinks customers) {
		this.visitors = visitors;
		this.customers = customers;
	}

	/**
	 * Links the visitor to his customer, with what he said about himself now. Joins the
	 * caller's transaction.
	 */
	void link(Visitor visitor, String verifiedExternalId, String verifiedEmail, String name, String email, String phone,
			Instant now) {
		link(visitor, this.visitors.customerOf(visitor.id()).orElse(null), verifiedExternalId, verifiedEmail, name,
				email, phone, now);
	}

	/**
	 * As {@link #link(Visitor, String, String, String, String, String, Instant)}, knowing
	 * his customer so far.
	 * @param current the customer the visitor belongs to so far (null: none)
	 * @return the customer he belongs to now
	 */
	long link(Visitor visitor, Long current, String verifiedExternalId, String verifiedEmail, String name, String email,
			String phone, Instant now) {
		long linked = this.customers.link(new CustomerLinks.VisitorFacts(visitor.id(), current, visitor.channelId(),
				verifiedExternalId, verifiedEmail, name, email, phone, visitor.language(), now));
		if (current == null || current != linked) {
			this.visitors.linkCustomer(visitor.id(), linked);
		}
		return linked;
	}

	/** The customer the visitor belongs to, if any. */
	Long of(long visitorId) {
		return this.visitors.customerOf(visitorId).orElse(null);
	}

	/**
	 * What routing should ask of the agent for the visitor's customer (none: nothing).
	 */
	CustomerLinks.RoutingNeeds routingNeeds(long visitorId) {
		return this.visitors.customerOf(visitorId)
			.map(this.customers::routingNeeds)
			.orElse(CustomerLinks.RoutingNeeds.NONE);
	}

}
