package dev.parley.notifications.internal;

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
 * Tests that send e-mail through a real SMTP server (GreenMail on free ports): the mail
 * account points at it before each test and at nothing after (the Spring context, and its
 * outbox worker, outlive the class).
 */
abstract class MailServerTest extends IntegrationTest {

	static MailServer mail;

	@Autowired
	MailAccountRepository accounts;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	/** The address e-mails come from (and, plus-addressed, replies go to). */
	String fromAddress() {
		return "support@acme.test";
	}

	@BeforeEach
	void sendThroughTheMailServer() {
		ApiClient.Response saved = admin().put("/api/v1/mail-account", mail.account(fromAddress()));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	@AfterEach
	void noMailAccount() {
		this.accounts.save(MailAccount.none(), "test");
	}

}
