package dev.parley.conversations;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.parley.conversations.internal.ConversationLifecycle;
import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing, rating, reopening, the inactivity timeout, attachments and channel
 * administration, each with its bad inputs and refusals.
 */
@RecordApplicationEvents
class ChatLifecycleTests extends ChatTest {

	@Autowired
	ConversationLifecycle conversations;

	@Autowired
	ApplicationEvents events;

	@Test
	void closedConversationIsRatedOnceAndReopenedOnlyWithinTheWindow() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String widget = "/api/v1/widget/conversations/" + visitor.conversationId();
		assertThat(visitor.api().post(widget + "/rating", Map.of("score", 5)).status()).as("open").isEqualTo(409);
		ApiClient.Response closed = agent.post("/api/v1/conversations/" + visitor.conversationId() + "/close",
				Map.of());
		assertThat(closed.json().path("status").asString()).isEqualTo("closed");
		assertThat(closed.json().path("closedBy").asString()).isEqualTo("agent");
		for (Object score : List.of(0, 6, "five")) {
			ApiClient.Response bad = visitor.api().post(widget + "/rating", Map.of("score", score));
			assertThat(bad.status()).as(String.valueOf(score)).isEqualTo(400);
		}
		assertThat(visitor.api().post(widget + "/rating", Map.of("score", 4, "comment", "quick <b>help</b>")).status())
			.isEqualTo(204);
		assertThat(visitor.api().post(widget + "/rating", Map.of("score", 1)).status()).isEqualTo(409);
		JsonNode rated = agent.get("/api/v1/conversations/" + visitor.conversationId()).json();
		assertThat(rated.path("rating").asInt()).isEqualTo(4);
		assertThat(rated.path("ratingComment").asString()).isEqualTo("quick <b>help</b>");

		ApiClient.Response again = visitor.api()
			.post(widget + "/messages", Map.of("clientId", "v-after", "text", "one more thing"));
		assertThat(again.status()).isEqualTo(201);
		JsonNode reopened = agent.get("/api/v1/conversations/" + visitor.conversationId()).json();
		assertThat(reopened.path("status").asString()).isEqualTo("assigned");
		List<String> events = transcript(agent, "/api/v1/conversations/", visitor.conversationId()).stream()
			.filter((m) -> m.path("kind").asString().equals("event"))
			.map((m) -> m.path("event").path("type").asString())
			.toList();
		assertThat(events).containsExactly("assigned", "closed", "reopened");

