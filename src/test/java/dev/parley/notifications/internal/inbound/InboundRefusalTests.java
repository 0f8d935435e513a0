package dev.parley.notifications.internal.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail that must never post: forged tokens, someone else's mail, automatic answers,
 * bounces and loops, malformed and huge mail, header injection. Each is recorded with its
 * outcome and skipped, nothing is answered, and the reader goes on with the next mail.
 */
class InboundRefusalTests extends InboundMailTest {

	@Test
	void forgedTokensPostNothingAnywhere() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer a = customer(agent);
		Customer b = customer(agent);
		String signatureOfB = b.token().substring(b.token().indexOf('.') + 1);
		String altered = a.token().substring(0, a.token().length() - 1) + (a.token().endsWith("a") ? "b" : "a");
		MimeMessage alteredSignature = reply(a.email(), replyAddress(altered), "altered");
		MimeMessage borrowedSignature = reply(a.email(), replyAddress("c" + a.conversationId() + "." + signatureOfB),
				"borrowed");
		MimeMessage forgedReference = reply(a.email(), SUPPORT, "forged reference");
		forgedReference.setHeader("References", "<parley.c" + a.conversationId() + ".abcdefghijklmnop.1@example.com>");
		MimeMessage unknownConversation = reply(a.email(), replyAddress("c999999999." + signatureOfB), "unknown");
		MimeMessage noToken = reply(a.email(), SUPPORT, "no token at all");
		MimeMessage genuine = reply(a.email(), replyAddress(a.token()), "the genuine one");
		deliver(alteredSignature, borrowedSignature, forgedReference, unknownConversation, noToken, genuine);
		poll();
		assertThat(outcome(alteredSignature)).isEqualTo("FORGED_TOKEN");
		assertThat(outcome(borrowedSignature)).isEqualTo("FORGED_TOKEN");
		assertThat(outcome(forgedReference)).isEqualTo("FORGED_TOKEN");
		assertThat(outcome(unknownConversation)).isEqualTo("FORGED_TOKEN");
		assertThat(outcome(noToken)).isEqualTo("NO_TOKEN");
		assertThat(outcome(genuine)).as("the reader went on").isEqualTo("POSTED");
		assertThat(visitorTexts(agent, a.conversationId())).containsExactly("Where is my order?", "the genuine one");
		assertThat(visitorTexts(agent, b.conversationId())).containsExactly("Where is my order?");
	}

	@Test
	void aMailFromSomeoneElseIsNotPostedEvenWithTheCustomersToken() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		Customer other = customer(agent);
		MimeMessage stranger = reply("eve@evil.example", replyAddress(customer.token()), "from a stranger");
		MimeMessage displayName = reply("\"" + customer.email() + "\" <eve@evil.example>",
				replyAddress(customer.token()), "customer's address as display name");
		MimeMessage otherCustomer = reply(other.email(), replyAddress(customer.token()), "another customer");
		deliver(stranger, displayName, otherCustomer);
		poll();
		assertThat(outcome(stranger)).isEqualTo("SENDER_MISMATCH");
		assertThat(outcome(displayName)).isEqualTo("SENDER_MISMATCH");
		assertThat(outcome(otherCustomer)).isEqualTo("SENDER_MISMATCH");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?");
		assertThat(visitorTexts(agent, other.conversationId())).containsExactly("Where is my order?");
	}

	@Test
	void aBlockedCustomersReplyIsRecordedAsBlockedAndNotPosted() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		Long customerId = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(customer.visitorId())
			.query(Long.class)
			.list()
			.get(0);
		assertThat(customerId).as("a visitor who gave his address is a customer").isNotNull();
		ApiClient.Response blocked = admin().post("/api/v1/customers/" + customerId + "/block",
				Map.of("reason", "abuse"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
		MimeMessage mail = reply(customer.email(), replyAddress(customer.token()), "let me back in");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("BLOCKED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?");
	}

	@Test
	void automaticAnswersBouncesAndLoopsAreIgnoredAndNeverAnswered() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		String to = replyAddress(customer.token());
		MimeMessage autoSubmitted = reply(customer.email(), to, "I am on holiday");
		autoSubmitted.setHeader("Auto-Submitted", "auto-replied; owner-email=\"x@y\"");
		MimeMessage xAutoreply = reply(customer.email(), to, "I am away");
		xAutoreply.setHeader("X-Autoreply", "yes");
		MimeMessage bulk = reply(customer.email(), to, "newsletter");
		bulk.setHeader("Precedence", "bulk");
		MimeMessage chineseSubject = reply(customer.email(), to, "我在休假");
		chineseSubject.setSubject("自动回复: 您的问题", "UTF-8");
		MimeMessage loop = reply(customer.email(), to, "looped");
		loop.setHeader("X-Loop", SUPPORT);
		MimeMessage ownMessageId = reply(customer.email(), to, "our own mail came back");
		ownMessageId.setHeader("Message-ID", "<parley." + customer.token() + ".7@example.com>");
		MimeMessage emptyReturnPath = reply(customer.email(), to, "bounced");
		emptyReturnPath.setHeader("Return-Path", "<>");
		MimeMessage notAutomatic = reply(customer.email(), to, "Auto-Submitted: no is a person");
		notAutomatic.setHeader("Auto-Submitted", "no");
		MimeMessage bounce = raw("""
				From: Mail Delivery System <MAILER-DAEMON@customer.example>
				To: %s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <bounce-%s@customer.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				The mail could not be delivered.
				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.customer.example
				Final-Recipient: rfc822; %s
				Action: failed
				Status: 5.1.1
				--b1--
				""".formatted(to, customer.conversationId(), customer.email()));
		deliver(autoSubmitted, xAutoreply, bulk, chineseSubject, loop, ownMessageId, emptyReturnPath, bounce,
				notAutomatic);
		poll();
		for (MimeMessage mail : List.of(autoSubmitted, xAutoreply, bulk, chineseSubject, loop, ownMessageId,
				emptyReturnPath, bounce)) {
			assertThat(outcome(mail)).as(mail.getMessageID()).isEqualTo("AUTO_REPLY");
		}
		assertThat(outcome(notAutomatic)).isEqualTo("POSTED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?",
				"Auto-Submitted: no is a person");
		assertThat(greenMail.getReceivedMessagesForDomain("customer.example")).as("nothing answered").isEmpty();
	}

	@Test
	void malformedAndHugeMailsAreRecordedAndSkippedAndTheNextMailStillPosts() throws Exception {
		// counted from now and by subject: the scheduled poll may have read another
		// test's malformed mail a moment ago or read it now
		long since = this.clock.millis();
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		String to = replyAddress(customer.token());
		MimeMessage brokenMultipart = raw("""
				From: %s
				To: %s
				Subject: Re: broken
				Message-ID: <broken-%s@customer.example>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="never-used"

				this body has no boundary at all
				""".formatted(customer.email(), to, customer.conversationId()));
		MimeMessage unreadableFrom = raw("""
				From: <<customer@@customer.example
				To: %s
				Subject: Re: unreadable
				Message-ID: <unreadable-%s@customer.example>

				text
				""".formatted(to, customer.conversationId()));
		MimeMessage noFrom = raw("""
				To: %s
				Subject: Re: nobody
				Message-ID: <nobody-%s@customer.example>

				text
				""".formatted(to, customer.conversationId()));
		MimeMessage huge = reply(customer.email(), to, "x".repeat(16 * 1024 * 1024));
		MimeMessage next = reply(customer.email(), to, "After all that, hello.");
		deliver(brokenMultipart, unreadableFrom, noFrom, huge, next);
		poll();
		assertThat(malformedCountSince(since)).isEqualTo(3);
		assertThat(outcome(huge)).isEqualTo("TOO_LARGE");
		assertThat(outcome(next)).isEqualTo("POSTED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?",
				"After all that, hello.");
	}

	@Test
	void headerInjectionInSubjectAndSenderPostsNothingAndIsStoredAsOneLine() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		String to = replyAddress(customer.token());
		// a display name that decodes to a line break and a forged From of the customer
		String injectedName = "=?UTF-8?B?" + Base64.getEncoder()
			.encodeToString(
					("Eve\r\nFrom: " + customer.email() + "\r\nBcc: x@evil.example").getBytes(StandardCharsets.UTF_8))
				+ "?=";
		MimeMessage fromInjection = raw("""
				From: %s <eve@evil.example>
				To: %s
				Subject: Re: hello
				Message-ID: <inject-from-%s@customer.example>

				let me in
				""".formatted(injectedName, to, customer.conversationId()));
		// the token only in a subject that decodes to a line break and a To header
		String injectedSubject = "=?UTF-8?B?"
				+ Base64.getEncoder().encodeToString(("Hi\r\nTo: " + to).getBytes(StandardCharsets.UTF_8)) + "?=";
		MimeMessage subjectInjection = raw("""
				From: %s
				To: %s
				Subject: %s
				Message-ID: <inject-subject-%s@customer.example>

				token only in the subject
				""".formatted(customer.email(), SUPPORT, injectedSubject, customer.conversationId()));
		MimeMessage twoSenders = raw("""
				From: %s, eve@evil.example
				To: %s
				Subject: Re: two
				Message-ID: <inject-two-%s@customer.example>

				two senders
				""".formatted(customer.email(), to, customer.conversationId()));
		deliver(fromInjection, subjectInjection, twoSenders);
		poll();
		assertThat(outcome(fromInjection)).isEqualTo("SENDER_MISMATCH");
		assertThat(outcome(subjectInjection)).isEqualTo("NO_TOKEN");
		assertThat(outcome(twoSenders)).isEqualTo("MALFORMED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?");
		String storedSubject = this.jdbc.sql("SELECT subject FROM inbound_mail WHERE mail_key = ?")
			.param(MailParser.sha256("id:" + subjectInjection.getMessageID()))
			.query(String.class)
			.single();
		assertThat(storedSubject).doesNotContain("\r", "\n").startsWith("Hi");
	}

	@Test
	void theInboundMailLogIsForAdministratorsPagedAndFilteredByOutcome() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		MimeMessage stranger = reply("eve@evil.example", replyAddress(customer.token()), "hi");
		MimeMessage genuine = reply(customer.email(), replyAddress(customer.token()), "hello");
		deliver(stranger, genuine);
		poll();
		ApiClient admin = admin();
		ApiClient.Response page = admin.get("/api/v1/inbound-mail?outcome=sender_mismatch&limit=1");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		JsonNode first = page.json().path("items").get(0);
		assertThat(first.path("outcome").asString()).isEqualTo("SENDER_MISMATCH");
		assertThat(first.path("sender").asString()).isEqualTo("eve@evil.example");
		assertThat(first.path("conversationId").asLong()).isEqualTo(customer.conversationId());
		assertThat(page.json().path("items").size()).isEqualTo(1);
		ApiClient.Response all = admin.get("/api/v1/inbound-mail?limit=200");
		assertThat(all.json().path("items").findValuesAsString("outcome")).contains("POSTED", "SENDER_MISMATCH");

		ApiClient.Response badOutcome = admin.get("/api/v1/inbound-mail?outcome=EXPLODED");
		assertThat(badOutcome.status()).isEqualTo(400);
		assertThat(badOutcome.code()).isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/inbound-mail?limit=0").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/inbound-mail?before=abc").status()).isEqualTo(400);
		ApiClient.Response forAgent = agent.get("/api/v1/inbound-mail");
		assertThat(forAgent.status()).isEqualTo(403);
		assertThat(forAgent.header("Content-Type")).contains("problem+json");
		ApiClient.Response anonymous = client().get("/api/v1/inbound-mail");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).contains("problem+json");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?", "hello");
	}

	private long malformedCountSince(long since) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM inbound_mail WHERE outcome = 'MALFORMED' AND received_at >= ?
				AND subject IN ('Re: broken', 'Re: unreadable', 'Re: nobody')""")
			.param(since)
			.query(Long.class)
			.single();
	}

}
