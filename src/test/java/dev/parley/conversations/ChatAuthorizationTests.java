package dev.parley.conversations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read and write which conversation: visitors only their own (whatever id they
 * guess, whatever token they forge), agents only what is waiting or theirs, supervisors
 * everything; and the atomic "take" under a race.
 */
class ChatAuthorizationTests extends ChatTest {

	@Test
	void aVisitorCannotReadOrWriteAnotherVisitorsConversation() {
		String key = channelKey();
		TestVisitor alice = visitorWithConversation(key);
		TestVisitor bob = visitorWithConversation(key);
		String bobsMessages = "/api/v1/widget/conversations/" + bob.conversationId() + "/messages";
		assertThat(alice.api().get(bobsMessages).code()).isEqualTo("not_found");
		ApiClient.Response write = alice.api().post(bobsMessages, Map.of("clientId", "x-1", "text", "hi Bob"));
		assertThat(write.status()).isEqualTo(404);
		assertThat(
				alice.api().post("/api/v1/widget/conversations/" + bob.conversationId() + "/close", Map.of()).status())
			.isEqualTo(404);
		assertThat(alice.api().get("/api/v1/widget/conversations/987654/messages").status()).isEqualTo(404);
		assertThat(transcript(bob.api(), "/api/v1/widget/conversations/", bob.conversationId()))
			.as("only Bob's own pre-chat question")
			.hasSize(1);
	}

