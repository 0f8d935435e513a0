package dev.parley.conversations.internal;

import java.util.List;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where live chat keeps personal data sealed: the visitor's e-mail address, phone number
 * and IP address, the IP a conversation started from, the address a transcript was asked
 * for; and the channels' identity secrets.
 */
@Component
class ConversationSealedColumns implements SealedColumns {

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SealedColumn.of("visitor", "email_sealed", "id"),
				SealedColumn.of("visitor", "phone_sealed", "id"), SealedColumn.of("visitor", "ip_sealed", "id"),
				SealedColumn.of("conversation", "ip_sealed", "id"),
				SealedColumn.of("conversation", "transcript_email_sealed", "id"),
				SealedColumn.secret("chat_channel", "identity_secret_sealed", "id").withPlainCopy("identity_secret"));
	}

}
