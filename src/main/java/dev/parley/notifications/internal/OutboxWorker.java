package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.administration.Settings;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each node claims due notifications in batches (a claim
 * lasts {@code parley.notifications.claim-duration}, 5 minutes: a node that dies mid-send
 * leaves them to the others after that), hands each channel's share to its sender over
 * one connection, and records every outcome: sent; tried again later with exponential
 * backoff (30 s doubling up to an hour, with jitter) until
 * {@code notifications.maxAttempts}; or failed for good. It runs when a notification is
 * stored (after its transaction commits) and every few seconds for the rest (retries,
 * other nodes' notifications, ones left by a crash).
 */
@Component
class OutboxWorker {

	private static final Logger logger = LoggerFactory.getLogger(OutboxWorker.class);

	private static final int BATCH = 50;

	/** E-mails sent over one connection between two renewals of their claim. */
	private static final int EMAIL_CHUNK = 10;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final NotificationRepository repository;

	private final Map<NotificationChannel, ChannelSender> senders;

	private final Envelopes envelopes;

	private final MailAccountRepository accounts;

	private final Settings settings;

	private final Unsubscribes unsubscribes;

	private final Clock clock;

	private final Duration claimDuration;

	private final TransactionTemplate transactions;

	private final String node = UUID.randomUUID().toString();

	private final ReentrantLock draining = new ReentrantLock();

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ExecutorService waker = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "notification-outbox");
		thread.setDaemon(true);
		return thread;
	});

	private final Counter sent;

	private final Counter retried;

	private final Counter failed;

	OutboxWorker(NotificationRepository repository, List<ChannelSender> senders, Envelopes envelopes,
			MailAccountRepository accounts, Settings settings, Unsubscribes unsubscribes, Clock clock,
			MeterRegistry meters, @Value("${parley.notifications.claim-duration:5m}") Duration claimDuration,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.unsubscribes = unsubscribes;
		this.claimDuration = claimDuration;
		this.repository = repository;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.envelopes = envelopes;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.sent = meters.counter("parley.notifications.sent");
		this.retried = meters.counter("parley.notifications.retried");
		this.failed = meters.counter("parley.notifications.failed");
		Gauge.builder("parley.notifications.backlog", repository, NotificationRepository::backlog).register(meters);
		Gauge.builder("parley.notifications.oldest.age", repository, (notifications) -> notifications.oldestAge(clock))
			.description("Age of the oldest notification not yet sent")
			.baseUnit("seconds")
			.register(meters);
	}

	/** Drains soon, on the worker's own thread; calls while one is queued add nothing. */
	void wake() {
		if (this.wakeQueued.compareAndSet(false, true)) {
			this.waker.execute(() -> {
				this.wakeQueued.set(false);
				drainQuietly();
			});
		}
	}

	@Scheduled(fixedDelayString = "${parley.notifications.poll-interval:5s}",
			initialDelayString = "${parley.notifications.poll-interval:5s}")
	void poll() {
		drainQuietly();
	}

	private void drainQuietly() {
		try {
			drain();
		}
		catch (RuntimeException ex) {
			logger.warn("Sending notifications failed; trying again shortly", ex);
		}
	}

	/**
	 * Sends every notification that is due now, batch after batch.
	 * @return how many were handed to a sender
	 */
	int drain() {
		// a call that finds another one draining leaves this flag, and that one drains
		// again: nothing stored meanwhile waits for the next poll
		this.pending.set(true);
		int handled = 0;
		while (this.draining.tryLock()) {
			try {
				while (this.pending.getAndSet(false)) {
					handled += drainBatches();
				}
			}
			finally {
				this.draining.unlock();
			}
			if (!this.pending.get()) {
				break;
			}
		}
		return handled;
	}

	private int drainBatches() {
		int handled = 0;
		while (true) {
			Instant now = this.clock.instant();
			List<Notification> batch = this.repository.claimDue(this.node, now, now.plus(this.claimDuration), BATCH);
			if (batch.isEmpty()) {
				return handled;
			}
			send(batch);
			handled += batch.size();
		}
	}

	private void send(List<Notification> batch) {
		Map<NotificationChannel, List<Notification>> byChannel = new LinkedHashMap<>();
		batch.forEach((n) -> byChannel.computeIfAbsent(n.channel(), (c) -> new ArrayList<>()).add(n));
		MailAccount account = this.accounts.load();
		byChannel.forEach((channel, notifications) -> {
			ChannelSender sender = this.senders.get(channel);
			boolean channelReady = sender != null && sender.ready();
			List<Notification> ready = new ArrayList<>();
			List<Outgoing> outgoing = new ArrayList<>();
			for (Notification n : notifications) {
				if (n.audience() == Audience.CUSTOMER && channel == NotificationChannel.EMAIL
						&& this.unsubscribes.optedOut(n.recipient())) {
					this.repository.markFinal(n.id(), this.node, NotificationStatus.SUPPRESSED,
							"The recipient unsubscribed");
					continue;
				}
				if (!channelReady) {
					retryOrFail(n, channel.value() + " is not set up");
					continue;
				}
				try {
					outgoing.add(this.envelopes.outgoing(n, account));
					ready.add(n);
				}
				catch (RuntimeException ex) {
					logger.warn("Notification {} cannot be rendered", n.id(), ex);
					fail(n, "Cannot be rendered: " + ex.getMessage());
				}
			}
			int chunk = (channel == NotificationChannel.EMAIL) ? EMAIL_CHUNK : 1;
			for (int from = 0; from < ready.size(); from += chunk) {
				int to = Math.min(from + chunk, ready.size());
				sendChunk(sender, ready.subList(from, to), outgoing.subList(from, to));
			}
		});
	}

	/**
	 * Sends a few notifications at once, after renewing their claim: however slowly a
	 * provider answers, no other node takes over a notification this one is still about
	 * to send. The outcomes are recorded in one commit (one disk write on H2).
	 */
	private void sendChunk(ChannelSender sender, List<Notification> notifications, List<Outgoing> outgoing) {
		Instant now = this.clock.instant();
		java.util.Set<Long> ours = this.repository.renewClaims(notifications.stream().map(Notification::id).toList(),
				this.node, now.plus(this.claimDuration));
		List<Notification> ready = new ArrayList<>();
		List<Outgoing> mine = new ArrayList<>();
		for (int i = 0; i < notifications.size(); i++) {
			if (ours.contains(notifications.get(i).id())) {
				ready.add(notifications.get(i));
				mine.add(outgoing.get(i));
			}
		}
		if (ready.isEmpty()) {
			return;
		}
		List<DeliveryResult> results;
		try {
			results = sender.sendAll(mine);
		}
		catch (RuntimeException ex) {
			logger.warn("Sending {} notifications failed unexpectedly; they are tried again", ready.size(), ex);
			results = mine.stream().map((m) -> DeliveryResult.retry("Unexpected: " + ex.getMessage())).toList();
		}
		List<DeliveryResult> outcomes = results;
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 0; i < ready.size(); i++) {
				record(ready.get(i), mine.get(i), outcomes.get(i));
			}
		});
	}

	private void record(Notification n, Outgoing outgoing, DeliveryResult result) {
		if (result instanceof DeliveryResult.Delivered delivered) {
			this.repository.markSent(n.id(), this.node, delivered.providerMessageId(), outgoing.messageId(),
					this.clock.instant());
			if (TemplateKey.of(n.template()).map(TemplateKey::secret).orElse(false)) {
				this.repository.forgetValues(n.id());
			}
			this.sent.increment();
		}
		else if (result instanceof DeliveryResult.Retry retry) {
			retryOrFail(n, retry.error());
		}
		else if (result instanceof DeliveryResult.Refused refused) {
			logger.warn("Notification {} ({} to {}) refused for good: {}", n.id(), n.template(), n.channel(),
					refused.error());
			fail(n, refused.error());
		}
	}

	private void retryOrFail(Notification n, String error) {
		if (n.attempts() >= this.settings.getInt(Outbox.MAX_ATTEMPTS)) {
			logger.warn("Notification {} ({}) failed after {} attempts: {}", n.id(), n.template(), n.attempts(), error);
			fail(n, error);
			return;
		}
		this.repository.markRetry(n.id(), this.node, error, this.clock.instant().plus(backoff(n.attempts())));
		this.retried.increment();
	}

	private void fail(Notification n, String error) {
		this.repository.markFinal(n.id(), this.node, NotificationStatus.FAILED, error);
		this.failed.increment();
	}

	/** 30 s after the first attempt, doubling up to an hour, give or take a tenth. */
	static Duration backoff(int attempts) {
		long base = FIRST_RETRY.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(base, LONGEST_RETRY.toMillis());
		long jitter = (long) (capped * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
		return Duration.ofMillis(capped + jitter);
	}

	@PreDestroy
	void stop() {
		this.waker.shutdownNow();
	}

}
