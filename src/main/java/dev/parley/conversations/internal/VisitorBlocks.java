package dev.parley.conversations.internal;

import java.util.Optional;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.CustomerLinks.CustomerBlock;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether a visitor may chat: a visitor whose customer is blocked (spam, abuse) is
 * refused with {@code customer_blocked} on every path (starting a conversation, sending
 * over REST or the socket, uploads, leaving a message). The customers module answers from
 * a cached set of blocked customers, so the check costs one lookup of the visitor's
 * customer.
 */
@Component
public class VisitorBlocks {

	private final VisitorRepository visitors;

	private final CustomerLinks customers;

	VisitorBlocks(VisitorRepository visitors, CustomerLinks customers) {
		this.visitors = visitors;
		this.customers = customers;
	}

	/**
	 * @return the block on the visitor's customer, if he is blocked now
	 */
	public Optional<CustomerBlock> of(long visitorId) {
		return this.visitors.customerOf(visitorId).flatMap(this.customers::block);
	}

	/**
	 * @return the block on the customer, if he is blocked now
	 */
	Optional<CustomerBlock> ofCustomer(long customerId) {
		return this.customers.block(customerId);
	}

	/**
	 * @throws ApiException 403 {@code customer_blocked} when the visitor's customer is
	 * blocked
	 */
	public void check(long visitorId) {
		Optional<CustomerBlock> block = of(visitorId);
		if (block.isPresent()) {
			ApiException refusal = new ApiException(HttpStatus.FORBIDDEN, "customer_blocked",
					"This customer may not chat");
			if (block.get().until() != null) {
				refusal.with("until", block.get().until());
			}
			throw refusal;
		}
	}

}
