package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.Objects;

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

	/**
	 * @return whether the other is the same visitor with the same details, seen at any
	 * time (a returning visitor's page load on the same page usually is)
	 */
	boolean sameDetails(Visitor other) {
		return this.id == other.id && this.channelId == other.channelId
				&& Objects.equals(this.customerExternalId, other.customerExternalId)
				&& Objects.equals(this.name, other.name) && Objects.equals(this.email, other.email)
				&& Objects.equals(this.phone, other.phone) && Objects.equals(this.language, other.language)
				&& Objects.equals(this.userAgent, other.userAgent) && Objects.equals(this.ip, other.ip)
				&& Objects.equals(this.pageUrl, other.pageUrl) && Objects.equals(this.referrer, other.referrer);
	}

}
