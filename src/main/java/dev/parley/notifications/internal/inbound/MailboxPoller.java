package dev.parley.notifications.internal.inbound;

import java.time.Duration;

import dev.parley.platform.Leases;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for customers' replies in the inbound mailbox every
 * {@code parley.mail.inbound.poll-interval}, on one node of a cluster at a time (a
 * lease). A mailbox that cannot be reached is tried again on the next poll.
 */
@Component
@EnableConfigurationProperties(InboundMailProperties.class)
class MailboxPoller {

	private static final Logger logger = LoggerFactory.getLogger(MailboxPoller.class);

	static final String LEASE = "mail-inbound";

	/** Longer than a poll ever takes: per-poll limit times the IMAP timeout, and more. */
	private static final Duration LEASE_DURATION = Duration.ofMinutes(15);

	private final Leases leases;

	private final MailboxReader reader;

	MailboxPoller(Leases leases, MailboxReader reader) {
		this.leases = leases;
		this.reader = reader;
	}

	@Scheduled(fixedDelayString = "${parley.mail.inbound.poll-interval:30s}",
			initialDelayString = "${parley.mail.inbound.poll-interval:30s}")
	void poll() {
		pollNow();
	}

	/**
	 * Reads the mailbox now, unless another node (or thread) is reading it.
	 * @return whether this call read it
	 */
	boolean pollNow() {
		try {
			return this.leases.runExclusively(LEASE, LEASE_DURATION, this::read);
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the inbound mailbox failed; trying again on the next poll", ex);
			return false;
		}
	}

	private void read() {
		try {
			int handled = this.reader.readOnce();
			if (handled > 0) {
				logger.debug("Handled {} inbound mail(s)", handled);
			}
		}
		catch (MessagingException ex) {
			logger.warn("Could not read the inbound mailbox: {}", ex.getMessage());
		}
	}

}
