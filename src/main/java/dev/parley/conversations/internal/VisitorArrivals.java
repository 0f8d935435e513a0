package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.parley.conversations.internal.VisitorSessions.Arrival;
import dev.parley.conversations.internal.VisitorSessions.Origin;
import dev.parley.conversations.internal.VisitorSessions.Session;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.VisitorConversationView;
import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.SourceSignal;
import dev.parley.platform.SourceSignals;
import dev.parley.platform.RateLimit;
import dev.parley.platform.RateLimits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a visitor arrives: the visitor of the token he presents is continued, unless the
 * website now vouches for someone else (by an HMAC of the customer's id or e-mail
 * address); then that customer's visitor is found again, or a new one is started. Either
 * way the visitor gets a fresh token, his latest conversation and whether he is blocked.
 */
@Component
class VisitorArrivals {

	/** What a vouched-for address's visitor is known by, in customer_external_id. */
	static final String EMAIL_KEY = "email:";

	/**
	 * A returning visitor on the same page within this time is not written again (his
	 * last seen time may be this much behind).
	 */
	static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final ConversationRepository conversations;

	private final VisitorTokens tokens;

	private final ChatViews views;

	private final Clock clock;

	private final VisitorCustomers customers;

	private final VisitorBlocks blocks;

	/** The module that watches sources (security); absent in a test of a module alone. */
	private final ObjectProvider<SourceSignals> signals;

	private final RateLimits rateLimits;

	VisitorArrivals(ChannelRepository channels, VisitorRepository visitors, ConversationRepository conversations,
			VisitorTokens tokens, ChatViews views, Clock clock, VisitorCustomers customers, VisitorBlocks blocks,
			ObjectProvider<SourceSignals> signals, RateLimits rateLimits) {
		this.signals = signals;
		this.rateLimits = rateLimits;
		this.channels = channels;
		this.visitors = visitors;
		this.conversations = conversations;
		this.tokens = tokens;
		this.views = views;
		this.clock = clock;
		this.customers = customers;
		this.blocks = blocks;
	}

	Channel enabledChannel(String key) {
		return this.channels.findByKey((key != null) ? key : "")
			.filter(Channel::enabled)
			.orElseThrow(() -> ApiException.notFound("Channel"));
	}

	@Transactional
	public Session arrive(String channelKey, Arrival arrival, Origin origin) {
		if ((arrival.customerId() != null || arrival.customerEmail() != null)
				&& this.tokens.verify(arrival.token()).isEmpty()) {
			// a first arrival of someone the website may vouch for can create his visitor
			// and customer: two at once (two tabs) would make two of each, or collide on
			// the identity, so they queue on the channel; first, before anything is read,
			// so the second sees what the first committed on every engine
			this.channels.lockByKey((channelKey != null) ? channelKey : "");
		}
		Channel channel = enabledChannel(channelKey);
		Instant now = this.clock.instant();
		String name = ChatInput.optional("name", arrival.name(), 100);
		String email = ChatInput.email(arrival.email());
		String phone = ChatInput.phone(arrival.phone());
		String customerId = VisitorTokens.verifiesCustomer(channel.identitySecret(), arrival.customerId(),
				arrival.customerHash()) ? arrival.customerId() : null;
		String vouchedEmail = vouchedEmail(channel, arrival);
		// the visitor of a vouched-for address is found again by the website's hash of it
		// (never by the address itself, which is not kept in plain text)
		String vouchKey = (customerId != null) ? customerId : (vouchedEmail != null)
				? EMAIL_KEY + arrival.customerEmailHash().strip().toLowerCase(Locale.ROOT) : null;
		Optional<Visitor> known = this.tokens.verify(arrival.token())
			.filter((identity) -> identity.channelId() == channel.id())
			.flatMap((identity) -> this.visitors.findById(identity.visitorId()));
		// an anonymous visitor who is vouched for now becomes that customer (his chat so
		// far comes along); one vouched for as someone else is another visitor
		if (vouchKey != null && (known.isEmpty()
				|| (known.get().customerExternalId() != null && !vouchKey.equals(known.get().customerExternalId())))) {
			known = this.visitors.findByCustomer(channel.id(), vouchKey).or(() -> Optional.empty());
		}
		Visitor visitor;
		if (known.isPresent()) {
			Visitor v = known.get();
			visitor = new Visitor(v.id(), v.channelId(), (vouchKey != null) ? vouchKey : v.customerExternalId(),
					(name != null) ? name : v.name(), (email != null) ? email : v.email(),
					(phone != null) ? phone : v.phone(), ChatInput.optional("language", arrival.language(), 35),
					clip(origin.userAgent(), 500), origin.ip(), ChatInput.optional("pageUrl", arrival.pageUrl(), 2000),
					ChatInput.optional("referrer", arrival.referrer(), 2000), v.createdAt(), now);
			if (!visitor.sameDetails(v) || v.lastSeenAt().isBefore(now.minus(SEEN_GRANULARITY))) {
				this.visitors.update(visitor);
			}
		}
		else {
			// new rows per channel are limited, however many addresses they come from
			this.rateLimits.check(RateLimit.VISITOR_CREATION, channel.key());
			Visitor draft = new Visitor(0, channel.id(), vouchKey, name, email, phone,
					ChatInput.optional("language", arrival.language(), 35), clip(origin.userAgent(), 500), origin.ip(),
					ChatInput.optional("pageUrl", arrival.pageUrl(), 2000),
					ChatInput.optional("referrer", arrival.referrer(), 2000), now, now);
			visitor = this.visitors.findById(this.visitors.insert(draft)).orElseThrow();
			String address = ClientAddress.current();
			this.signals.ifAvailable(
					(watch) -> watch.observed(SourceSignal.WIDGET_ARRIVAL, (address != null) ? address : origin.ip()));
		}
		Long customer = this.customers.of(visitor.id());
		if (vouchKey != null || customer != null) {
			// a vouched-for visitor is his customer at once; an anonymous one becomes a
			// customer when he starts a conversation
			customer = this.customers.link(visitor, customer, customerId, vouchedEmail, name, email, phone, now);
		}
		VisitorConversationView conversation = this.conversations.findLatestForVisitor(visitor.id())
			.filter((c) -> !c.closed() || (c.closedAt() != null && c.rating() == null
					&& c.closedAt().isAfter(now.minus(Duration.ofHours(1)))))
			.map(this.views::forVisitor)
			.orElse(null);
		return new Session(this.tokens.issue(visitor.id(), channel.id()), visitor, conversation,
				(customer != null) ? this.blocks.ofCustomer(customer).orElse(null) : null);
	}

	/**
	 * @return the lower-cased address the website vouched for, or null when it did not
	 * (no address, a malformed one, or a wrong hash)
	 */
	private static String vouchedEmail(Channel channel, Arrival arrival) {
		if (arrival.customerEmail() == null || arrival.customerEmailHash() == null) {
			return null;
		}
		String address = arrival.customerEmail().strip().toLowerCase(Locale.ROOT);
		if (address.length() > 254 || !ChatInput.EMAIL.matcher(address).matches()) {
			return null;
		}
		return VisitorTokens.verifiesEmail(channel.identitySecret(), address, arrival.customerEmailHash()) ? address
				: null;
	}

	private static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
