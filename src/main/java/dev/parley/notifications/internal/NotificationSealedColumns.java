package dev.parley.notifications.internal;

import java.util.List;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where notifications keep personal data sealed: recipients and template values of the
 * outbox and delivery log and the files of its e-mails, senders of inbound mail; and its
 * secrets: the mail account's passwords, the SMS gateway's secret headers and parameters.
 */
@Component
class NotificationSealedColumns implements SealedColumns {

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SealedColumn.of("notification", "recipient_sealed", "id"),
				SealedColumn.of("notification", "payload", "id"),
				SealedColumn.of("notification_attachment", "content", "id"),
				SealedColumn.of("inbound_mail", "sender_sealed", "id"),
				SealedColumn.secret("mail_account", "smtp_password", "id"),
				SealedColumn.secret("mail_account", "imap_password", "id"),
				SealedColumn.secretsWithin("sms_gateway", "headers", "id"),
				SealedColumn.secretsWithin("sms_gateway", "parameters", "id"));
	}

}
