package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.ConversationStatus;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends agents' replies to visitors who are no longer in the chat: by e-mail (or SMS when
 * the visitor gave only a phone number), replies the visitor has not read within
 * {@code notifications.replyByMailAfterSeconds}, and at once in a conversation where he
 * left a message or that is closed (an agent's follow-up). One e-mail carries every reply
 * not mailed before. It reads the transcripts every few seconds on one node (a lease)
 * instead of listening to every chat message, so the chat's own path pays nothing for it;
 * how far it has read is kept in the database, and the idempotency key of each e-mail
 * makes reading a stretch twice harmless.
 */
@Component
class ReplyMailer {

	private static final Logger logger = LoggerFactory.getLogger(ReplyMailer.class);

	static final String DELAY_SETTING = "notifications.replyByMailAfterSeconds";

	/** Read again on every scan, for replies whose transaction committed late. */
	private static final Duration OVERLAP = Duration.ofMinutes(2);

	private static final int LIMIT = 5000;

	private final ConversationMail conversations;

	private final Notifications notifications;

	private final ReplyTokens tokens;

	private final Settings settings;

	private final Leases leases;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReplyMailer(ConversationMail conversations, Notifications notifications, ReplyTokens tokens, Settings settings,
			Leases leases, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.conversations = conversations;
		this.notifications = notifications;
		this.tokens = tokens;
		this.settings = settings;
		this.leases = leases;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions replyMailSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(DELAY_SETTING, 120, 30, 86_400));
	}

	@Scheduled(fixedDelayString = "${parley.notifications.reply-scan:10s}",
			initialDelayString = "${parley.notifications.reply-scan:10s}")
	void scheduledScan() {
		try {
			this.leases.runExclusively("notifications.reply-mailer", Duration.ofMinutes(2), this::scan);
		}
		catch (RuntimeException ex) {
			logger.warn("Reading agents' unread replies failed; trying again shortly", ex);
		}
	}

	/**
	 * One pass: every reply that is due is mailed (or stored to be).
	 * @return how many e-mails or text messages were asked for
	 */
	int scan() {
		Instant now = this.clock.instant();
		Duration delay = Duration.ofSeconds(this.settings.getInt(DELAY_SETTING));
		long scanned = this.jdbc.sql("SELECT scanned_until FROM reply_mail_scan WHERE id = 1")
			.query(Long.class)
			.single();
		boolean first = scanned == 0;
		if (first) {
			// the first scan of an installation (or of one upgraded to this version):
			// from
			// now on, never the replies of its whole past
			scanned = now.minus(delay).toEpochMilli();
		}
		Instant after = Instant.ofEpochMilli(scanned).minus(OVERLAP);
		List<ConversationMail.UnreadReply> replies = this.conversations.unreadAgentReplies(after, now, LIMIT);
		Map<Long, List<ConversationMail.UnreadReply>> byConversation = new LinkedHashMap<>();
		replies.forEach(
				(r) -> byConversation.computeIfAbsent(r.contact().conversationId(), (k) -> new ArrayList<>()).add(r));
		int asked = 0;
		for (List<ConversationMail.UnreadReply> conversation : byConversation.values()) {
			ConversationMail.Contact contact = conversation.get(0).contact();
			boolean away = contact.leftMessage() || contact.status() == ConversationStatus.CLOSED;
			Instant dueBefore = away ? now : now.minus(delay);
			List<ConversationMail.UnreadReply> due = conversation.stream()
				.filter((r) -> !r.at().isAfter(dueBefore))
				.toList();
			if (!due.isEmpty() && Boolean.TRUE.equals(this.transactions.execute((tx) -> mail(contact, due)))) {
				asked++;
			}
		}
		// what is younger than the delay is read again next time
		Instant reached = (replies.size() >= LIMIT) ? replies.get(replies.size() - 1).at() : now.minus(delay);
		if (first || reached.toEpochMilli() > scanned) {
			this.jdbc.sql("UPDATE reply_mail_scan SET scanned_until = ? WHERE id = 1")
				.param(reached.toEpochMilli())
				.update();
		}
		return asked;
	}

	/**
	 * Mails the replies after the last one mailed, and moves the mark; in one
	 * transaction.
	 */
	private boolean mail(ConversationMail.Contact contact, List<ConversationMail.UnreadReply> due) {
		long conversationId = contact.conversationId();
		Long mailed = this.jdbc.sql("SELECT mailed_seq FROM reply_mail_mark WHERE conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.optional()
			.orElse(0L);
		List<ConversationMail.UnreadReply> fresh = due.stream().filter((r) -> r.seq() > mailed).toList();
		if (fresh.isEmpty()) {
			return false;
		}
		long last = fresh.get(fresh.size() - 1).seq();
		Map<String, Object> values = new HashMap<>();
		values.put("name", contact.name());
		values.put("agent", fresh.get(fresh.size() - 1).agentName());
		values.put("messages",
				fresh.stream()
					.map((r) -> Map.<String, Object>of("text", (r.text() != null) ? r.text() : "📎 " + r.fileName()))
					.toList());
		values.put(Envelopes.REPLY_TOKEN, this.tokens.tokenFor(conversationId, contact.visitorId()));
		String key = "agent-reply:" + conversationId + ":" + last;
		NotificationChannel channel = (contact.email() != null) ? NotificationChannel.EMAIL : NotificationChannel.SMS;
		String recipient = (contact.email() != null) ? contact.email() : contact.phone();
		this.notifications.enqueue(new NotificationRequest(key, channel, recipient, Audience.CUSTOMER, null,
				TemplateKey.AGENT_REPLY.key(), contact.language(), values, conversationId, null));
		if (this.jdbc.sql("UPDATE reply_mail_mark SET mailed_seq = ? WHERE conversation_id = ?")
			.params(last, conversationId)
			.update() == 0) {
			this.jdbc.sql("INSERT INTO reply_mail_mark (conversation_id, mailed_seq) VALUES (?, ?)")
				.params(conversationId, last)
				.update();
		}
		return true;
	}

}
