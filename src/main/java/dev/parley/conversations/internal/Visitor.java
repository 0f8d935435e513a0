package dev.parley.conversations.internal;

import java.time.Instant;

/**
 * Someone chatting from a channel. {@code customerExternalId} is set only when the
 * website vouched for it with a correct HMAC.
 */
public record Visitor(long id, long channelId, String customerExternalId, String name, String email, String phone,
		String language, String userAgent, String ip, String pageUrl, String referrer, Instant createdAt,
		Instant lastSeenAt) {

	public boolean verified() {
		return this.customerExternalId != null;
	}

}
