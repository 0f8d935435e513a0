package dev.parley.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification to one recipient, as a module asks for it.
 *
 * @param idempotencyKey the event and the recipient, e.g.
 * {@code message-left:42:visitor}; asking again with the same key stores nothing (at most
 * 200 characters)
 * @param channel e-mail or SMS
 * @param recipient an e-mail address or a phone number
 * @param audience a customer or a staff member
 * @param staffUserId the staff member it is for, or null
 * @param template the template's key, e.g. {@code message-left-ack}
 * @param language the recipient's language (en, zh-CN, zh-TW; others fall back)
 * @param values the template's values: strings, numbers, booleans, lists and maps of
 * those; escaped when they are put into HTML; a null value is left out
 * @param conversationId the conversation the notification is about (e-mails of one
 * conversation form one thread), or null
 * @param notBefore send no earlier than this, or null for at once
 * @param thread the thread of another module the e-mail belongs to (its reply token goes
 * into Message-ID and Reply-To; a reply reaches that module's InboundMailHandler), or
 * null; not together with a conversation
 * @param attachments files sent with an e-mail (at most {@link MailAttachment#MAX_FILES},
 * {@link MailAttachment#MAX_TOTAL_BYTES} together); none for a text message
 */
public record NotificationRequest(String idempotencyKey, NotificationChannel channel, String recipient,
		Audience audience, Long staffUserId, String template, String language, Map<String, Object> values,
		Long conversationId, Instant notBefore, MailThread thread, List<MailAttachment> attachments) {

	public NotificationRequest {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(audience, "audience");
		Objects.requireNonNull(template, "template");
		values = withoutNulls(values);
		if (thread != null && conversationId != null) {
			throw new IllegalArgumentException("A notification is about a conversation or a thread, not both");
		}
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		if (!attachments.isEmpty() && channel != NotificationChannel.EMAIL) {
			throw new IllegalArgumentException("Only an e-mail carries files");
		}
		long bytes = attachments.stream().mapToLong((a) -> a.content().length).sum();
		if (attachments.size() > MailAttachment.MAX_FILES || bytes > MailAttachment.MAX_TOTAL_BYTES) {
			throw new IllegalArgumentException("An e-mail carries at most " + MailAttachment.MAX_FILES + " files of "
					+ MailAttachment.MAX_TOTAL_BYTES + " bytes together");
		}
	}

	/** A notification in another module's thread, without files. */
	public NotificationRequest(String idempotencyKey, NotificationChannel channel, String recipient, Audience audience,
			Long staffUserId, String template, String language, Map<String, Object> values, Long conversationId,
			Instant notBefore, MailThread thread) {
		this(idempotencyKey, channel, recipient, audience, staffUserId, template, language, values, conversationId,
				notBefore, thread, List.of());
	}

	/** A notification outside any module's mail thread. */
	public NotificationRequest(String idempotencyKey, NotificationChannel channel, String recipient, Audience audience,
			Long staffUserId, String template, String language, Map<String, Object> values, Long conversationId,
			Instant notBefore) {
		this(idempotencyKey, channel, recipient, audience, staffUserId, template, language, values, conversationId,
				notBefore, null);
	}

	/**
	 * An e-mail to a customer in a thread of another module (a ticket), sent at once.
	 */
	public static NotificationRequest emailInThread(String key, String address, String template, String language,
			Map<String, Object> values, MailThread thread) {
		return new NotificationRequest(key, NotificationChannel.EMAIL, address, Audience.CUSTOMER, null, template,
				language, values, null, null, thread);
	}

	/** A value that is null is left out: the template shows it as empty. */
	private static Map<String, Object> withoutNulls(Map<String, Object> values) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>();
		if (values != null) {
			values.forEach((name, value) -> {
				if (value != null) {
					copy.put(name, value);
				}
			});
		}
		return java.util.Collections.unmodifiableMap(copy);
	}

	/** An e-mail to a customer, sent at once. */
	public static NotificationRequest emailToCustomer(String key, String address, String template, String language,
			Map<String, Object> values, Long conversationId) {
		return new NotificationRequest(key, NotificationChannel.EMAIL, address, Audience.CUSTOMER, null, template,
				language, values, conversationId, null);
	}

	/** A notification to a staff member, sent at once. */
	public static NotificationRequest toStaff(String key, NotificationChannel channel, String recipient,
			long staffUserId, String template, String language, Map<String, Object> values, Long conversationId) {
		return new NotificationRequest(key, channel, recipient, Audience.STAFF, staffUserId, template, language, values,
				conversationId, null);
	}

	public NotificationRequest notBefore(Instant at) {
		return new NotificationRequest(this.idempotencyKey, this.channel, this.recipient, this.audience,
				this.staffUserId, this.template, this.language, this.values, this.conversationId, at, this.thread,
				this.attachments);
	}

	/** The same e-mail with these files. */
	public NotificationRequest withAttachments(List<MailAttachment> files) {
		return new NotificationRequest(this.idempotencyKey, this.channel, this.recipient, this.audience,
				this.staffUserId, this.template, this.language, this.values, this.conversationId, this.notBefore,
				this.thread, files);
	}

}
