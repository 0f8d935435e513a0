package dev.parley.tickets.portal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.platform.PersonalData;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.MailServer;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal customers for the tickets' portal tests: registered, verified, signed in. */
public final class PortalCustomers {

	public static final String PASSWORD = "Portal-Passw0rd!";

	private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

	private PortalCustomers() {
	}

	/**
	 * Registers the address, follows the e-mail's link and signs in on the client.
	 * @return his customer record
	 */
	public static long signedIn(ApiClient client, MailServer mail, JdbcClient jdbc, PersonalData personal,
			String email) {
		client.get("/api/v1/portal/account/policy");
		ApiClient.Response registered = client.post("/api/v1/portal/account/registrations",
				Map.of("email", email, "password", PASSWORD, "name", "Li Lei", "language", "en"));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
		String text = MailServer.part(mail.awaitMessagesTo(email, 1).get(0), "text/plain");
		Matcher token = TOKEN.matcher(text);
		assertThat(token.find()).as(text).isTrue();
		assertThat(client
			.post("/api/v1/portal/account/verifications", Map.of("token", token.group(1), "password", PASSWORD))
			.status()).isEqualTo(204);
		ApiClient.Response signedIn = client.post("/api/v1/portal/account/session",
				Map.of("email", email, "password", PASSWORD));
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		return jdbc.sql("SELECT customer_id FROM customer_account WHERE email_index = ?")
			.param(personal.index("customer.email", email.toLowerCase(Locale.ROOT)))
			.query(Long.class)
			.single();
	}

	/**
	 * Signs in to the portal in the browser, in English, and waits for his start page.
	 */
	public static void signIn(Browser browser, String email) {
		browser.go("/portal/sign-in");
		browser.select("#portal-language", "en");
		browser.waitForText("#sign-in-submit", "Sign in");
		browser.type("#sign-in-email", email);
		browser.type("#sign-in-password", PASSWORD);
		browser.click("#sign-in-submit");
		browser.waitForPath("/portal/conversations");
	}

}
