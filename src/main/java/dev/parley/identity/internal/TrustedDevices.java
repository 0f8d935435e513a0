package dev.parley.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.platform.ServerSecrets;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Device cookies: proof that a browser has signed in to an account before
 * ({@code <userId>.<deviceId>.<expiry>.<signature>}, an HMAC with a secret every node
 * shares). The right password from such a browser is not held up by the failures of
 * others (docs/decisions/0003-sign-in-throttling.md). A device cookie is no session and
 * grants nothing by itself.
 */
@Component
public class TrustedDevices {

	/** The cookie's name. */
	public static final String COOKIE = "PARLEY_DEVICE";

	/** How long a device cookie is valid. */
	public static final Duration LIFETIME = Duration.ofDays(180);

	private static final String SECRET = "device-cookie";

	private static final Pattern SHAPE = Pattern
		.compile("[0-9]{1,19}\\.[0-9a-f]{32}\\.[0-9]{1,19}\\.[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

	private static final SecureRandom random = new SecureRandom();

	private final ServerSecrets secrets;

	TrustedDevices(ServerSecrets secrets) {
		this.secrets = secrets;
	}

	/**
	 * Loads the signing secret once the application is up, not inside the first sign-in's
	 * transaction (which would hold one pooled connection while asking for another).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepareSecret() {
		this.secrets.secret(SECRET);
	}

	/** A device cookie's content, once its signature has been checked. */
	record Device(long userId, String deviceId) {
	}

	/**
	 * @return a fresh device cookie value for the account
	 */
	String issue(long userId, Instant now) {
		byte[] id = new byte[16];
		random.nextBytes(id);
		String payload = userId + "." + HexFormat.of().formatHex(id) + "." + now.plus(LIFETIME).getEpochSecond();
		return payload + "." + sign(payload);
	}

	/**
	 * @return the device the cookie names, or empty for anything forged, altered,
	 * malformed or expired
	 */
	Optional<Device> verify(String cookie, Instant now) {
		if (cookie == null || !SHAPE.matcher(cookie).matches()) {
			return Optional.empty();
		}
		int lastDot = cookie.lastIndexOf('.');
		String payload = cookie.substring(0, lastDot);
		byte[] given = cookie.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		String[] parts = payload.split("\\.");
		try {
			if (Long.parseLong(parts[2]) < now.getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(new Device(Long.parseLong(parts[0]), parts[1]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private String sign(String payload) {
		return encoder.encodeToString(this.secrets.hmacSha256(SECRET, payload.getBytes(StandardCharsets.US_ASCII)));
	}

}
