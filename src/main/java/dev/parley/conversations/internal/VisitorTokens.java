package dev.parley.conversations.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.ServerSecrets;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signed visitor tokens: {@code pvt_<payload>.<signature>}, the payload naming the
 * visitor, the channel and an expiry, the signature an HMAC-SHA256 with a secret every
 * node shares. Nothing is stored per token; a token cannot be altered or moved to another
 * channel, and each token has exactly one spelling (unpadded base64url, as issued).
 */
@Component
public class VisitorTokens {

	static final String PREFIX = "pvt_";

	static final Duration LIFETIME = Duration.ofDays(180);

	private static final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

	private final ServerSecrets secrets;

	private final Clock clock;

	VisitorTokens(ServerSecrets secrets, Clock clock) {
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Creates (or reads) the signing secret once the application is up. Left to the first
	 * visitor's arrival, it would be created inside that arrival's transaction, which
	 * holds a pooled connection while creating takes another.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepareSecret() {
		this.secrets.secret("visitor-token");
	}

	/** Who a valid token speaks for. */
	public record VisitorIdentity(long visitorId, long channelId) {
	}

	public String issue(long visitorId, long channelId) {
		long expires = this.clock.instant().plus(LIFETIME).getEpochSecond();
		String payload = encoder
			.encodeToString(("v1:" + visitorId + ":" + channelId + ":" + expires).getBytes(StandardCharsets.UTF_8));
		return PREFIX + payload + "." + encoder.encodeToString(sign(payload));
	}

	/**
	 * @return the identity, or empty for anything forged, altered, malformed or expired
	 */
	public Optional<VisitorIdentity> verify(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 300) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String payload = token.substring(PREFIX.length(), dot);
		try {
			// compared as written, not decoded: a decoder takes padding and ignores the
			// unused low bits of the last character, so one signature would have several
			// spellings, and a token must have exactly one
			byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
			if (!MessageDigest.isEqual(signature,
					encoder.encodeToString(sign(payload)).getBytes(StandardCharsets.US_ASCII))) {
				return Optional.empty();
			}
			String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split(":");
			if (parts.length != 4 || !parts[0].equals("v1")) {
				return Optional.empty();
			}
			if (Long.parseLong(parts[3]) < this.clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(new VisitorIdentity(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] sign(String payload) {
		return this.secrets.hmacSha256("visitor-token", payload.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Checks a website's claim that the visitor is one of its customers:
	 * {@code hex(HMAC-SHA256(channel secret, customerId))}.
	 */
	static boolean verifiesCustomer(String channelSecret, String customerId, String hash) {
		if (customerId == null || customerId.isBlank() || customerId.length() > 128) {
			return false;
		}
		return verifies(channelSecret, customerId, hash);
	}

	/** What a vouched-for address's MAC is over: its own domain, apart from ids. */
	static final String EMAIL_DOMAIN = "email:";

	/**
	 * Checks a website's claim that the visitor has proven an address:
	 * {@code hex(HMAC-SHA256(channel secret, "email:" + lower-cased address))}. The
	 * prefix keeps it apart from customer ids, so a site whose user ids look like
	 * addresses does not hand out e-mail vouches with its id hashes.
	 */
	static boolean verifiesEmail(String channelSecret, String address, String hash) {
		if (address == null || address.isBlank() || address.length() > 254) {
			return false;
		}
		return verifies(channelSecret, EMAIL_DOMAIN + address.toLowerCase(java.util.Locale.ROOT), hash);
	}

	private static boolean verifies(String channelSecret, String message, String hash) {
		if (hash == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
			byte[] given = java.util.HexFormat.of().parseHex(hash.strip().toLowerCase(java.util.Locale.ROOT));
			return MessageDigest.isEqual(expected, given);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
