package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.MessageLeft;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.VisitorConversationView;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a visitor arrives: the widget (or an app) presents the channel key and, if it has
 * one, its token; Parley continues that visitor or starts a new one, and hands out a
 * fresh token.
 */
@Service
public class VisitorSessions {

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final ConversationRepository conversations;

	private final ConversationLifecycle lifecycle;

	private final ChatMessages chat;

	private final MessageRepository messages;

	private final ChatInput input;

	private final LiveFeed feed;

	private final VisitorTokens tokens;

	private final ChatViews views;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final GroupDirectory groups;

	private final ApplicationEventPublisher events;

	private final CustomerLinks customers;

	private final VisitorBlocks blocks;

	private final WaitingNeeds needs;

	VisitorSessions(ChannelRepository channels, VisitorRepository visitors, ConversationRepository conversations,
			ConversationLifecycle lifecycle, ChatMessages chat, MessageRepository messages, ChatInput input,
			LiveFeed feed, VisitorTokens tokens, ChatViews views, Clock clock, TransactionTemplate transactions,
			GroupDirectory groups, ApplicationEventPublisher events, CustomerLinks customers, VisitorBlocks blocks,
			WaitingNeeds needs) {
		this.blocks = blocks;
		this.customers = customers;
		this.needs = needs;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.input = input;
		this.feed = feed;
		this.groups = groups;
		this.events = events;
		this.transactions = transactions;
		this.channels = channels;
		this.visitors = visitors;
		this.conversations = conversations;
		this.chat = chat;
		this.tokens = tokens;
		this.views = views;
		this.clock = clock;
	}

	/**
	 * What the widget says about the visitor; every field optional.
	 *
	 * @param customerEmail an e-mail address the website vouches for with
	 * {@code customerEmailHash}: {@code hex(HMAC-SHA256(channel secret, lower-cased
	 * address))}
	 */
	public record Arrival(String token, String customerId, String customerHash, String name, String email, String phone,
			String language, String pageUrl, String referrer, String customerEmail, String customerEmailHash) {
	}

	/** Where the request came from (taken from the HTTP request, not from the body). */
	public record Origin(String ip, String userAgent) {
	}

	/**
	 * @param blocked the block on the visitor's customer, if he is blocked: the widget
	 * says so politely and offers no composer
	 */
	public record Session(String token, Visitor visitor, VisitorConversationView conversation,
			CustomerLinks.CustomerBlock blocked) {
	}

	/**
	 * Details given in the pre-chat form.
	 *
	 * @param question the visitor's first words: the conversation's first message
	 * @param topic the group of one of the channel's topics
	 * @param clientId the widget's id for the question as a message (optional): the
	 * widget may send the same words again with it, and they are stored once
	 */
	public record Prechat(String name, String email, String phone, String question, Long topic, String clientId) {
	}

	/**
	 * A returning visitor on the same page within this time is not written again (his
	 * last seen time may be this much behind).
	 */
	static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

	/** The client id of a pre-chat question sent without one. */
	static final String QUESTION_CLIENT_ID = "prechat";

	/**
	 * A message left for later, with a way to answer it.
	 *
	 * @param clientId the widget's id for this message (as for chat messages): sending
	 * the same form again stores nothing twice
	 */
	public record LeftMessage(String clientId, String name, String email, String phone, String text, Long topic) {
	}

