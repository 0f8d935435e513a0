package dev.parley.customers.portal;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portal API tests: a client holding the CSRF cookie as the portal's page does, and
 * e-mail through a real SMTP server (GreenMail on free ports) that the mail account
 * points at during each test and at nothing after (the Spring context, and its outbox
 * worker, outlive the class).
 */
public abstract class PortalTest extends IntegrationTest {

	protected static MailServer mail;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@BeforeEach
	void sendThroughTheTestServer() {
		assertThat(admin().put("/api/v1/mail-account", mail.account("support@acme.test")).status()).isEqualTo(200);
	}

	@AfterEach
	void noMailAccount(@Autowired MailAccountRepository accounts) {
		accounts.save(MailAccount.none(), "test");
	}

	/** A client holding the CSRF cookie, as the portal's page does after loading. */
	@Override
	protected ApiClient client() {
		ApiClient client = super.client();
		client.get("/api/v1/portal/account/policy");
		return client;
	}

}
