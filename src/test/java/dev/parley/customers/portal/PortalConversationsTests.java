package dev.parley.customers.portal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal customer's conversations: the widget's visitor vouched for by his verified
 * address is him; he sees and continues only his own conversations, whatever ids he
 * tries.
 */
class PortalConversationsTests extends PortalTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorVouchedForByAVerifiedAddressIsThePortalCustomerAtOnce() throws Exception {
		String email = unique("vouched") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, email);
		JsonNode site = channel();
		long visitor = arrive(site, PortalFixture.vouchedEmail(site, email.toUpperCase())).path("visitor")
			.path("id")
			.asLong();
		assertThat(customerOfVisitor(visitor)).as("linked at arrival, before any conversation")
			.isEqualTo(customerOfAccount(email));

		Map<String, Object> forged = new HashMap<>(PortalFixture.vouchedEmail(site, email));
		forged.put("customerEmailHash", "00".repeat(32));
		long stranger = arrive(site, forged).path("visitor").path("id").asLong();
		assertThat(customerOfVisitor(stranger)).as("a wrong hash vouches for nothing").isNull();
		Map<String, Object> otherChannel = PortalFixture.vouchedEmail(channel(), email);
		long elsewhere = arrive(site, otherChannel).path("visitor").path("id").asLong();
		assertThat(customerOfVisitor(elsewhere)).as("another channel's secret vouches for nothing here").isNull();

		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(site.path("identitySecret").asString().getBytes(), "HmacSHA256"));
		Map<String, Object> idHash = Map.of("customerEmail", email, "customerEmailHash",
				java.util.HexFormat.of().formatHex(mac.doFinal(email.toLowerCase(java.util.Locale.ROOT).getBytes())));
		long asId = arrive(site, idHash).path("visitor").path("id").asLong();
		assertThat(customerOfVisitor(asId)).as("a customer id's hash of the address vouches for no address").isNull();
	}

	@Test
	void aCustomerSeesAndContinuesOnlyHisOwnConversations() throws Exception {
		String email = unique("own") + "@example.com";
		ApiClient owner = PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient stranger = PortalFixture.verifiedCustomer(client(), mail, unique("stranger") + "@example.com");
		JsonNode site = channel();
		long conversation = startConversation(site, email, "Where is my order?");

		JsonNode list = owner.get("/api/v1/portal/conversations").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).path("id").asLong()).isEqualTo(conversation);
		assertThat(list.get(0).path("channelName").asString()).isEqualTo(site.path("name").asString());
		JsonNode page = owner.get("/api/v1/portal/conversations/" + conversation).json();
		assertThat(page.path("lines").get(0).path("text").asString()).isEqualTo("Where is my order?");
		assertThat(page.path("lines").get(0).path("side").asString()).isEqualToIgnoringCase("visitor");

		assertThat(stranger.get("/api/v1/portal/conversations").json()).isEmpty();
		assertThat(stranger.get("/api/v1/portal/conversations/" + conversation).status()).isEqualTo(404);
		ApiClient.Response written = stranger.post("/api/v1/portal/conversations/" + conversation + "/messages",
				Map.of("clientId", "guess-1", "text", "Let me in"));
		assertThat(written.status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/portal/conversations/999999999").status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/portal/conversations/abc").status()).isEqualTo(400);
		assertThat(client().get("/api/v1/portal/conversations/" + conversation).status()).isEqualTo(401);
		assertThat(lines(conversation)).as("nothing written by the stranger").isEqualTo(1);

		ApiClient.Response bad = owner.post("/api/v1/portal/conversations/" + conversation + "/messages",
				Map.of("clientId", "c-0", "text", "  "));
		assertThat(bad.status()).isEqualTo(400);
		ApiClient.Response more = owner.post("/api/v1/portal/conversations/" + conversation + "/messages",
				Map.of("clientId", "c-1", "text", "Any news?"));
		assertThat(more.status()).as(more.toString()).isEqualTo(201);
		assertThat(more.json().path("conversationId").asLong()).isEqualTo(conversation);
		assertThat(more.json().path("continuedFrom").isNull()).isTrue();
		assertThat(lines(conversation)).isEqualTo(2);

		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);
		assertThat(admin
			.post("/api/v1/conversations/" + conversation + "/messages", Map.of("clientId", "a-1", "text", "Shipped!"))
			.status()).isIn(200, 201);
		JsonNode answered = owner.get("/api/v1/portal/conversations/" + conversation).json();
		JsonNode reply = answered.path("lines").get(answered.path("lines").size() - 1);
		assertThat(reply.path("text").asString()).isEqualTo("Shipped!");
		assertThat(reply.path("name").asString()).as("the agent by his public name").isNotBlank().isNotEqualTo(ADMIN);
		assertThat(answered.path("conversation").path("agentName").asString()).isEqualTo(reply.path("name").asString());

		assertThat(admin.post("/api/v1/conversations/" + conversation + "/close", Map.of()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(1));
		ApiClient.Response later = owner.post("/api/v1/portal/conversations/" + conversation + "/messages",
				Map.of("clientId", "c-2", "text", "One more thing"));
		assertThat(later.status()).as(later.toString()).isEqualTo(201);
		long continued = later.json().path("conversationId").asLong();
		assertThat(continued).isNotEqualTo(conversation);
		assertThat(later.json().path("continuedFrom").asLong()).isEqualTo(conversation);
		assertThat(owner.get("/api/v1/portal/conversations").json()).hasSize(2);
		assertThat(owner.get("/api/v1/portal/conversations/" + continued)
			.json()
			.path("lines")
			.get(0)
			.path("text")
			.asString()).isEqualTo("One more thing");
	}

	@Test
	void thePortalPollsForLinesAfterTheLastSequenceNumberItRead() throws Exception {
		String email = unique("poll") + "@example.com";
		ApiClient owner = PortalFixture.verifiedCustomer(client(), mail, email);
		ApiClient stranger = PortalFixture.verifiedCustomer(client(), mail, unique("other") + "@example.com");
		long conversation = startConversation(channel(), email, "Is it in stock?");
		String path = "/api/v1/portal/conversations/" + conversation;

		JsonNode first = owner.get(path).json();
		long read = first.path("lastSeq").asLong();
		assertThat(first.path("more").asBoolean()).isFalse();
		assertThat(read).isGreaterThanOrEqualTo(first.path("lines").get(0).path("seq").asLong());
		JsonNode nothing = owner.get(path + "?after=" + read).json();
		assertThat(nothing.path("lines")).as("nothing newer yet").isEmpty();
		assertThat(nothing.path("lastSeq").asLong()).isEqualTo(read);
		assertThat(nothing.path("conversation").path("status").asString()).isEqualToIgnoringCase("waiting");

		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);
		assertThat(admin
			.post("/api/v1/conversations/" + conversation + "/messages",
					Map.of("clientId", "a-poll", "text", "Yes, two left."))
			.status()).isIn(200, 201);
		JsonNode news = owner.get(path + "?after=" + read).json();
		assertThat(news.path("lines")).as("only the agent's new line, not the question again").hasSize(1);
		assertThat(news.path("lines").get(0).path("text").asString()).isEqualTo("Yes, two left.");
		assertThat(news.path("lines").get(0).path("seq").asLong()).isGreaterThan(read);
		assertThat(news.path("lastSeq").asLong())
			.isGreaterThanOrEqualTo(news.path("lines").get(0).path("seq").asLong());
		assertThat(news.path("conversation").path("status").asString()).isEqualToIgnoringCase("assigned");

		assertThat(admin.post("/api/v1/conversations/" + conversation + "/close", Map.of()).status()).isEqualTo(200);
		JsonNode closed = owner.get(path + "?after=" + news.path("lastSeq").asLong()).json();
		assertThat(closed.path("conversation").path("status").asString()).as("the close shows in a poll")
			.isEqualToIgnoringCase("closed");
		assertThat(closed.path("lines")).as("its event line is not shown").isEmpty();
		assertThat(closed.path("lastSeq").asLong()).as("but read past").isGreaterThan(news.path("lastSeq").asLong());

		assertThat(stranger.get(path + "?after=" + read).status()).as("not his").isEqualTo(404);
		for (String bad : List.of("-1", "abc", "1.5", "99999999999999999999")) {
			ApiClient.Response refused = owner.get(path + "?after=" + bad);
			assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
		}
		assertThat(owner.get(path + "?after=0&limit=0").status()).isEqualTo(400);
		assertThat(owner.get(path + "?after=0&limit=201").status()).isEqualTo(400);
	}

	@Test
	void aConversationOfSomeoneWhoOnlyTypedTheAddressIsNeverTheAccountHolders() throws Exception {
		String email = unique("typed") + "@example.com";
		JsonNode site = channel();
		JsonNode arrived = arrive(site, Map.of());
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "My order?", "email", email));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		Long typist = customerOfVisitor(arrived.path("visitor").path("id").asLong());

		ApiClient owner = PortalFixture.verifiedCustomer(client(), mail, email);
		Long holder = customerOfAccount(email);
		assertThat(holder).as("not linked to whoever typed the address").isNotEqualTo(typist);
		assertThat(owner.get("/api/v1/portal/conversations").json()).isEmpty();
		assertThat(owner.get("/api/v1/portal/conversations/" + started.json().path("id").asLong()).status())
			.isEqualTo(404);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM customer_suggestion WHERE customer_id = ? AND candidate_id = ? "
					+ "AND reason = 'EMAIL'")
			.params(typist, holder)
			.query(Integer.class)
			.single()).as("shown to agents as a possible duplicate").isEqualTo(1);
	}

	private long startConversation(JsonNode site, String email, String question) throws Exception {
		JsonNode arrived = arrive(site, PortalFixture.vouchedEmail(site, email));
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations", Map.of("question", question));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private JsonNode channel() {
		ApiClient.Response response = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private JsonNode arrive(JsonNode channel, Map<String, Object> body) {
		ApiClient.Response arrived = client()
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors", body);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return arrived.json();
	}

	private Long customerOfVisitor(long visitorId) {
		return this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(visitorId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	private Long customerOfAccount(String email) {
		return this.jdbc.sql("SELECT customer_id FROM customer_account WHERE email_index = ?")
			.param(this.personal.index("customer.email", email.toLowerCase(java.util.Locale.ROOT)))
			.query((rs, row) -> rs.getObject(1, Long.class))
			.single();
	}

	private int lines(long conversationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE conversation_id = ? AND kind <> 'event'")
			.param(conversationId)
			.query(Integer.class)
			.single();
	}

	@Autowired
	dev.parley.platform.PersonalData personal;

}