	@Test
	void forgedAlteredExpiredAndMissingTokensAreRefused() {
		String key = channelKey();
		TestVisitor alice = visitorWithConversation(key);
		String messages = "/api/v1/widget/conversations/" + alice.conversationId() + "/messages";
		String[] parts = alice.token().substring(4).split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[0]));
		String otherVisitor = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replaceFirst("v1:\\d+:", "v1:1:").getBytes());
		for (String token : List.of("pvt_" + otherVisitor + "." + parts[1], alice.token() + "x", "pvt_garbage",
				"prl_notavisitor", "")) {
			ApiClient.Response response = client().withHeader("X-Parley-Visitor", token).get(messages);
			assertThat(response.status()).as(token).isEqualTo(401);
			assertThat(response.code()).isEqualTo("unauthenticated");
		}
		assertThat(client().get(messages).status()).isEqualTo(401);
		this.clock.advance(Duration.ofDays(181));
		try {
			assertThat(alice.api().get(messages).status()).isEqualTo(401);
		}
		finally {
			this.clock.advance(Duration.ofDays(-181));
		}
	}

	@Test
	void visitorCallsWorkFromABrowserThatAlsoHoldsParleyCookies() {
		String key = channelKey();
		TestVisitor alice = visitorWithConversation(key);
		// the widget frame is same-origin with Parley: a staff member testing the widget
		// in
		// the browser they are signed in with sends the session and XSRF cookies along
		ApiClient sameBrowser = admin().withoutCsrf().withHeader("X-Parley-Visitor", alice.token());
		ApiClient.Response sent = sameBrowser.post(
				"/api/v1/widget/conversations/" + alice.conversationId() + "/messages",
				Map.of("clientId", "cookie-1", "text", "hello"));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(admin().withoutCsrf().post("/api/v1/widget/channels/" + key + "/visitors", Map.of()).status())
			.isEqualTo(200);
	}

	@Test
	void aTokenOfOneChannelStartsAFreshVisitorOnAnother() {
		TestVisitor alice = visitorWithConversation(channelKey());
		ApiClient.Response elsewhere = arrive(channelKey(), Map.of("token", alice.token()));
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.json().path("visitor").path("id").asLong()).isNotEqualTo(alice.visitorId());
		assertThat(elsewhere.json().path("conversation").isNull()).isTrue();
	}

	@Test
	void aReturningVisitorContinuesTheSameConversation() {
		String key = channelKey();
		TestVisitor alice = visitorWithConversation(key);
		ApiClient.Response again = arrive(key, Map.of("token", alice.token(), "pageUrl", "https://shop.example.com/x"));
		assertThat(again.json().path("visitor").path("id").asLong()).isEqualTo(alice.visitorId());
		assertThat(again.json().path("conversation").path("id").asLong()).isEqualTo(alice.conversationId());
	}

	@Test
	void identityVerificationTakesOnlyCorrectlySignedCustomerIds() throws Exception {
		var channel = createChannel(Map.of());
		String key = channel.path("key").asString();
		String secret = channel.path("identitySecret").asString();
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(), "HmacSHA256"));
		String hash = java.util.HexFormat.of().formatHex(mac.doFinal("customer-42".getBytes()));
		ApiClient.Response verified = arrive(key, Map.of("customerId", "customer-42", "customerHash", hash));
		assertThat(verified.json().path("visitor").path("verified").asBoolean()).isTrue();
		ApiClient.Response sameCustomerElsewhere = arrive(key,
				Map.of("customerId", "customer-42", "customerHash", hash));
		assertThat(sameCustomerElsewhere.json().path("visitor").path("id").asLong())
			.isEqualTo(verified.json().path("visitor").path("id").asLong());
		ApiClient.Response claimed = arrive(key, Map.of("customerId", "customer-42", "customerHash", "00ff"));
		assertThat(claimed.json().path("visitor").path("verified").asBoolean()).isFalse();
		assertThat(claimed.json().path("visitor").path("id").asLong())
			.isNotEqualTo(verified.json().path("visitor").path("id").asLong());
	}

	@Test
	void agentsSeeWaitingAndOwnConversationsSupervisorsSeeAll() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String path = "/api/v1/conversations/" + visitor.conversationId();
		ApiClient owner = signedInAs("agent");
		ApiClient other = signedInAs("agent");
		assertThat(other.get(path).status()).as("waiting: any agent may look").isEqualTo(200);
		take(owner, visitor.conversationId());
		assertThat(other.get(path).status()).isEqualTo(404);
		assertThat(other.get(path + "/messages").status()).isEqualTo(404);
		ApiClient.Response reply = other.post(path + "/messages", Map.of("clientId", "o-1", "text", "mine now"));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(other.post(path + "/close", Map.of()).status()).isEqualTo(404);
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.get(path).status()).isEqualTo(200);
		assertThat(supervisor.get(path).json().path("details").path("pageUrl").asString())
			.isEqualTo("https://shop.example.com/cart");
		ApiClient.Response notAssigned = supervisor.post(path + "/messages",
				Map.of("clientId", "s-1", "text", "hello"));
		assertThat(notAssigned.status()).isEqualTo(409);
		assertThat(notAssigned.code()).isEqualTo("not_assigned");
		ApiClient support = signedInAs("support");
		assertThat(support.get("/api/v1/conversations?view=waiting").status()).isEqualTo(403);
		assertThat(support.get(path).status()).isEqualTo(404);
		assertThat(transcript(owner, "/api/v1/conversations/", visitor.conversationId()))
			.as("nothing the others sent was stored")
			.noneMatch((m) -> List.of("o-1", "s-1").contains(m.path("clientId").asString()));
	}

	@Test
	void searchAndListsFollowThePermissions() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "v-1", "text", "My parcel 7Q-ZEBRA is late"));
		ApiClient agent = signedInAs("agent");
		// an agent searches what he may open: here, a waiting conversation any agent may
		// take
		ApiClient.Response agentFound = agent.get("/api/v1/conversations/search?q=zebra");
		assertThat(agentFound.status()).isEqualTo(200);
		assertThat(agentFound.json().path("items").findValuesAsString("id"))
			.contains(String.valueOf(visitor.conversationId()));
		assertThat(signedInAs("support").get("/api/v1/conversations/search?q=zebra").status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/conversations/channels").status()).isEqualTo(200);
		assertThat(signedInAs("support").get("/api/v1/conversations/channels").status()).isEqualTo(403);
		ApiClient supervisor = signedInAs("supervisor");
		ApiClient.Response found = supervisor.get("/api/v1/conversations/search?q=zebra");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("items").findValuesAsString("id"))
			.contains(String.valueOf(visitor.conversationId()));
		assertThat(supervisor.get("/api/v1/conversations/search?q=" + "%25%25").status()).isEqualTo(200);
		assertThat(supervisor.get("/api/v1/conversations?view=everything").code()).isEqualTo("validation_failed");
		assertThat(supervisor.get("/api/v1/conversations?view=open&after=nonsense").code())
			.isEqualTo("validation_failed");
		assertThat(supervisor.get("/api/v1/conversations?view=open&limit=0").code()).isEqualTo("validation_failed");
	}

	@Test
	void exactlyOneOfTwoAgentsTakingAConversationAtOnceGetsIt() throws Exception {
		for (int round = 0; round < 5; round++) {
			TestVisitor visitor = visitorWithConversation(channelKey());
			ApiClient first = signedInAs("agent");
			ApiClient second = signedInAs("agent");
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				String path = "/api/v1/conversations/" + visitor.conversationId() + "/assign";
				List<Callable<Integer>> calls = List.of(() -> first.post(path, Map.of()).status(),
						() -> second.post(path, Map.of()).status());
				List<Integer> statuses = pool.invokeAll(calls).stream().map(ChatAuthorizationTests::get).toList();
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			}
			finally {
				pool.shutdown();
			}
			long events = transcript(admin(), "/api/v1/conversations/", visitor.conversationId()).stream()
				.filter((m) -> m.path("event").path("type").asString().equals("assigned"))
				.count();
			assertThat(events).isEqualTo(1);
		}
	}

	private static Integer get(Future<Integer> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
