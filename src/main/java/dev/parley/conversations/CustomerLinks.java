package dev.parley.conversations;

import java.time.Instant;
import java.util.Optional;

/**
 * Which customer a visitor is: decided by the customers module, asked by live chat when a
 * visitor arrives, starts a conversation or leaves a message (implemented outside this
 * module, so that live chat does not depend on customers).
 */
public interface CustomerLinks {

	/**
	 * Links the visitor to his customer, creating one when nobody matches, and records
	 * what the visitor said about himself on the customer. Joins the caller's
	 * transaction.
	 * @return the customer the visitor belongs to now
	 */
	long link(VisitorFacts facts);

	/**
	 * @return the block on the customer, if he is blocked now
	 */
	Optional<CustomerBlock> block(long customerId);

	/**
	 * What routing should ask of the agent for this customer: his language (as his record
	 * says; null when it says nothing) and the skill his level asks for (e.g. "vip").
	 */
	RoutingNeeds routingNeeds(long customerId);

	/**
	 * @param language a BCP 47 tag, or null
	 * @param skills skills the agent should have
	 */
	record RoutingNeeds(String language, java.util.List<String> skills) {

		public static final RoutingNeeds NONE = new RoutingNeeds(null, java.util.List.of());

	}

	/**
	 * What is known about a visitor at one moment.
	 *
	 * @param customerId the customer the visitor belongs to so far; null for none yet
	 * @param verifiedExternalId the id the website vouched for with an HMAC (identity
	 * verification); null when none was vouched for
	 * @param verifiedEmail an e-mail address vouched for (identity verification, the
	 * portal's sign-in); null when none was
	 * @param name what the visitor typed (null: nothing new)
	 * @param email what the visitor typed, unverified (null: nothing new)
	 * @param phone what the visitor typed, unverified (null: nothing new)
	 */
	record VisitorFacts(long visitorId, Long customerId, long channelId, String verifiedExternalId,
			String verifiedEmail, String name, String email, String phone, String language, Instant at) {
	}

	/**
	 * @param until when the block ends; null until someone lifts it
	 */
	record CustomerBlock(String reason, Instant until) {
	}

}
