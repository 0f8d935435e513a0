/**
 * Notifications: e-mails and text messages that are never lost. A durable outbox written
 * in the transaction of the module event that causes a notification, sent by one node
 * with retries; templates per language; the mail account (SMTP out, IMAP in for
 * customers' replies) and the SMS gateway; the delivery log. Modules above it ask it to
 * send through {@link dev.parley.notifications.Notifications}; modules below it are
 * listened to.
 */
package dev.parley.notifications;