		visitor.api().post(widget + "/close", Map.of());
		this.clock.advance(Duration.ofMinutes(11));
		try {
			ApiClient.Response late = visitor.api()
				.post(widget + "/messages", Map.of("clientId", "v-late", "text", "hello again"));
			assertThat(late.status()).isEqualTo(409);
			assertThat(late.code()).isEqualTo("conversation_closed");
			ApiClient.Response fresh = visitor.api().post("/api/v1/widget/conversations", Map.of());
			assertThat(fresh.status()).isEqualTo(201);
			assertThat(fresh.json().path("id").asLong()).isNotEqualTo(visitor.conversationId());
			ApiClient.Response history = agent.get("/api/v1/visitors/" + visitor.visitorId() + "/conversations");
			assertThat(history.json().path("items").size()).isEqualTo(2);
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-11));
		}
	}

	@Test
	void waitingVisitorsLearnTheirPlaceInTheQueue() {
		String key = channelKey();
		TestVisitor first = visitorWithConversation(key);
		TestVisitor second = visitorWithConversation(key);
		String queue = "/api/v1/widget/conversations/%d/queue";
		int firstPlace = first.api().get(queue.formatted(first.conversationId())).json().path("position").asInt();
		int secondPlace = second.api().get(queue.formatted(second.conversationId())).json().path("position").asInt();
		assertThat(secondPlace).isEqualTo(firstPlace + 1);
		take(signedInAs("agent"), first.conversationId());
		assertThat(first.api().get(queue.formatted(first.conversationId())).json().path("position").isNull()).isTrue();
		assertThat(second.api().get(queue.formatted(second.conversationId())).json().path("position").asInt())
			.isEqualTo(secondPlace - 1);
		assertThat(first.api().get(queue.formatted(second.conversationId())).status()).isEqualTo(404);
	}

	@Test
	void idleConversationsAreClosedByTheTimeout() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		this.clock.advance(Duration.ofMinutes(31));
		try {
			assertThat(this.conversations.closeInactive()).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-31));
		}
		JsonNode conversation = admin().get("/api/v1/conversations/" + visitor.conversationId()).json();
		assertThat(conversation.path("status").asString()).isEqualTo("closed");
		assertThat(conversation.path("closedBy").asString()).isEqualTo("timeout");
		assertThat(this.events.stream(ConversationClosed.class))
			.anyMatch((closed) -> closed.conversationId() == visitor.conversationId()
					&& closed.closedBy() == ClosedBy.TIMEOUT && closed.visitorId() == visitor.visitorId());
	}

	@Test
	void attachmentsAreSniffedThumbnailedAndHandedOnlyToParties() throws Exception {
		String key = channelKey();
		TestVisitor visitor = visitorWithConversation(key);
		TestVisitor stranger = visitorWithConversation(key);
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String upload = "/api/v1/widget/conversations/" + visitor.conversationId() + "/attachments";

		ApiClient.Response image = visitor.api()
			.upload(upload, "<img src=x onerror=alert(1)>.png", png(800, 400), Map.of("clientId", "f-1"));
		assertThat(image.status()).as(image.toString()).isEqualTo(201);
		JsonNode attachment = image.json().path("attachment");
		assertThat(attachment.path("image").asBoolean()).isTrue();
		assertThat(attachment.path("width").asInt()).isEqualTo(800);
		assertThat(attachment.path("contentType").asString()).isEqualTo("image/png");
		assertThat(attachment.path("name").asString()).isEqualTo("<img src=x onerror=alert(1)>.png");
		String url = attachment.path("url").asString();
		assertThat(url).matches("/api/v1/attachments/[0-9a-f]{32}");

		ApiClient.Response thumbnail = visitor.api().get(url + "/thumbnail");
		assertThat(thumbnail.status()).isEqualTo(200);
		assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
		assertThat(thumbnail.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(agent.get(url).status()).isEqualTo(200);
		assertThat(stranger.api().get(url).status()).isEqualTo(404);
		assertThat(signedInAs("agent").get(url).status()).isEqualTo(404);
		assertThat(client().get(url).status()).isEqualTo(401);
		assertThat(visitor.api().get("/api/v1/attachments/" + "0".repeat(32)).status()).isEqualTo(404);
		assertThat(visitor.api().get("/api/v1/attachments/../../etc").status()).isIn(400, 404);

		ApiClient.Response html = visitor.api()
			.upload(upload, "page.png", "<html><script>alert(1)</script></html>".getBytes(), Map.of("clientId", "f-2"));
		assertThat(html.status()).isEqualTo(415);
		assertThat(html.code()).isEqualTo("unsupported_media_type");
		ApiClient.Response empty = visitor.api().upload(upload, "empty.txt", new byte[0], Map.of("clientId", "f-3"));
		assertThat(empty.status()).isEqualTo(400);
		ApiClient.Response noClientId = visitor.api().upload(upload, "a.txt", "hello".getBytes(), Map.of());
		assertThat(noClientId.status()).isEqualTo(400);

		admin().put("/api/v1/settings", Map.of("chat.attachmentMaxMegabytes", "1"));
		try {
			this.clock.advance(Duration.ofSeconds(6)); // the chat settings are cached for
														// five seconds
			ApiClient.Response big = visitor.api()
				.upload(upload, "big.txt", "x".repeat(1_100_000).getBytes(), Map.of("clientId", "f-4"));
			assertThat(big.status()).isEqualTo(413);
		}
		finally {
			admin().put("/api/v1/settings", Map.of("chat.attachmentMaxMegabytes", "10"));
			this.clock.advance(Duration.ofSeconds(6));
		}
		List<JsonNode> messages = transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId());
		assertThat(messages.stream().filter((m) -> m.path("kind").asString().equals("attachment"))).hasSize(1);
	}

	@Test
	void programsAreRefusedByNameAndByContentAndEachChannelTakesOnlyTheKindsOfFileItAllows() throws Exception {
		JsonNode channel = createChannel(Map.of());
		String key = channel.path("key").asString();
		JsonNode config = client().get("/api/v1/widget/channels/" + key).json();
		assertThat(config.path("maxUploadBytes").asLong()).isEqualTo(10L * 1024 * 1024);
		assertThat(config.path("uploadTypes").valueStream().map(JsonNode::asString)).containsExactly("images", "pdf",
				"office", "text", "archives");
		assertThat(config.path("uploadExtensions").valueStream().map(JsonNode::asString)).contains(".png", ".pdf")
			.doesNotContain(".exe", ".js", ".mp4");

		TestVisitor visitor = visitorWithConversation(key);
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String upload = "/api/v1/widget/conversations/" + visitor.conversationId() + "/attachments";
		byte[] windowsProgram = new byte[512];
		windowsProgram[0] = 'M';
		windowsProgram[1] = 'Z';
		byte[] linuxProgram = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		Map<String, byte[]> programs = new java.util.LinkedHashMap<>();
		programs.put("invoice.pdf.exe", windowsProgram);
		programs.put("photo.png", windowsProgram); // the name lies, the bytes do not
		programs.put("report.txt", linuxProgram);
		programs.put("readme.txt", "#!/bin/sh\nrm -rf ~\n".getBytes());
		programs.put("order.js", "alert(document.cookie)".getBytes());
		programs.put("run.bat", "del /q *".getBytes());
		programs.put("Setup.MSI.", "plain words".getBytes());
		programs.put("app.apk", zip("log.txt"));
		programs.put("order.js\u200B", "alert(document.cookie)".getBytes()); // an
																				// invisible
																				// ending
		programs.put("run.bat\u0001", "del /q *".getBytes());
		programs.put("page.html", "<script>alert(1)</script>".getBytes());
		programs.put("tools.zip", zip("docs/readme.txt", "bin/setup.exe")); // packed
		programs.put("macro.vb", "Shell \"calc\"".getBytes());
		int n = 0;
		for (Map.Entry<String, byte[]> program : programs.entrySet()) {
			ApiClient.Response refused = visitor.api()
				.upload(upload, program.getKey(), program.getValue(), Map.of("clientId", "x-" + n++));
			assertThat(refused.status()).as(program.getKey()).isEqualTo(415);
			assertThat(refused.code()).as(program.getKey()).isEqualTo("executable_refused");
		}
		ApiClient.Response agentProgram = agent.upload(
				"/api/v1/conversations/" + visitor.conversationId() + "/attachments", "tool.exe", windowsProgram,
				Map.of("clientId", "x-agent"));
		assertThat(agentProgram.status()).as("agents neither").isEqualTo(415);

		assertThat(
				visitor.api().upload(upload, "notes.txt", "Order 1234".getBytes(), Map.of("clientId", "ok-1")).status())
			.isEqualTo(201);
		assertThat(visitor.api().upload(upload, "logs.zip", zip("log.txt"), Map.of("clientId", "ok-2")).status())
			.isEqualTo(201);

		// the administrator narrows the channel to images: text is refused, with what is
		// allowed
		long id = channel.path("id").asLong();
		Map<String, Object> imagesOnly = new java.util.HashMap<>(Map.of("name", channel.path("name").asString(),
				"allowedOrigins", List.of("https://shop.example.com"), "uploadTypes", List.of("images")));
		ApiClient.Response narrowed = admin().put("/api/v1/channels/" + id, imagesOnly);
		assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
		assertThat(narrowed.json().path("uploadTypes").valueStream().map(JsonNode::asString)).containsExactly("images");
		ApiClient.Response text = visitor.api()
			.upload(upload, "notes.txt", "more".getBytes(), Map.of("clientId", "t-2"));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.code()).isEqualTo("unsupported_media_type");
		assertThat(text.json().path("allowed").valueStream().map(JsonNode::asString)).containsExactly("images");
		assertThat(visitor.api().upload(upload, "a.png", png(20, 20), Map.of("clientId", "t-3")).status())
			.isEqualTo(201);

		// bad kinds change nothing; without channel.manage the API refuses
		Map<String, Object> bad = new java.util.HashMap<>(imagesOnly);
		bad.put("uploadTypes", List.of("images", "programs"));
		ApiClient.Response invalid = admin().put("/api/v1/channels/" + id, bad);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.code()).isEqualTo("validation_failed");
		Map<String, Object> all = new java.util.HashMap<>(imagesOnly);
		all.put("uploadTypes", List.of("images", "pdf", "office", "text", "archives", "media"));
		assertThat(agent.put("/api/v1/channels/" + id, all).status()).isEqualTo(403);
		assertThat(
				admin().get("/api/v1/channels/" + id).json().path("uploadTypes").valueStream().map(JsonNode::asString))
			.containsExactly("images");
	}

	private static byte[] zip(String... names) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			for (String name : names) {
				zip.putNextEntry(new java.util.zip.ZipEntry(name));
				zip.write("line".getBytes());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void aChannelsPublicTitleLogoAndTextsAreValidatedNeedThePermissionAndReachTheWidget() throws Exception {
		String internal = unique("Acme website");
		JsonNode channel = createChannel(Map.of("name", internal));
		long id = channel.path("id").asLong();
		String key = channel.path("key").asString();
		String path = "/api/v1/channels/" + id;
		JsonNode plain = client().get("/api/v1/widget/channels/" + key).json();
		assertThat(plain.toString()).as("visitors never see the internal name").doesNotContain(internal);
		assertThat(plain.path("title").asString()).isEqualTo(plain.path("organisation").asString());

		Map<String, Object> texts = Map.of("en", Map.of("greeting", "Welcome to Acme!", "awayMessage", "Back at 9"),
				"zh-TW", Map.of("greeting", "歡迎光臨 Acme！", "prechatIntro", "請告訴我們您的問題"));
		ApiClient.Response saved = admin().put(path + "/presentation",
				Map.of("publicTitle", "  Acme Support  ", "texts", texts));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("publicTitle").asString()).isEqualTo("Acme Support");

		List<Map<String, Object>> bad = List.of(Map.of("publicTitle", "x".repeat(101)),
				Map.of("texts", Map.of("fr", Map.of("greeting", "Bonjour"))),
				Map.of("texts", Map.of("en", Map.of("greeting", "x".repeat(501)))));
		for (Map<String, Object> body : bad) {
			ApiClient.Response refused = admin().put(path + "/presentation", body);
			assertThat(refused.status()).as(body.toString()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("validation_failed");
		}
		ApiClient agent = signedInAs("agent");
		assertThat(agent.put(path + "/presentation", Map.of("publicTitle", "Mine")).status()).isEqualTo(403);
		assertThat(agent.upload(path + "/logo", "logo.png", png(64, 64), Map.of()).status()).isEqualTo(403);
		assertThat(admin().put("/api/v1/channels/" + Long.MAX_VALUE + "/presentation", Map.of()).status())
			.isEqualTo(404);

		ApiClient.Response svg = admin().upload(path + "/logo", "logo.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(), Map.of());
		assertThat(svg.status()).isEqualTo(415);
		assertThat(svg.code()).isEqualTo("unsupported_media_type");
		ApiClient.Response big = admin().upload(path + "/logo", "big.png", noise(400, 400), Map.of());
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.json().path("maxBytes").asInt()).isEqualTo(256 * 1024);
		byte[] bomb = png(8, 8);
		// the header claims 50,000 x 50,000 pixels (IHDR width and height; the CRC no
		// longer matches, which the size check never reaches)
		for (int at : new int[] { 16, 20 }) {
			java.nio.ByteBuffer.wrap(bomb, at, 4).putInt(50_000);
		}
		ApiClient.Response huge = admin().upload(path + "/logo", "bomb.png", bomb, Map.of());
		assertThat(huge.status()).as("a small file claiming a huge picture").isEqualTo(415);
		byte[] png = png(64, 64);
		byte[] trailing = java.util.Arrays.copyOf(png, png.length + 16);
		System.arraycopy("GPS 31.23,121.47".getBytes(), 0, trailing, png.length, 16);
		ApiClient.Response logo = admin().upload(path + "/logo", "logo.png", trailing, Map.of());
		assertThat(logo.status()).as(logo.toString()).isEqualTo(200);
		String logoUrl = logo.json().path("logoUrl").asString();
		assertThat(logoUrl).startsWith("/api/v1/widget/channels/" + key + "/logo");

		JsonNode widget = client().get("/api/v1/widget/channels/" + key).json();
		assertThat(widget.path("title").asString()).isEqualTo("Acme Support");
		assertThat(widget.path("logoUrl").asString()).isEqualTo(logoUrl);
		assertThat(widget.path("texts").path("en").path("greeting").asString()).isEqualTo("Welcome to Acme!");
		assertThat(widget.path("texts").path("zh-TW").path("prechatIntro").asString()).isEqualTo("請告訴我們您的問題");
		assertThat(widget.path("texts").has("zh-CN")).isFalse();
		ApiClient.Response image = client().get(logoUrl);
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("Content-Type")).isEqualTo("image/png");
		assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(image.body()).as("drawn again: nothing but pixels").doesNotContain("GPS");

		assertThat(admin().delete(path + "/logo").status()).isEqualTo(200);
		assertThat(client().get(logoUrl).status()).isEqualTo(404);
		assertThat(admin().get(path + "/presentation").json().path("publicTitle").asString())
			.as("refused changes changed nothing")
			.isEqualTo("Acme Support");
		assertThat(admin().delete(path).status()).as("a channel with a presentation can go").isEqualTo(204);
	}

	private static byte[] noise(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(7);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, random.nextInt());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void channelAdministrationValidatesAndNeedsThePermission() {
		ApiClient admin = admin();
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get("/api/v1/channels").status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/channels", Map.of("kind", "website", "name", "Mine")).status()).isEqualTo(403);
		List<Map<String, Object>> bad = List.of(Map.of("kind", "fax", "name", "x"), Map.of("kind", "website"),
				Map.of("kind", "website", "name", "x".repeat(101)),
				Map.of("kind", "website", "name", unique("o"), "allowedOrigins", List.of("javascript:alert(1)")),
				Map.of("kind", "website", "name", unique("o"), "allowedOrigins", List.of("https://a.com/path")),
				Map.of("kind", "website", "name", unique("c"), "color", "red; background:url(x)"),
				Map.of("kind", "website", "name", unique("p"), "prechatFields", List.of("ssn")));
		for (Map<String, Object> body : bad) {
			ApiClient.Response response = admin.post("/api/v1/channels", body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("validation_failed");
		}
		JsonNode channel = createChannel(Map.of("allowedOrigins", List.of("https://Shop.Example.com/")));
		assertThat(channel.path("allowedOrigins").get(0).asString()).isEqualTo("https://shop.example.com");
		ApiClient.Response duplicate = admin.post("/api/v1/channels",
				Map.of("kind", "api", "name", channel.path("name").asString()));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.code()).isEqualTo("duplicate_channel");

		ApiClient.Response frame = client().get("/widget/frame?channel=" + channel.path("key").asString());
		assertThat(frame.header("Content-Security-Policy")).contains("frame-ancestors https://shop.example.com 'self'");
		assertThat(client().get("/widget.js").body()).contains("/widget/frame");

		String key = channel.path("key").asString();
		visitorWithConversation(key);
		assertThat(admin.delete("/api/v1/channels/" + channel.path("id").asLong()).code()).isEqualTo("conflict");
		Map<String, Object> disabled = new java.util.HashMap<>(Map.of("name", channel.path("name").asString(),
				"allowedOrigins", List.of("https://shop.example.com"), "enabled", false));
		assertThat(admin.put("/api/v1/channels/" + channel.path("id").asLong(), disabled).status()).isEqualTo(200);
		assertThat(client().get("/api/v1/widget/channels/" + key).status()).isEqualTo(404);
		assertThat(arrive(key, Map.of()).status()).isEqualTo(404);
		String secret = channel.path("identitySecret").asString();
		ApiClient.Response rotated = admin.post("/api/v1/channels/" + channel.path("id").asLong() + "/secret",
				Map.of());
		assertThat(rotated.json().path("identitySecret").asString()).isNotEqualTo(secret).hasSize(64);
	}

	@Test
	void prechatFieldsTheChannelRequiresMustBeGiven() {
		String key = createChannel(Map.of("prechatEnabled", true, "prechatFields", List.of("name", "question")))
			.path("key")
			.asString();
		String token = arrive(key, Map.of()).json().path("token").asString();
		ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
		ApiClient.Response missing = visitor.post("/api/v1/widget/conversations", Map.of("name", "Li"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("question");
		ApiClient.Response badEmail = visitor.post("/api/v1/widget/conversations",
				Map.of("name", "Li", "question", "?", "email", "not-an-email"));
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(visitor.post("/api/v1/widget/conversations", Map.of("name", "Li", "question", "Refund?")).status())
			.isEqualTo(201);
		assertThat(visitor.post("/api/v1/widget/conversations", Map.of("name", "Li", "question", "Again?")).status())
			.as("the open conversation is returned, not a second one")
			.isEqualTo(200);
	}

	@Test
	void thePrechatQuestionIsTheFirstMessageOfTheConversation() {
		String key = createChannel(Map.of("prechatEnabled", true, "prechatFields", List.of("question"))).path("key")
			.asString();
		String token = arrive(key, Map.of()).json().path("token").asString();
		ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
		String parcel = unique("P");
		String question = "Where is parcel " + parcel + "?";
		ApiClient.Response badClientId = visitor.post("/api/v1/widget/conversations",
				Map.of("question", question, "clientId", "not a client id!"));
		assertThat(badClientId.status()).isEqualTo(400);
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations",
				Map.of("question", question, "clientId", "q-1"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long id = started.json().path("id").asLong();
		assertThat(started.json().path("lastSeq").asLong()).isEqualTo(1);
		// started again (the answer got lost) and the same words sent as a message with
		// the same client id: still one message
		assertThat(
				visitor.post("/api/v1/widget/conversations", Map.of("question", question, "clientId", "q-1")).status())
			.isEqualTo(200);
		assertThat(visitor
			.post("/api/v1/widget/conversations/" + id + "/messages", Map.of("clientId", "q-1", "text", question))
			.status()).isEqualTo(200);

		List<JsonNode> seen = transcript(visitor, "/api/v1/widget/conversations/", id);
		assertThat(seen).hasSize(1);
		assertThat(seen.get(0).path("seq").asLong()).isEqualTo(1);
		assertThat(seen.get(0).path("text").asString()).isEqualTo(question);
		assertThat(seen.get(0).path("sender").path("kind").asString()).isEqualTo("visitor");

		ApiClient agent = signedInAs("agent");
		JsonNode waiting = agent.get("/api/v1/conversations/" + id).json();
		assertThat(waiting.path("lastMessagePreview").asString()).isEqualTo(question);
		take(agent, id);
		List<JsonNode> thread = transcript(agent, "/api/v1/conversations/", id);
		assertThat(thread.get(0).path("text").asString()).isEqualTo(question);
		assertThat(thread.get(1).path("event").path("type").asString()).isEqualTo("assigned");
		JsonNode found = admin().get("/api/v1/conversations/search?q=" + parcel.toLowerCase()).json();
		assertThat(found.path("items").get(0).path("id").asLong()).isEqualTo(id);
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x += 10) {
			image.setRGB(x, height / 2, 0xff0000);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aClientIdTheVisitorUsedInTwoConversationsLeavesNoMessageAndNoError() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String widget = "/api/v1/widget/conversations/";
		assertThat(visitor.api()
			.post(widget + visitor.conversationId() + "/messages", Map.of("clientId", "same-1", "text", "first"))
			.status()).isEqualTo(201);
		visitor.api().post(widget + visitor.conversationId() + "/close", Map.of());
		ApiClient.Response second = visitor.api().post("/api/v1/widget/conversations", Map.of());
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		long secondId = second.json().path("id").asLong();
		assertThat(visitor.api()
			.post(widget + secondId + "/messages", Map.of("clientId", "same-1", "text", "second"))
			.status()).isEqualTo(201);
		ApiClient.Response left = visitor.api()
			.post("/api/v1/widget/messages", Map.of("clientId", "same-1", "text", "third", "email", "ann@example.com"));
		assertThat(left.status()).as("a repeat of a stored message, not a fault: " + left).isEqualTo(200);
		assertThat(left.json().path("id").asLong()).isEqualTo(secondId);
		assertThat(transcript(visitor.api(), widget, secondId).toString()).doesNotContain("third");
	}

}
