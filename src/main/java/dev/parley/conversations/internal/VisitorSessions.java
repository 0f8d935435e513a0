package dev.parley.conversations.internal;

import dev.parley.conversations.views.ChatViews;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.MessageLeft;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;

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

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{3,32}");

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final ConversationRepository conversations;

	private final Conversations chat;

	private final VisitorTokens tokens;

	private final ChatViews views;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final GroupDirectory groups;

	private final ApplicationEventPublisher events;

	VisitorSessions(ChannelRepository channels, VisitorRepository visitors, ConversationRepository conversations,
			Conversations chat, VisitorTokens tokens, ChatViews views, Clock clock, TransactionTemplate transactions,
			GroupDirectory groups, ApplicationEventPublisher events) {
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

	/** What the widget says about the visitor; every field optional. */
	public record Arrival(String token, String customerId, String customerHash, String name, String email, String phone,
			String language, String pageUrl, String referrer) {
	}

	/** Where the request came from (taken from the HTTP request, not from the body). */
	public record Origin(String ip, String userAgent) {
	}

	public record Session(String token, Visitor visitor, ConversationView conversation) {
	}

	/**
	 * Details given in the pre-chat form.
	 *
	 * @param topic the group of one of the channel's topics
	 */
	public record Prechat(String name, String email, String phone, String question, Long topic) {
	}

	/** A message left for later, with a way to answer it. */
	public record LeftMessage(String name, String email, String phone, String text, Long topic) {
	}

	public Channel enabledChannel(String key) {
		return this.channels.findByKey((key != null) ? key : "")
			.filter(Channel::enabled)
			.orElseThrow(() -> ApiException.notFound("Channel"));
	}

	@Transactional
	public Session arrive(String channelKey, Arrival arrival, Origin origin) {
		Channel channel = enabledChannel(channelKey);
		Instant now = this.clock.instant();
		String name = optional("name", arrival.name(), 100);
		String email = email(arrival.email());
		String phone = phone(arrival.phone());
		String customerId = VisitorTokens.verifiesCustomer(channel.identitySecret(), arrival.customerId(),
				arrival.customerHash()) ? arrival.customerId() : null;
		Optional<Visitor> known = this.tokens.verify(arrival.token())
			.filter((identity) -> identity.channelId() == channel.id())
			.flatMap((identity) -> this.visitors.findById(identity.visitorId()));
		if (customerId != null && (known.isEmpty() || !customerId.equals(known.get().customerExternalId()))) {
			known = this.visitors.findByCustomer(channel.id(), customerId).or(() -> Optional.empty());
		}
		Visitor visitor;
		if (known.isPresent()) {
			Visitor v = known.get();
			visitor = new Visitor(v.id(), v.channelId(), (customerId != null) ? customerId : v.customerExternalId(),
					(name != null) ? name : v.name(), (email != null) ? email : v.email(),
					(phone != null) ? phone : v.phone(), optional("language", arrival.language(), 35),
					clip(origin.userAgent(), 500), origin.ip(), optional("pageUrl", arrival.pageUrl(), 2000),
					optional("referrer", arrival.referrer(), 2000), v.createdAt(), now);
			this.visitors.update(visitor);
		}
		else {
			Visitor draft = new Visitor(0, channel.id(), customerId, name, email, phone,
					optional("language", arrival.language(), 35), clip(origin.userAgent(), 500), origin.ip(),
					optional("pageUrl", arrival.pageUrl(), 2000), optional("referrer", arrival.referrer(), 2000), now,
					now);
			visitor = this.visitors.findById(this.visitors.insert(draft)).orElseThrow();
		}
		ConversationView conversation = this.conversations.findLatestForVisitor(visitor.id())
			.filter((c) -> !c.closed() || (c.closedAt() != null && c.rating() == null
					&& c.closedAt().isAfter(now.minus(java.time.Duration.ofHours(1)))))
			.map((c) -> this.views.conversation(c, false))
			.orElse(null);
		return new Session(this.tokens.issue(visitor.id(), channel.id()), visitor, conversation);
	}

	/**
	 * Starts the visitor's conversation, or returns the open one.
	 * @return the conversation and whether it was created now
	 */
	public Started startConversation(VisitorIdentity identity, Prechat prechat) {
		Visitor visitor = knownVisitor(identity);
		Channel channel = enabledChannelOf(visitor);
		Prechat form = (prechat != null) ? prechat : new Prechat(null, null, null, null, null);
		String name = optional("name", form.name(), 100);
		String email = email(form.email());
		String phone = phone(form.phone());
		String question = optional("question", form.question(), 1000);
		if (channel.prechatEnabled()) {
			for (String field : channel.prechatFields()) {
				boolean missing = switch (field) {
					case "name" -> name == null && visitor.name() == null;
					case "email" -> email == null && visitor.email() == null && phone == null;
					case "question" -> question == null;
					default -> false;
				};
				if (missing) {
					throw Conversations.invalid(field, "is required");
				}
			}
		}
		Started started = this.transactions.execute((tx) -> {
			// the visitor's row lock keeps two tabs from opening two conversations at
			// once
			this.visitors.lock(visitor.id());
			Optional<Conversation> open = this.conversations.findOpenForVisitor(visitor.id());
			if (open.isPresent()) {
				return new Started(this.views.conversation(open.get(), false), false);
			}
			Long group = targetGroup(channel, form.topic());
			if (group != null) {
				GroupDirectory.Hours hours = this.groups.hours(group);
				if (!hours.open()) {
					throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "outside_hours",
							"Nobody is available now; leave a message instead")
						.with("opensAt", hours.opensAt());
				}
			}
			Visitor updated = withContact(visitor, name, email, phone, this.clock.instant());
			this.visitors.update(updated);
			return new Started(this.views.conversation(this.chat.start(updated, question, group, false), false), true);
		});
		if (started.created()) {
			this.chat.announce(started.conversation());
			this.chat.announceWaiting(started.conversation().id());
		}
		return started;
	}

	public record Started(ConversationView conversation, boolean created) {
	}

	/**
	 * Leaves a message for later: outside business hours a new conversation in the
	 * group's backlog; while waiting in the queue, the waiting conversation becomes one.
	 * Either way it is no longer offered to agents automatically: an agent picks it up
	 * and answers when they can.
	 */
	public ConversationView leaveMessage(VisitorIdentity identity, LeftMessage form) {
		Visitor visitor = knownVisitor(identity);
		Channel channel = enabledChannelOf(visitor);
		String text = this.chat.checkText(form.text());
		String name = optional("name", form.name(), 100);
		String email = email(form.email());
		String phone = phone(form.phone());
		if (email == null && phone == null && visitor.email() == null && visitor.phone() == null) {
			throw Conversations.invalid("email", "give an e-mail address or a phone number so we can answer");
		}
		Long group = targetGroup(channel, form.topic());
		Instant now = this.clock.instant();
		Visitor updated = withContact(visitor, name, email, phone, now);
		boolean[] left = new boolean[1];
		Conversation conversation = this.transactions.execute((tx) -> {
			this.visitors.lock(visitor.id());
			this.visitors.update(updated);
			Optional<Conversation> open = this.conversations.findOpenForVisitor(visitor.id());
			if (open.isPresent()) {
				// an agent may already be on it: then this is just one more message
				left[0] = this.conversations.markLeftMessage(open.get().id(), now);
				return open.get();
			}
			left[0] = true;
			return this.chat.start(updated, null, group, true);
		});
		this.chat.sendAsVisitor(identity, conversation.id(), "left-" + java.util.UUID.randomUUID(), text);
		Conversation after = this.conversations.findById(conversation.id()).orElseThrow();
		this.chat.announce(after);
		if (left[0]) {
			this.events.publishEvent(new MessageLeft(after.id(), after.channelId(), after.groupId(), visitor.id(),
					updated.email(), updated.phone(), now));
		}
		return this.views.conversation(after, false);
	}

	/** The visitor with the contact details given now (null: keep what is known). */
	private static Visitor withContact(Visitor v, String name, String email, String phone, Instant now) {
		return new Visitor(v.id(), v.channelId(), v.customerExternalId(), (name != null) ? name : v.name(),
				(email != null) ? email : v.email(), (phone != null) ? phone : v.phone(), v.language(), v.userAgent(),
				v.ip(), v.pageUrl(), v.referrer(), v.createdAt(), now);
	}

	private Visitor knownVisitor(VisitorIdentity identity) {
		return this.visitors.findById(identity.visitorId())
			.orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Unknown visitor"));
	}

	private Channel enabledChannelOf(Visitor visitor) {
		return this.channels.findById(visitor.channelId())
			.filter(Channel::enabled)
			.orElseThrow(() -> ApiException.notFound("Channel"));
	}

	/** The group a new conversation goes to: the topic's, or the channel's. */
	private Long targetGroup(Channel channel, Long topic) {
		if (topic != null) {
			channel.topic(topic).orElseThrow(() -> Conversations.invalid("topic", "is not offered by this channel"));
			if (this.groups.name(topic).isEmpty()) {
				throw Conversations.invalid("topic", "is not offered by this channel");
			}
			return topic;
		}
		if (!channel.topics().isEmpty()) {
			throw Conversations.invalid("topic", "is required");
		}
		return this.groups.groupOfChannel(channel.id()).orElse(null);
	}

	private static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw Conversations.invalid(field, "must be at most " + max + " characters");
		}
		return text;
	}

	private static String email(String value) {
		String email = optional("email", value, 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw Conversations.invalid("email", "must be an e-mail address");
		}
		return email;
	}

	private static String phone(String value) {
		String phone = optional("phone", value, 32);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw Conversations.invalid("phone", "must be a phone number");
		}
		return phone;
	}

	private static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
