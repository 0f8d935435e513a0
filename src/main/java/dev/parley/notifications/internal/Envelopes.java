package dev.parley.notifications.internal;

import java.util.HashMap;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns an outbox row into what a {@link ChannelSender} sends: the rendered texts and,
 * for e-mail, the headers that thread it. A notification about a conversation (or in
 * another module's MailThread) gets its reply token (payload value {@value #REPLY_TOKEN})
 * in its Message-ID and in its Reply-To address, and answers the previous e-mail of the
 * thread to the same address; a customer's e-mail gets its unsubscribe link; the files
 * stored with it are attached.
 */
@Component
class Envelopes {

	/** The payload value that holds the conversation's reply token (ReplyTokens). */
	static final String REPLY_TOKEN = "replyToken";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Templates templates;

	private final NotificationRepository repository;

	private final Unsubscribes unsubscribes;

	private final Settings settings;

	private final JsonMapper json;

	private final NotificationAttachments attachments;

	Envelopes(Templates templates, NotificationRepository repository, Unsubscribes unsubscribes, Settings settings,
			JsonMapper json, NotificationAttachments attachments) {
		this.attachments = attachments;
		this.templates = templates;
		this.repository = repository;
		this.unsubscribes = unsubscribes;
		this.settings = settings;
		this.json = json;
	}

	Outgoing outgoing(Notification n, MailAccount account) {
		TemplateKey key = TemplateKey.of(n.template())
			.orElseThrow(() -> new IllegalStateException("No template " + n.template()));
		Map<String, Object> values = new HashMap<>(this.json.readValue(n.payload(), MAP));
		String unsubscribe = null;
		if (n.audience() == Audience.CUSTOMER && n.channel() == NotificationChannel.EMAIL) {
			unsubscribe = this.settings.get("organisation.publicUrl") + "/unsubscribe/"
					+ this.unsubscribes.tokenFor(n.recipient());
			values.put("unsubscribeUrl", unsubscribe);
		}
		Templates.Rendered rendered = this.templates.render(key, n.language(), values);
		if (n.channel() == NotificationChannel.SMS) {
			return new Outgoing(n.id(), n.recipient(), n.audience(), rendered.subject(), null,
					smsText(key, n.language(), values), null, null, null, null);
		}
		String token = (values.get(REPLY_TOKEN) instanceof String t) ? t : null;
		String domain = EmailSender.domainOf(account.fromAddress());
		String messageId = "parley." + ((token != null) ? token + "." : "") + "n" + n.id() + "."
				+ Long.toString(n.createdAt().toEpochMilli(), 36) + "@" + domain;
		String replyTo = null;
		if (token != null) {
			String base = (account.replyAddress() != null) ? account.replyAddress() : account.fromAddress();
			int at = base.lastIndexOf('@');
			replyTo = base.substring(0, at) + "+" + token + base.substring(at);
		}
		String inReplyTo = (n.conversationId() != null)
				? this.repository.lastMessageId(n.conversationId(), n.recipient()).orElse(null) : (n.thread() != null)
						? this.repository.lastMessageIdInThread(n.thread(), n.recipient()).orElse(null) : null;
		return new Outgoing(n.id(), n.recipient(), n.audience(), rendered.subject(), rendered.html(), rendered.text(),
				messageId, inReplyTo, replyTo, unsubscribe, this.attachments.of(n.id()));
	}

	/**
	 * An SMS is the template's subject and plain text without the e-mail layout (no
	 * footer), at most 600 characters.
	 */
	private String smsText(TemplateKey key, String language, Map<String, Object> values) {
		String text = this.templates.plainBody(key, language, values).strip();
		return (text.length() > 600) ? text.substring(0, 597) + "..." : text;
	}

}
