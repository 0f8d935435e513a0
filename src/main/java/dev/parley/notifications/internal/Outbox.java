package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.NotificationStatus;
import dev.parley.notifications.Notifications;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable outbox: stores each notification in the caller's transaction, with what
 * keeps it from being sent (an opted-out customer, a rate limit, a channel not set up, an
 * address that is none) recorded as {@link NotificationStatus#SUPPRESSED}, and wakes the
 * {@link OutboxWorker} once that transaction commits.
 */
@Service
class Outbox implements Notifications {

	static final String MAX_PER_RECIPIENT = "notifications.maxPerRecipientPerHour";

	static final String MAX_PER_TEMPLATE = "notifications.maxPerTemplatePerHour";

	static final String MAX_ATTEMPTS = "notifications.maxAttempts";

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,30}");

	private final NotificationRepository repository;

	private final Map<NotificationChannel, ChannelSender> senders;

	private final Unsubscribes unsubscribes;

	private final Templates templates;

	private final Settings settings;

	private final OutboxWorker worker;

	private final JsonMapper json;

	private final Clock clock;

	private final ReplyTokens tokens;

	private final NotificationAttachments attachments;

	Outbox(NotificationRepository repository, List<ChannelSender> senders, Unsubscribes unsubscribes,
			Templates templates, Settings settings, OutboxWorker worker, JsonMapper json, Clock clock,
			ReplyTokens tokens, NotificationAttachments attachments) {
		this.tokens = tokens;
		this.attachments = attachments;
		this.repository = repository;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.unsubscribes = unsubscribes;
		this.templates = templates;
		this.settings = settings;
		this.worker = worker;
		this.json = json;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions notificationSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(MAX_PER_RECIPIENT, 20, 1, 1000),
				SettingDefinition.integer(MAX_PER_TEMPLATE, 10, 1, 1000),
				SettingDefinition.integer(MAX_ATTEMPTS, 10, 1, 30));
	}

	@Override
	public Optional<Long> enqueue(NotificationRequest request) {
		TemplateKey template = TemplateKey.of(request.template())
			.orElseThrow(() -> new IllegalArgumentException("No notification template " + request.template()));
		Instant now = this.clock.instant();
		String recipient = request.recipient().strip();
		String suppressed = suppression(request, recipient, now);
		Instant due = (request.notBefore() != null && request.notBefore().isAfter(now)) ? request.notBefore() : now;
		Optional<Long> id = this.repository.insert(new NotificationRepository.NewNotification(
				truncateKey(request.idempotencyKey()), request.channel(), truncate(recipient, 254), request.audience(),
				request.staffUserId(), template.key(), this.templates.languageFor(request.language()),
				this.json.writeValueAsString(values(request)), request.conversationId(),
				(suppressed != null) ? NotificationStatus.SUPPRESSED : NotificationStatus.PENDING, due, suppressed, now,
				(request.thread() != null) ? request.thread().name() : null));
		id.ifPresent((stored) -> this.attachments.store(stored, request.attachments()));
		if (id.isPresent() && suppressed == null && !due.isAfter(now)) {
			wakeAfterCommit();
		}
		return id;
	}

	/**
	 * The template's values; an e-mail in another module's thread gets the thread's reply
	 * token (Envelopes puts it into Message-ID and Reply-To).
	 */
	private Map<String, Object> values(NotificationRequest request) {
		if (request.thread() == null || request.channel() != NotificationChannel.EMAIL) {
			return request.values();
		}
		Map<String, Object> values = new java.util.LinkedHashMap<>(request.values());
		values.put(Envelopes.REPLY_TOKEN, this.tokens.tokenFor(request.thread()));
		return values;
	}

	/** Why the notification must not be sent, or null. */
	private String suppression(NotificationRequest request, String recipient, Instant now) {
		if (!validRecipient(request.channel(), recipient)) {
			return "Not a valid "
					+ ((request.channel() == NotificationChannel.EMAIL) ? "e-mail address" : "phone number");
		}
		if (request.audience() == Audience.CUSTOMER && request.channel() == NotificationChannel.EMAIL
				&& this.unsubscribes.optedOut(recipient)) {
			return "The recipient unsubscribed";
		}
		ChannelSender sender = this.senders.get(request.channel());
		if (sender == null || !sender.ready()) {
			return ((request.channel() == NotificationChannel.EMAIL) ? "E-mail" : "SMS") + " is not set up";
		}
		Instant hourAgo = now.minus(Duration.ofHours(1));
		int perRecipient = this.settings.getInt(MAX_PER_RECIPIENT);
		if (this.repository.countRecent(recipient, null, hourAgo) >= perRecipient) {
			return "Rate limited: " + perRecipient + " notifications to this recipient in the last hour";
		}
		int perTemplate = this.settings.getInt(MAX_PER_TEMPLATE);
		if (this.repository.countRecent(recipient, request.template(), hourAgo) >= perTemplate) {
			return "Rate limited: " + perTemplate + " of this kind to this recipient in the last hour";
		}
		return null;
	}

	static boolean validRecipient(NotificationChannel channel, String recipient) {
		if (recipient.isEmpty() || recipient.length() > 254 || recipient.chars().anyMatch(Character::isISOControl)) {
			return false;
		}
		if (channel == NotificationChannel.SMS) {
			return PHONE.matcher(recipient).matches();
		}
		try {
			InternetAddress address = new InternetAddress(recipient, true);
			address.validate();
			return address.getAddress().equals(recipient) && address.getPersonal() == null;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.worker.wake();
				}
			});
		}
		else {
			this.worker.wake();
		}
	}

	private static String truncateKey(String key) {
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("An idempotency key has 1 to 200 characters: " + key);
		}
		return key;
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
