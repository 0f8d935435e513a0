package dev.parley.customers.portal;

import java.time.Duration;
import java.util.Map;

import dev.parley.platform.PersonalData;
import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.parley.customers.portal.PortalFixture.PASSWORD;
import static dev.parley.customers.portal.PortalFixture.register;
import static dev.parley.customers.portal.PortalFixture.signIn;
import static dev.parley.customers.portal.PortalFixture.tokenFrom;
import static dev.parley.customers.portal.PortalFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portal accounts: registration, verification, sign-in with staff's policy and lockout,
 * password reset without telling who has an account, the profile, and sessions apart from
 * the console's.
 */
class PortalAccountTests extends PortalTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personal;

	@Autowired
	dev.parley.customers.internal.ContactRepository contacts;

	@Autowired
	dev.parley.customers.internal.CustomerRepository customers;

	@Test
	void aCustomerRegistersVerifiesSignsInAndIsOneCustomerRecord() {
		String email = unique("li") + "@example.com";
		ApiClient client = client();
		assertThat(register(client, email, PASSWORD).status()).isEqualTo(202);
		assertThat(signIn(client, email, PASSWORD).code()).as("not before the address is verified")
			.isEqualTo("account_unverified");
		assertThat(verify(client, tokenFrom(mail, email, 1)).status()).isEqualTo(204);
		ApiClient.Response me = signIn(client, email, PASSWORD);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("email").asString()).isEqualTo(email);
		assertThat(me.json().path("name").asString()).isEqualTo("Li Lei");
		Long customer = customerOfAccount(email);
		assertThat(customer).isNotNull();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM customer_contact WHERE customer_id = ? AND kind = 'EMAIL' "
					+ "AND verified = TRUE")
			.param(customer)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT email_sealed FROM customer_account WHERE customer_id = ?")
			.param(customer)
			.query(String.class)
			.single()).as("no address in plain text").startsWith("pd1:").doesNotContain("@");
		assertThat(client.get("/api/v1/portal/account/session").json().path("email").asString()).isEqualTo(email);
	}

	@Test
	void badRegistrationsAreRefusedAndStoreNothing() {
		int before = accounts();
		ApiClient client = client();
		ApiClient.Response invalid = register(client, "not-an-address", PASSWORD);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("validation_failed");
		ApiClient.Response weak = register(client, unique("weak") + "@example.com", "short");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.code()).isEqualTo("password_policy");
		assertThat(weak.json().path("violations").toString()).contains("min_length");
		ApiClient.Response language = client.post("/api/v1/portal/account/registrations",
				Map.of("email", unique("lang") + "@example.com", "password", PASSWORD, "language", "fr"));
		assertThat(language.status()).isEqualTo(400);
		assertThat(client.sendRaw("POST", "/api/v1/portal/account/registrations", "{", "application/json").status())
			.isEqualTo(400);
		assertThat(accounts()).isEqualTo(before);
	}

	@Test
	void registeringAnAddressSomeoneVerifiedIsAnsweredAlikeAndOnlyTellsItsOwner() throws Exception {
		String email = unique("taken") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient.Response again = register(client(), email.toUpperCase(), "Another-Passw0rd!");
		ApiClient.Response fresh = register(client(), unique("free") + "@example.com", "Another-Passw0rd!");
		assertThat(again.status()).as(again.toString()).isEqualTo(fresh.status()).isEqualTo(202);
		assertThat(again.body()).as("nobody learns who has an account").isEqualTo(fresh.body());
		jakarta.mail.internet.MimeMessage note = mail.awaitMessagesTo(email, 2).get(1);
		assertThat(note.getSubject()).isEqualTo("You already have an account");
		assertThat(dev.parley.testing.MailServer.part(note, "text/plain")).contains("/portal/forgot-password")
			.doesNotContain("#token=");
		assertThat(signIn(client(), email, "Another-Passw0rd!").status()).isEqualTo(401);
		assertThat(signIn(client(), email, PASSWORD).status()).as("the owner's password stays").isEqualTo(200);
	}

	@Test
	void registeringSomeoneElsesAddressGetsNeitherHisAccountNorHisRecord() {
		// the victim is a customer with this address verified (a website vouched for it)
		String victim = unique("victim") + "@example.com";
		long customer = this.customers.insert("Han Meimei", "en", this.clock.instant());
		this.contacts.add(customer, dev.parley.customers.internal.ContactKind.EMAIL, victim, true,
				this.clock.instant());
		// an attacker registers it with his password; the mail goes to the victim
		assertThat(register(client(), victim, "Attacker-Passw0rd!").status()).isEqualTo(202);
		String attackers = tokenFrom(mail, victim, 1);
		// the victim clicks the mail he did not ask for: he does not know that password
		ApiClient.Response clicked = verify(client(), attackers, "Victims-Own-Passw0rd!");
		assertThat(clicked.status()).as(clicked.toString()).isEqualTo(400);
		assertThat(clicked.code()).isEqualTo("verification_password_wrong");
		assertThat(verify(client(), attackers, "").code()).isEqualTo("verification_password_wrong");
		assertThat(customerOfAccount(victim)).as("nothing changed: no customer").isNull();
		assertThat(signIn(client(), victim, "Attacker-Passw0rd!").code()).as("still unverified")
			.isEqualTo("account_unverified");

		// the victim registers himself: his link, his password; the attacker's link ends
		assertThat(register(client(), victim, "Victims-Own-Passw0rd!").status()).isEqualTo(202);
		String own = tokenFrom(mail, victim, 2);
		assertThat(verify(client(), own, "Attacker-Passw0rd!").code())
			.as("the attacker's password does not verify the victim's registration")
			.isEqualTo("verification_password_wrong");
		assertThat(verify(client(), own, "Victims-Own-Passw0rd!").status()).isEqualTo(204);
		assertThat(customerOfAccount(victim)).isEqualTo(customer);
		assertThat(verify(client(), attackers, "Attacker-Passw0rd!").code()).as("the other link ended")
			.isEqualTo("verification_token_invalid");
		assertThat(signIn(client(), victim, "Attacker-Passw0rd!").status()).isEqualTo(401);
		assertThat(signIn(client(), victim, "Victims-Own-Passw0rd!").status()).isEqualTo(200);
		// past the memory of this client address's failures
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void eachRegistrationOfAnUnverifiedAddressKeepsItsOwnLinkPasswordAndName() {
		String email = unique("twice") + "@example.com";
		assertThat(register(client(), email, PASSWORD).status()).isEqualTo(202);
		String first = tokenFrom(mail, email, 1);
		assertThat(
				client()
					.post("/api/v1/portal/account/registrations",
							Map.of("email", email, "password", "Newer-Passw0rd!x", "name", "Mallory", "language",
									"zh-TW"))
					.status())
			.isEqualTo(202);
		String second = tokenFrom(mail, email, 2);
		assertThat(signIn(client(), email, "Newer-Passw0rd!x").code())
			.as("the newer password is nobody's until its link is followed")
			.isEqualTo("bad_credentials");
		assertThat(verify(client(), second, PASSWORD).code()).as("a link works only with its own password")
			.isEqualTo("verification_password_wrong");
		assertThat(verify(client(), first, PASSWORD).status()).as("the newer registration ended nothing")
			.isEqualTo(204);
		assertThat(verify(client(), second, "Newer-Passw0rd!x").code()).as("the address is proved: links end")
			.isEqualTo("verification_token_invalid");
		assertThat(signIn(client(), email, "Newer-Passw0rd!x").status()).isEqualTo(401);
		ApiClient.Response me = signIn(client(), email, PASSWORD);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("name").asString()).as("the first registration's name").isEqualTo("Li Lei");
		assertThat(me.json().path("language").asString()).isEqualTo("en");
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void wrongVerificationPasswordsCountLikeFailedSignIns() {
		String email = unique("guess") + "@example.com";
		assertThat(register(client(), email, PASSWORD).status()).isEqualTo(202);
		String token = tokenFrom(mail, email, 1);
		for (int i = 0; i < 5; i++) {
			assertThat(verify(client(), token, "Guessed-Passw0rd!" + i).code())
				.isEqualTo("verification_password_wrong");
		}
		ApiClient.Response locked = verify(client(), token, PASSWORD);
		assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
		assertThat(locked.code()).isEqualTo("sign_in_throttled");
		assertThat(signIn(client(), email, PASSWORD).code()).as("the same lock as sign-in")
			.isEqualTo("sign_in_throttled");
		assertThat(customerOfAccount(email)).isNull();
		this.clock.advance(Duration.ofHours(2));
		assertThat(verify(client(), token, PASSWORD).status()).as("the link still works").isEqualTo(204);
		assertThat(signIn(client(), email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aNewAddressesLinkNeedsTheAccountsPassword() {
		String email = unique("mover") + "@example.com";
		ApiClient client = PortalFixture.verifiedCustomer(client(), mail, email);
		String fresh = unique("moved") + "@example.com";
		assertThat(client.post("/api/v1/portal/profile/email", Map.of("email", fresh, "password", PASSWORD)).status())
			.isEqualTo(202);
		String token = tokenFrom(mail, fresh, 1);
		assertThat(verify(client(), token, "Wrong-Passw0rd!x").code()).isEqualTo("verification_password_wrong");
		assertThat(client.get("/api/v1/portal/profile").json().path("email").asString()).as("nothing changed")
			.isEqualTo(email);
		assertThat(verify(client(), token, PASSWORD).status()).isEqualTo(204);
		assertThat(client.get("/api/v1/portal/profile").json().path("email").asString()).isEqualTo(fresh);
		this.clock.advance(Duration.ofHours(2));
	}

	@Test
	void registeringAnAddressOverAndOverSendsAtMostThreeLinksAnHour() {
		String email = unique("flood") + "@example.com";
		for (int i = 0; i < 5; i++) {
			assertThat(register(client(), email, PASSWORD).status()).isEqualTo(202);
		}
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM customer_account_token t JOIN customer_account a ON a.id = t.account_id "
					+ "WHERE a.email_index = ?")
			.param(this.personal.index("customer.email", email))
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE template = 'portal-verify-email' "
					+ "AND recipient_index = ?")
			// the recipient is sealed; found by its blind index

			.param(this.personal.index("notification-recipient", email.toLowerCase(java.util.Locale.ROOT)))
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void wrongMalformedUsedAndExpiredLinksAreRefused() {
		assertThat(verify(client(), "A".repeat(43)).code()).isEqualTo("verification_token_invalid");
		assertThat(verify(client(), "not a token!").code()).isEqualTo("validation_failed");
		assertThat(client().post("/api/v1/portal/account/verifications", Map.of("token", "A".repeat(43))).code())
			.as("no password")
			.isEqualTo("validation_failed");
		assertThat(verify(client(), "A".repeat(43), "x".repeat(129)).code()).isEqualTo("validation_failed");
		String email = unique("late") + "@example.com";
		assertThat(register(client(), email, PASSWORD).status()).isEqualTo(202);
		String token = tokenFrom(mail, email, 1);
		this.clock.advance(Duration.ofHours(25));
		ApiClient.Response late = verify(client(), token);
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.code()).isEqualTo("verification_token_invalid");
		assertThat(customerOfAccount(email)).as("still unverified, no customer").isNull();

		String other = unique("once") + "@example.com";
		assertThat(register(client(), other, PASSWORD).status()).isEqualTo(202);
		String once = tokenFrom(mail, other, 1);
		assertThat(verify(client(), once).status()).isEqualTo(204);
		assertThat(verify(client(), once).code()).isEqualTo("verification_token_invalid");
	}

	@Test
	void failedSignInsLockTheAccountAsForStaffAndUnknownAddressesAnswerAlike() {
		String email = unique("lock") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient.Response unknown = signIn(client(), unique("nobody") + "@example.com", PASSWORD);
		ApiClient.Response wrong = signIn(client(), email, "Wrong-Passw0rd!");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.code()).isEqualTo(wrong.code()).isEqualTo("bad_credentials");
		for (int i = 1; i < 5; i++) {
			assertThat(signIn(client(), email, "Wrong-Passw0rd!").status()).isEqualTo(401);
		}
		ApiClient.Response locked = signIn(client(), email, PASSWORD);
		assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
		assertThat(locked.code()).isEqualTo("sign_in_throttled");
		// past the wait, and past the memory of this address's failures
		this.clock.advance(Duration.ofHours(2));
		assertThat(signIn(client(), email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aResetIsAnsweredAlikeForEveryAddressAndItsLinkWorksOnce() {
		String email = unique("reset") + "@example.com";
		ApiClient session = PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient.Response unknown = client().post("/api/v1/portal/account/password-resets",
				Map.of("email", unique("nobody") + "@example.com"));
		ApiClient.Response known = client().post("/api/v1/portal/account/password-resets", Map.of("email", email));
		assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
		assertThat(unknown.body()).isEqualTo(known.body());
		assertThat(client().post("/api/v1/portal/account/password-resets", Map.of("email", "nope")).status())
			.isEqualTo(400);
		String token = tokenFrom(mail, email, 2);
		ApiClient.Response weak = confirm(token, "weak");
		assertThat(weak.code()).isEqualTo("password_policy");
		assertThat(confirm("B".repeat(43), "Chosen-Anew-Passw0rd!").code()).isEqualTo("reset_token_invalid");
		assertThat(confirm(token, "Chosen-Anew-Passw0rd!").status()).as("the link still works").isEqualTo(204);
		assertThat(confirm(token, "Chosen-Again-Passw0rd!").code()).isEqualTo("reset_token_invalid");
		assertThat(session.get("/api/v1/portal/profile").status()).as("older sessions ended").isEqualTo(401);
		assertThat(signIn(client(), email, PASSWORD).status()).isEqualTo(401);
		assertThat(signIn(client(), email, "Chosen-Anew-Passw0rd!").status()).isEqualTo(200);
	}

	@Test
	void theProfileSavesValidChangesAndRefusesBadOnes() {
		String email = unique("profile") + "@example.com";
		ApiClient client = PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient.Response saved = client.put("/api/v1/portal/profile",
				Map.of("name", "李雷", "phone", "+86 138 0000 0000", "language", "zh-CN", "timeZone", "Asia/Shanghai"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("name").asString()).isEqualTo("李雷");
		assertThat(saved.json().path("phone").asString()).isEqualTo("+86 138 0000 0000");
		for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("name", "x", "phone", "call me"),
				Map.of("name", "x", "language", "fr"), Map.of("name", "x", "timeZone", "Mars/Olympus"),
				Map.of("name", "x".repeat(101)))) {
			ApiClient.Response refused = client.put("/api/v1/portal/profile", bad);
			assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
		}
		ApiClient.Response after = client.get("/api/v1/portal/profile");
		assertThat(after.json().path("name").asString()).isEqualTo("李雷");
		assertThat(after.json().path("timeZone").asString()).isEqualTo("Asia/Shanghai");
		Long customer = customerOfAccount(email);
		assertThat(this.jdbc.sql("SELECT name FROM customer WHERE id = ?").param(customer).query(String.class).single())
			.as("agents see the same record")
			.isEqualTo("李雷");
	}

	@Test
	void changingTheAddressNeedsThePasswordAndTheNewAddressesLink() {
		String email = unique("old") + "@example.com";
		String taken = unique("other") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, taken);
		ApiClient client = PortalFixture.verifiedCustomer(client(), mail, email);
		String fresh = unique("new") + "@example.com";
		ApiClient.Response wrong = client.post("/api/v1/portal/profile/email",
				Map.of("email", fresh, "password", "Wrong-Passw0rd!"));
		assertThat(wrong.code()).isEqualTo("wrong_current_password");
		ApiClient.Response conflict = client.post("/api/v1/portal/profile/email",
				Map.of("email", taken, "password", PASSWORD));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(client.post("/api/v1/portal/profile/email", Map.of("email", fresh, "password", PASSWORD)).status())
			.isEqualTo(202);
		assertThat(client.get("/api/v1/portal/profile").json().path("email").asString())
			.as("the old address until the link is followed")
			.isEqualTo(email);
		assertThat(verify(client(), tokenFrom(mail, fresh, 1)).status()).isEqualTo(204);
		assertThat(signIn(client(), email, PASSWORD).status()).isEqualTo(401);
		assertThat(signIn(client(), fresh, PASSWORD).status()).isEqualTo(200);
		Long customer = customerOfAccount(fresh);
		assertThat(this.jdbc
			.sql("SELECT verified FROM customer_contact WHERE customer_id = ? AND kind = 'EMAIL' AND value_index = ?")
			.params(customer, this.personal.index("customer.email", email))
			.query(Boolean.class)
			.list()).as("the old address is no longer proved his").containsExactly(false);

		// whoever registers the old address now gets a record of his own
		assertThat(register(client(), email, "Other-Passw0rd!x").status()).isEqualTo(202);
		assertThat(verify(client(), tokenFrom(mail, email, 2), "Other-Passw0rd!x").status()).isEqualTo(204);
		assertThat(customerOfAccount(email)).isNotNull().isNotEqualTo(customer);
	}

	@Test
	void aCustomerWithAnAccountNeverGetsASecondOne() {
		String email = unique("holder") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, email);
		Long customer = customerOfAccount(email);
		// an address a website vouched for on the same record
		String vouched = unique("vouched") + "@example.com";
		this.contacts.add(customer, dev.parley.customers.internal.ContactKind.EMAIL, vouched, true,
				this.clock.instant());
		assertThat(register(client(), vouched, "Second-Passw0rd!x").status()).isEqualTo(202);
		assertThat(verify(client(), tokenFrom(mail, vouched, 1), "Second-Passw0rd!x").status()).isEqualTo(204);
		assertThat(customerOfAccount(vouched)).as("a record of its own").isNotNull().isNotEqualTo(customer);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE customer_id = ?")
			.param(customer)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void portalAndConsoleSessionsDoNotCross() {
		String email = unique("apart") + "@example.com";
		ApiClient customer = PortalFixture.verifiedCustomer(client(), mail, email);
		assertThat(customer.get("/api/v1/session").status()).as("no console session").isEqualTo(401);
		assertThat(customer.get("/api/v1/conversations").status()).isEqualTo(401);
		ApiClient staff = admin();
		assertThat(staff.get("/api/v1/portal/profile").status()).as("no portal session").isEqualTo(401);
		assertThat(staff.get("/api/v1/portal/conversations").status()).isEqualTo(401);
		assertThat(client().get("/api/v1/portal/profile").code()).isEqualTo("unauthenticated");

		// both in one browser: each stays its own, and signing out of one keeps the other
		assertThat(signIn(staff, email, PASSWORD).status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/session").status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/portal/profile").status()).isEqualTo(200);
		assertThat(staff.delete("/api/v1/portal/account/session").status()).isEqualTo(204);
		assertThat(staff.get("/api/v1/portal/profile").status()).isEqualTo(401);
		assertThat(staff.get("/api/v1/session").status()).isEqualTo(200);
		assertThat(customer.withoutCsrf().put("/api/v1/portal/profile", Map.of("name", "x")).code())
			.isEqualTo("csrf_refused");
	}

	private ApiClient.Response confirm(String token, String password) {
		return client().post("/api/v1/portal/account/password-resets/confirm",
				Map.of("token", token, "password", password));
	}

	private int accounts() {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Integer.class).single();
	}

	private Long customerOfAccount(String email) {
		return this.jdbc.sql("SELECT customer_id FROM customer_account WHERE email_index = ?")
			.param(this.personal.index("customer.email", email.toLowerCase(java.util.Locale.ROOT)))
			.query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, Long.class)))
			.list()
			.stream()
			.findFirst()
			.flatMap((found) -> found)
			.orElse(null);
	}

}
