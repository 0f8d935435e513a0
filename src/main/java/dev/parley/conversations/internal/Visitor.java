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

	/** The visitor with the contact details given now (null: keep what is known). */
	Visitor withContact(String name, String email, String phone, Instant now) {
		return new Visitor(this.id, this.channelId, this.customerExternalId, (name != null) ? name : this.name,
				(email != null) ? email : this.email, (phone != null) ? phone : this.phone, this.language,
				this.userAgent, this.ip, this.pageUrl, this.referrer, this.createdAt, now);
	}

}
