package dev.parley.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail account API: passwords are written only (kept when not given, removed when
 * given empty, never answered), every field is checked and named when refused, and the
 * test message reaches a real SMTP server or says why not.
 */
class MailAccountApiTests extends IntegrationTest {

	private static final String PATH = "/api/v1/mail-account";

	private static MailServer mail;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	private MailAccountRepository accounts;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void noMailAccount() {
		this.accounts.save(MailAccount.none(), "test");
	}

	static Map<String, Object> form(Map<String, Object> changes) {
		Map<String, Object> form = new HashMap<>(mail.account("support@acme.test"));
		form.putAll(changes);
		return form;
	}

	@Test
	void passwordsAreWrittenOnlyKeptWhenNotGivenAndRemovedWhenEmpty() {
		ApiClient admin = admin();
		Map<String, Object> withPasswords = new HashMap<>(Map.of("smtpPassword", "smtp-S3cret!", "smtpUsername",
				"mailer", "imapEnabled", true, "imapHost", "127.0.0.1", "imapPort", mail.imapPort(), "imapUsername",
				"support@acme.test", "imapPassword", "imap-S3cret!"));
		ApiClient.Response saved = admin.put(PATH, form(withPasswords));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain("S3cret");
		assertThat(saved.json().path("smtpPasswordSet").asBoolean()).isTrue();
		assertThat(saved.json().path("imapPasswordSet").asBoolean()).isTrue();
		assertThat(saved.json().path("canReceive").asBoolean()).isTrue();

		ApiClient.Response read = admin.get(PATH);
		assertThat(read.body()).doesNotContain("S3cret");
		assertThat(read.json().has("smtpPassword")).isFalse();
		assertThat(read.json().has("imapPassword")).isFalse();
		assertThat(read.json().path("smtpPasswordSet").asBoolean()).isTrue();
		assertThat(this.accounts.load().smtpPassword()).isEqualTo("smtp-S3cret!");
		assertThat(this.jdbc.sql("SELECT smtp_password || imap_password FROM mail_account WHERE id = 1")
			.query(String.class)
			.single()).as("ciphertext under the personal data keys").startsWith("pd1:k0:").doesNotContain("S3cret");

		Map<String, Object> keep = new HashMap<>(withPasswords);
		keep.put("smtpPassword", null);
		keep.remove("imapPassword");
		keep.put("fromName", "Acme Help");
		assertThat(admin.put(PATH, form(keep)).json().path("smtpPasswordSet").asBoolean()).isTrue();
		assertThat(this.accounts.load().smtpPassword()).as("null keeps it").isEqualTo("smtp-S3cret!");
		assertThat(this.accounts.load().imapPassword()).as("absent keeps it").isEqualTo("imap-S3cret!");
		assertThat(this.accounts.load().fromName()).isEqualTo("Acme Help");

		// a stored password goes only to the server and user it was given for
		Map<String, Object> elsewhere = new HashMap<>(keep);
		elsewhere.put("smtpHost", "mail.attacker.example");
		ApiClient.Response moved = admin.put(PATH, form(elsewhere));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
		assertThat(moved.json().path("errors").get(0).path("field").asString()).isEqualTo("smtpPassword");
		Map<String, Object> otherUser = new HashMap<>(keep);
		otherUser.put("imapUsername", "someone-else");
		assertThat(admin.put(PATH, form(otherUser)).json().path("errors").get(0).path("field").asString())
			.isEqualTo("imapPassword");
		assertThat(this.accounts.load().smtpHost()).isEqualTo("127.0.0.1");

		Map<String, Object> remove = new HashMap<>(keep);
		remove.put("smtpPassword", "");
		JsonNode removed = admin.put(PATH, form(remove)).json();
		assertThat(removed.path("smtpPasswordSet").asBoolean()).isFalse();
		assertThat(removed.path("imapPasswordSet").asBoolean()).isTrue();
		assertThat(this.accounts.load().smtpPassword()).isNull();
	}

	static List<Object[]> badFields() {
		return List.of(new Object[] { "smtpHost", "smtp example.com" },
				new Object[] { "smtpHost", "smtp.example.com\r\nRCPT TO:<victim@example.com>" },
				new Object[] { "smtpHost", "h".repeat(256) }, new Object[] { "smtpHost", "-leading.example.com" },
				new Object[] { "smtpPort", 0 }, new Object[] { "smtpPort", 70000 },
				new Object[] { "smtpSecurity", "ssl" }, new Object[] { "smtpSecurity", null },
				new Object[] { "smtpUsername", "u".repeat(256) }, new Object[] { "smtpPassword", "p".repeat(501) },
				new Object[] { "smtpPassword", "secret\r\nline" }, new Object[] { "fromAddress", "not an address" },
				new Object[] { "fromAddress", "Acme <support@acme.test>" },
				new Object[] { "fromAddress", "support@acme.test\r\nBcc: victim@example.com" },
				new Object[] { "fromAddress", "" }, new Object[] { "fromName", "Acme\r\nBcc: victim@example.com" },
				new Object[] { "fromName", "Acme\nSupport" }, new Object[] { "fromName", "n".repeat(101) },
				new Object[] { "replyAddress", "reply@" }, new Object[] { "replyAddress", "r".repeat(250) + "@a.test" },
				new Object[] { "imapHost", "imap example.com" }, new Object[] { "imapPort", -1 },
				new Object[] { "imapSecurity", "STARTSSL" }, new Object[] { "imapFolder", "f".repeat(256) },
				new Object[] { "imapFolder", "INBOX\r\nA1 DELETE INBOX" });
	}

