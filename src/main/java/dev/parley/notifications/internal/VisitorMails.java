package dev.parley.notifications.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.conversations.ConversationClosed;
import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.MessageLeft;
import dev.parley.conversations.TranscriptRequested;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What visitors get: an acknowledgement of a message they left (by e-mail, or by SMS when
 * they gave only a phone number), and the transcript they asked for when their
 * conversation closes. Each stored in the transaction of the module event's listener, so
 * a crash loses none and a repeated event sends nothing twice.
 */
@Component
class VisitorMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final ConversationMail conversations;

	private final ReplyTokens tokens;

	private final Settings settings;

	VisitorMails(Notifications notifications, ConversationMail conversations, ReplyTokens tokens, Settings settings) {
		this.notifications = notifications;
		this.conversations = conversations;
		this.tokens = tokens;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(MessageLeft event) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", event.name());
		values.put("text", event.text());
		values.put(Envelopes.REPLY_TOKEN, this.tokens.tokenFor(event.conversationId(), event.visitorId()));
		String key = "message-left-ack:" + event.conversationId();
		ConversationMail.Contact contact = this.conversations.contact(event.conversationId()).orElse(null);
		if (contact == null) {
			return;
		}
		if (contact.email() != null) {
			this.notifications.enqueue(NotificationRequest.emailToCustomer(key, contact.email(),
					TemplateKey.MESSAGE_LEFT_ACK.key(), event.language(), values, event.conversationId()));
		}
		else if (contact.phone() != null) {
			this.notifications
				.enqueue(new NotificationRequest(key, NotificationChannel.SMS, contact.phone(), Audience.CUSTOMER, null,
						TemplateKey.MESSAGE_LEFT_ACK.key(), event.language(), values, event.conversationId(), null));
		}
	}

	@ApplicationModuleListener
	void on(ConversationClosed event) {
		this.conversations.transcriptRequest(event.conversationId())
			.ifPresent((address) -> sendTranscript(event.conversationId(), address, event.closedAt()));
	}

	/**
	 * Whether the conversation is closed is read again here, after the request committed:
	 * a close that committed in between finds the request at its own listener, or this
	 * one finds the conversation closed (one transcript per closing either way).
	 */
	@ApplicationModuleListener
	void on(TranscriptRequested event) {
		this.conversations.contact(event.conversationId())
			.filter((contact) -> contact.closedAt() != null)
			.ifPresent((contact) -> this.conversations.transcriptRequest(event.conversationId())
				.ifPresent((address) -> sendTranscript(event.conversationId(), address, contact.closedAt())));
	}

	/** One transcript per closing of the conversation. */
	private void sendTranscript(long conversationId, String address, Instant closedAt) {
		ConversationMail.Contact contact = this.conversations.contact(conversationId).orElse(null);
		if (contact == null) {
			return;
		}
		List<ConversationMail.Line> lines = this.conversations.transcript(conversationId);
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		Map<String, Object> values = new HashMap<>();
		values.put("name", contact.name());
		values.put("started", lines.isEmpty() ? "" : DAY_TIME.format(lines.get(0).at().atZone(zone)));
		values.put("lines", lines.stream().map((line) -> {
			Map<String, Object> item = new HashMap<>();
			item.put("mine", line.visitor());
			item.put("who", line.name());
			item.put("at", TIME.format(line.at().atZone(zone)));
			item.put("text", (line.text() != null) ? line.text() : "📎 " + line.fileName());
			return item;
		}).toList());
		values.put(Envelopes.REPLY_TOKEN, this.tokens.tokenFor(conversationId, contact.visitorId()));
		this.notifications
			.enqueue(NotificationRequest.emailToCustomer("transcript:" + conversationId + ":" + closedAt.toEpochMilli(),
					address, TemplateKey.TRANSCRIPT.key(), contact.language(), values, conversationId));
	}

}
