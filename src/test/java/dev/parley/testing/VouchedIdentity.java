package dev.parley.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;

/**
 * What a website sends the widget to vouch for its visitor (docs/customers.md, "Widget
 * identity for site owners"), computed as the site's server would with the channel's
 * identity secret.
 */
public final class VouchedIdentity {

	private VouchedIdentity() {
	}

	/** {@code customerEmail} and {@code customerEmailHash} for a verified address. */
	public static Map<String, Object> email(JsonNode channel, String email) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(channel.path("identitySecret").asString().getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			byte[] hash = mac.doFinal(("email:" + email.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return Map.of("customerEmail", email, "customerEmailHash", HexFormat.of().formatHex(hash));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
