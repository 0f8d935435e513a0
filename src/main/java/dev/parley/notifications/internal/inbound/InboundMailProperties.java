package dev.parley.notifications.internal.inbound;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbound mailbox is read (the mailbox itself is the mail account's, set in the
 * console).
 *
 * @param pollInterval how often one node looks for new mail
 * @param maxSize a larger mail is recorded as too large and not read
 * @param perPoll the most mails handled in one poll (the rest wait for the next)
 * @param timeout connecting to and each answer from the IMAP server
 * @param processedFolder a folder to move handled mail to; empty: it stays, marked seen
 */
@ConfigurationProperties("parley.mail.inbound")
@Validated
record InboundMailProperties(@DefaultValue("30s") Duration pollInterval, @DefaultValue("15MB") DataSize maxSize,
		@DefaultValue("50") @Min(1) @Max(1000) int perPoll, @DefaultValue("20s") Duration timeout,
		String processedFolder) {
}
