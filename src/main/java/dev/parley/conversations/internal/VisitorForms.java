package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.MessageLeft;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.VisitorSessions.Left;
import dev.parley.conversations.internal.VisitorSessions.LeftMessage;
import dev.parley.conversations.internal.VisitorSessions.Prechat;
import dev.parley.conversations.internal.VisitorSessions.Started;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the widget's two forms do once a visitor has arrived: the pre-chat form starts his
 * conversation (in the group of the topic he chose, if it is open now), the
 * leave-a-message form leaves his words for later. Both take the contact details he gave,
 * link him to his customer and refuse a blocked one.
 */
@Component
class VisitorForms {

	/** The client id of a pre-chat question sent without one. */
	static final String QUESTION_CLIENT_ID = "prechat";

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final ConversationRepository conversations;

	private final ConversationLifecycle lifecycle;

	private final ChatMessages chat;

	private final MessageRepository messages;

	private final ChatInput input;

	private final LiveFeed feed;

	private final ChatViews views;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final GroupDirectory groups;

	private final ApplicationEventPublisher events;

	private final VisitorCustomers customers;

	private final VisitorBlocks blocks;

	private final WaitingNeeds needs;

	VisitorForms(ChannelRepository channels, VisitorRepository visitors, ConversationRepository conversations,
			ConversationLifecycle lifecycle, ChatMessages chat, MessageRepository messages, ChatInput input,
			LiveFeed feed, ChatViews views, Clock clock, TransactionTemplate transactions, GroupDirectory groups,
			ApplicationEventPublisher events, VisitorCustomers customers, VisitorBlocks blocks, WaitingNeeds needs) {
		this.channels = channels;
		this.visitors = visitors;
		this.conversations = conversations;
		this.lifecycle = lifecycle;
		this.chat = chat;
		this.messages = messages;
		this.input = input;
		this.feed = feed;
		this.views = views;
		this.clock = clock;
		this.transactions = transactions;
		this.groups = groups;
		this.events = events;
		this.customers = customers;
		this.blocks = blocks;
		this.needs = needs;
	}

	/**
	 * Starts the visitor's conversation, or returns the open one.
	 * @return the conversation and whether it was created now
	 */
	Started startConversation(VisitorIdentity identity, Prechat prechat) {
		Visitor visitor = knownVisitor(identity);
		Channel channel = enabledChannelOf(visitor);
		this.blocks.check(visitor.id());
		Prechat form = (prechat != null) ? prechat : new Prechat(null, null, null, null, null, null);
		String name = ChatInput.optional("name", form.name(), 100);
		String email = ChatInput.email(form.email());
		String phone = ChatInput.phone(form.phone());
		String question = ChatInput.optional("question", form.question(), 1000);
		String questionClientId = (form.clientId() != null) ? ChatInput.clientId(form.clientId()) : QUESTION_CLIENT_ID;
		requirePrechatFields(channel, visitor, name, email, phone, question);
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
			Visitor updated = visitor.withContact(name, email, phone, this.clock.instant());
			this.visitors.update(updated);
			this.customers.link(updated, null, null, name, email, phone, updated.lastSeenAt());
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

	/**
	 * Refuses a pre-chat form without a field the channel asks for (unless the visitor
	 * gave it before).
	 */
	private static void requirePrechatFields(Channel channel, Visitor visitor, String name, String email, String phone,
			String question) {
		if (!channel.prechatEnabled()) {
			return;
		}
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

	/**
	 * Leaves a message for later: outside business hours a new conversation in the
	 * group's backlog; while waiting in the queue, the waiting conversation becomes one.
	 * Either way it is no longer offered to agents automatically: an agent picks it up
	 * and answers when they can. One transaction, idempotent on the form's client id.
	 */
	Left leaveMessage(VisitorIdentity identity, LeftMessage form) {
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
		Visitor updated = visitor.withContact(name, email, phone, now);
		Long conversationId = this.transactions.execute((tx) -> {
			this.visitors.lock(visitor.id());
			this.visitors.update(updated);
			this.customers.link(updated, null, null, name, email, phone, now);
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
	 * Keeps on the conversation what routing should ask of its agent: the customer's
	 * language (his record's, else his browser's) and his level's skill.
	 */
	private void recordNeeds(long conversationId, Visitor visitor) {
		CustomerLinks.RoutingNeeds needs = this.customers.routingNeeds(visitor.id());
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

}
