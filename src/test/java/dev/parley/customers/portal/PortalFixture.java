package dev.parley.customers.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import dev.parley.testing.VouchedIdentity;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering, verifying and signing in portal customers for the portal's tests. */
final class PortalFixture {

	static final String PASSWORD = "Portal-Passw0rd!";

	static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("#token=([A-Za-z0-9_-]+)");

	private PortalFixture() {
	}

	static ApiClient.Response register(ApiClient client, String email, String password) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("password", password);
		body.put("name", "Li Lei");
		body.put("language", "en");
		return client.post("/api/v1/portal/account/registrations", body);
	}

	/** The token of the n-th portal e-mail to the address. */
	static String tokenFrom(MailServer mail, String address, int count) {
		List<MimeMessage> messages = mail.awaitMessagesTo(address, count);
		String text = MailServer.part(messages.get(count - 1), "text/plain");
		Matcher matcher = TOKEN.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	/**
	 * Follows a link with {@link #PASSWORD}, the password of the fixture's registrations.
	 */
	static ApiClient.Response verify(ApiClient client, String token) {
		return verify(client, token, PASSWORD);
	}

	/** Follows a link, giving the password the verify page asks for. */
	static ApiClient.Response verify(ApiClient client, String token, String password) {
		return client.post("/api/v1/portal/account/verifications", Map.of("token", token, "password", password));
	}

	static ApiClient.Response signIn(ApiClient client, String email, String password) {
		return client.post("/api/v1/portal/account/session", Map.of("email", email, "password", password));
	}

	/** A verified account, signed in on the returned client. */
	static ApiClient verifiedCustomer(ApiClient client, MailServer mail, String email) {
		ApiClient.Response registered = register(client, email, PASSWORD);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
		assertThat(verify(client, tokenFrom(mail, email, 1)).status()).isEqualTo(204);
		ApiClient.Response signedIn = signIn(client, email, PASSWORD);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		return client;
	}

	/** What a website sends to vouch for a visitor's e-mail address. */
	static Map<String, Object> vouchedEmail(JsonNode channel, String email) {
		return VouchedIdentity.email(channel, email);
	}

}