	@ParameterizedTest
	@MethodSource("badFields")
	void aBadFieldIsRefusedAndNamedAndNothingIsStored(String field, Object value) {
		ApiClient admin = admin();
		assertThat(admin.put(PATH, form(Map.of("fromName", "Before"))).status()).isEqualTo(200);
		Map<String, Object> changes = new HashMap<>();
		changes.put(field, value);
		changes.put("fromName", "After");
		if (field.equals("fromName")) {
			changes.put("fromName", value);
		}
		ApiClient.Response refused = admin.put(PATH, form(changes));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation_failed");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
		assertThat(this.accounts.load().fromName()).as("nothing stored").isEqualTo("Before");
	}

	@Test
	void anIncompleteOrMalformedBodyIsABadRequest() {
		ApiClient admin = admin();
		ApiClient.Response noHost = admin.put(PATH, form(Map.of("smtpHost", "")));
		assertThat(noHost.status()).isEqualTo(400);
		assertThat(noHost.json().path("errors").get(0).path("field").asString()).isEqualTo("smtpHost");
		ApiClient.Response noImapUser = admin.put(PATH,
				form(Map.of("imapEnabled", true, "imapHost", "imap.acme.test", "imapSecurity", "tls")));
		assertThat(noImapUser.json().path("errors").get(0).path("field").asString()).isEqualTo("imapUsername");

		for (String body : List.of("{\"smtpEnabled\": ", "[]", "{\"smtpPort\": \"many\"}", "not json")) {
			ApiClient.Response malformed = admin.sendRaw("PUT", PATH, body, "application/json");
			assertThat(malformed.status()).as(body + " -> " + malformed).isEqualTo(400);
			assertThat(malformed.header("Content-Type")).contains("json");
		}
		ApiClient.Response malformedTest = admin.sendRaw("POST", PATH + "/test", "{\"to\": ", "application/json");
		assertThat(malformedTest.status()).isEqualTo(400);
		assertThat(this.accounts.load().smtpEnabled()).isFalse();
	}

	@Test
	void theTestMessageArrivesAndIsAudited() throws Exception {
		ApiClient admin = admin();
		assertThat(admin.put(PATH, form(Map.of())).status()).isEqualTo(200);
		String to = unique("ops") + "@example.com";
		ApiClient.Response sent = admin.post(PATH + "/test", Map.of("to", to));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().path("delivered").asBoolean()).isTrue();
		assertThat(sent.json().path("error").isNull()).isTrue();
		List<MimeMessage> received = mail.awaitMessagesTo(to, 1);
		assertThat(received.get(0).getFrom()[0].toString()).contains("support@acme.test");

		JsonNode audit = admin.get("/api/v1/audit-events?action=mail.account.tested&limit=5").json();
		assertThat(audit.path("items").get(0).path("target").asString()).isEqualTo(to);
		JsonNode updated = admin.get("/api/v1/audit-events?action=mail.account.updated&limit=5").json();
		assertThat(updated.path("items")).isNotEmpty();
	}

	@Test
	void aTestMessageTheServerDoesNotTakeSaysWhy() {
		ApiClient admin = admin();
		assertThat(admin.put(PATH, form(Map.of())).status()).isEqualTo(200);
		mail.stop();
		try {
			ApiClient.Response failed = admin.post(PATH + "/test", Map.of("to", "ops@example.com"));
			assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
			assertThat(failed.json().path("delivered").asBoolean()).isFalse();
			assertThat(failed.json().path("error").asString()).isNotBlank();
		}
		finally {
			mail.start();
		}
	}

	@Test
	void aTestMessageNeedsSmtpAndAnAddress() {
		ApiClient admin = admin();
		ApiClient.Response notSetUp = admin.post(PATH + "/test", Map.of("to", "ops@example.com"));
		assertThat(notSetUp.status()).isEqualTo(409);
		assertThat(notSetUp.code()).isEqualTo("mail_not_set_up");

		assertThat(admin.put(PATH, form(Map.of("smtpEnabled", false))).status()).isEqualTo(200);
		assertThat(admin.post(PATH + "/test", Map.of("to", "ops@example.com")).code()).isEqualTo("mail_not_set_up");

		assertThat(admin.put(PATH, form(Map.of())).status()).isEqualTo(200);
		for (String to : new String[] { "", "not an address", "ops@example.com\r\nBcc: victim@example.com",
				"x".repeat(250) + "@example.com" }) {
			ApiClient.Response refused = admin.post(PATH + "/test", Map.of("to", to));
			assertThat(refused.status()).as(to).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
		}
		assertThat(admin.post(PATH + "/test", Map.of()).status()).isEqualTo(400);
	}

}