	public Channel enabledChannel(String key) {
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
		// far
		// comes along); one vouched for as someone else is another visitor
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
			Visitor draft = new Visitor(0, channel.id(), vouchKey, name, email, phone,
					ChatInput.optional("language", arrival.language(), 35), clip(origin.userAgent(), 500), origin.ip(),
					ChatInput.optional("pageUrl", arrival.pageUrl(), 2000),
					ChatInput.optional("referrer", arrival.referrer(), 2000), now, now);
			visitor = this.visitors.findById(this.visitors.insert(draft)).orElseThrow();
		}
		Long customer = this.visitors.customerOf(visitor.id()).orElse(null);
		if (vouchKey != null || customer != null) {
			// a vouched-for visitor is his customer at once; an anonymous one becomes a
			// customer when he starts a conversation
			customer = linkCustomer(visitor, customer, customerId, vouchedEmail, name, email, phone, now);
		}
		VisitorConversationView conversation = this.conversations.findLatestForVisitor(visitor.id())
			.filter((c) -> !c.closed() || (c.closedAt() != null && c.rating() == null
					&& c.closedAt().isAfter(now.minus(Duration.ofHours(1)))))
			.map(this.views::forVisitor)
			.orElse(null);
		return new Session(this.tokens.issue(visitor.id(), channel.id()), visitor, conversation,
				(customer != null) ? this.customers.block(customer).orElse(null) : null);
	}

	/**
	 * Starts the visitor's conversation, or returns the open one.
	 * @return the conversation and whether it was created now
	 */
	public Started startConversation(VisitorIdentity identity, Prechat prechat) {
		Visitor visitor = knownVisitor(identity);
		Channel channel = enabledChannelOf(visitor);
		this.blocks.check(visitor.id());
		Prechat form = (prechat != null) ? prechat : new Prechat(null, null, null, null, null, null);
		String name = ChatInput.optional("name", form.name(), 100);
		String email = ChatInput.email(form.email());
		String phone = ChatInput.phone(form.phone());
		String question = ChatInput.optional("question", form.question(), 1000);
		String questionClientId = (form.clientId() != null) ? ChatInput.clientId(form.clientId()) : QUESTION_CLIENT_ID;
		if (channel.prechatEnabled()) {
			for (String field : channel.prechatFields()) {
				boolean missing = switch (field) {
					case "name" -> name == null && visitor.name() == null;
					case "email" -> email == null && visitor.email() == null && phone == null;
					case "question" -> question == null;
					default -> false;
				};
				if (missing) {
					throw ChatInput.invalid(field, "is required");
				}
			}
		}
		Started started = this.transactions.execute((tx) -> {
			// the visitor's row lock keeps two tabs from opening two conversations at
			// once
			this.visitors.lock(visitor.id());
			Optional<Conversation> open = this.conversations.findOpenForVisitor(visitor.id());
			if (open.isPresent()) {
				return new Started(this.views.forVisitor(open.get()), false);
			}
			Long group = targetGroup(channel, form.topic());
			if (group != null) {
				GroupDirectory.Hours hours = this.groups.hours(group);
				if (!hours.open()) {
					throw new ApiException(HttpStatus.CONFLICT, "outside_hours",
							"Nobody is available now; leave a message instead")
						.with("opensAt", hours.opensAt());
				}
			}
			Visitor updated = withContact(visitor, name, email, phone, this.clock.instant());
			this.visitors.update(updated);
			linkCustomer(updated, null, null, name, email, phone, updated.lastSeenAt());
			Conversation conversation = this.lifecycle.start(updated, question, group, false);
			recordNeeds(conversation.id(), updated);
			if (question != null) {
				// the visitor's first words are the first message, like any other
				this.chat.appendInTransaction(conversation.id(),
						Draft.text(questionClientId, Side.VISITOR, visitor.id(), null, question));
				conversation = this.conversations.findById(conversation.id()).orElseThrow();
			}
			return new Started(this.views.forVisitor(conversation), true);
		});
		return started;
	}

	public record Started(VisitorConversationView conversation, boolean created) {
	}

	/**
	 * Leaves a message for later: outside business hours a new conversation in the
	 * group's backlog; while waiting in the queue, the waiting conversation becomes one.
	 * Either way it is no longer offered to agents automatically: an agent picks it up
	 * and answers when they can. One transaction, idempotent on the form's client id.
	 */
	public Left leaveMessage(VisitorIdentity identity, LeftMessage form) {
		Visitor visitor = knownVisitor(identity);
		Channel channel = enabledChannelOf(visitor);
		this.blocks.check(visitor.id());
		String clientId = ChatInput.clientId(form.clientId());
		String text = this.input.text(form.text());
		String name = ChatInput.optional("name", form.name(), 100);
		String email = ChatInput.email(form.email());
		String phone = ChatInput.phone(form.phone());
		if (email == null && phone == null && visitor.email() == null && visitor.phone() == null) {
			throw ChatInput.invalid("email", "give an e-mail address or a phone number so we can answer");
		}
		Optional<Message> before = this.messages.findVisitorMessage(visitor.id(), clientId);
		if (before.isPresent()) {
			// sent again (the answer to the first one got lost): it is stored already
			return new Left(
					this.views.forVisitor(this.conversations.findById(before.get().conversationId()).orElseThrow()),
					true);
		}
		Long group = targetGroup(channel, form.topic());
		Instant now = this.clock.instant();
		Visitor updated = withContact(visitor, name, email, phone, now);
		Long conversationId = this.transactions.execute((tx) -> {
			this.visitors.lock(visitor.id());
			this.visitors.update(updated);
			linkCustomer(updated, null, null, name, email, phone, now);
			Optional<Conversation> open = this.conversations.findOpenForVisitor(visitor.id());
			// an agent may already be on an open one: then this is just one more message
			Conversation conversation = open.orElseGet(() -> this.lifecycle.start(updated, null, group, true));
			boolean left = open.isEmpty() || this.conversations.markLeftMessage(conversation.id(), now);
			MessageWriter.Appended appended = this.chat.appendInTransaction(conversation.id(),
					Draft.text(clientId, Side.VISITOR, visitor.id(), null, text));
			if (left && !appended.duplicate()) {
				this.events.publishEvent(new MessageLeft(conversation.id(), conversation.channelId(),
						conversation.groupId(), visitor.id(), updated.name(), updated.language(), text, now));
			}
			this.feed.changed(conversation.id());
			return conversation.id();
		});
		return new Left(this.views.forVisitor(this.conversations.findById(conversationId).orElseThrow()), false);
	}

	/**
	 * A message left: the conversation it is in, and whether it had been left before with
	 * the same client id (then nothing was stored now).
	 */
	public record Left(VisitorConversationView conversation, boolean duplicate) {
	}

	/**
	 * Links the visitor to his customer (customers decides which), with what he said
	 * about himself now.
	 */
	private void linkCustomer(Visitor visitor, String verifiedExternalId, String verifiedEmail, String name,
			String email, String phone, Instant now) {
		linkCustomer(visitor, this.visitors.customerOf(visitor.id()).orElse(null), verifiedExternalId, verifiedEmail,
				name, email, phone, now);
	}

	/**
	 * @param current the customer the visitor belongs to so far (null: none)
	 * @return the customer he belongs to now
	 */
	private long linkCustomer(Visitor visitor, Long current, String verifiedExternalId, String verifiedEmail,
			String name, String email, String phone, Instant now) {
		long linked = this.customers.link(new CustomerLinks.VisitorFacts(visitor.id(), current, visitor.channelId(),
				verifiedExternalId, verifiedEmail, name, email, phone, visitor.language(), now));
		if (current == null || current != linked) {
			this.visitors.linkCustomer(visitor.id(), linked);
		}
		return linked;
	}

	/** What a vouched-for address's visitor is known by, in customer_external_id. */
	static final String EMAIL_KEY = "email:";

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

	/**
	 * Keeps on the conversation what routing should ask of its agent: the customer's
	 * language (his record's, else his browser's) and his level's skill.
	 */
	private void recordNeeds(long conversationId, Visitor visitor) {
		CustomerLinks.RoutingNeeds needs = this.visitors.customerOf(visitor.id())
			.map(this.customers::routingNeeds)
			.orElse(CustomerLinks.RoutingNeeds.NONE);
		String language = languageTag((needs.language() != null) ? needs.language() : visitor.language());
		this.needs.record(conversationId, language, needs.skills());
	}

	/** The first tag of what a browser says ("zh-CN,zh;q=0.9" is "zh-CN"), or null. */
	static String languageTag(String value) {
		if (value == null) {
			return null;
		}
		String tag = value.split("[,;]", 2)[0].strip().replace('_', '-');
		return tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? tag : null;
	}

	/** The visitor with the contact details given now (null: keep what is known). */
	private static Visitor withContact(Visitor v, String name, String email, String phone, Instant now) {
		return new Visitor(v.id(), v.channelId(), v.customerExternalId(), (name != null) ? name : v.name(),
				(email != null) ? email : v.email(), (phone != null) ? phone : v.phone(), v.language(), v.userAgent(),
				v.ip(), v.pageUrl(), v.referrer(), v.createdAt(), now);
	}

	private Visitor knownVisitor(VisitorIdentity identity) {
		return this.visitors.findById(identity.visitorId())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unknown visitor"));
	}

	private Channel enabledChannelOf(Visitor visitor) {
		return this.channels.findById(visitor.channelId())
			.filter(Channel::enabled)
			.orElseThrow(() -> ApiException.notFound("Channel"));
	}

	/** The group a new conversation goes to: the topic's, or the channel's. */
	private Long targetGroup(Channel channel, Long topic) {
		if (topic != null) {
			channel.topic(topic).orElseThrow(() -> ChatInput.invalid("topic", "is not offered by this channel"));
			if (this.groups.name(topic).isEmpty()) {
				throw ChatInput.invalid("topic", "is not offered by this channel");
			}
			return topic;
		}
		if (!channel.topics().isEmpty()) {
			throw ChatInput.invalid("topic", "is required");
		}
		return this.groups.groupOfChannel(channel.id()).orElse(null);
	}

	private static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
