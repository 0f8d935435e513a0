package dev.parley.conversations;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor in one headless Chromium (the widget on a host page), an agent in another
 * (the console inbox): pre-chat form, messages both ways, the typing indicator, an image,
 * closing and rating. Hostile text as visitor name, message and file name is shown as
 * text on both sides; the visitor sees the agent only by the public name.
 */
class ChatBrowserTests extends ChatTest {

	private static final String HOSTILE = "<img src=x onerror=alert(1)>";

	@TempDir
	Path files;

	@Test
	void visitorAndAgentChatBothWaysWithTypingAnImageClosingAndRating() throws Exception {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"), "prechatEnabled", true, "prechatFields",
				List.of("name", "question"), "greeting", "Hi! How can we help?"))
			.path("key")
			.asString();
		String agentName = unique("agent");
		long agentId = createUser(agentName, "agent").path("id").asLong();
		// the visitor sees only the public name, never "User <agentName>"
		assertThat(admin().put("/api/v1/agents/" + agentId, Map.of("publicName", "Lily 李", "capacity", 5)).status())
			.isEqualTo(200);
		ApiClient api = client();
		api.login(agentName, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		Path image = this.files.resolve(HOSTILE + ".png");
		BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(picture, "png", image.toFile());

		try (Browser visitor = Browser.open(this.port); Browser agent = Browser.open(this.port)) {
			agent.go("/console/login");
			agent.type("#login-username", agentName);
			agent.type("#login-password", OWN_PASSWORD);
			agent.click("#login-submit");
			agent.click("a[data-nav=\"inbox\"]");
			agent.waitForPath("/console/inbox");

			visitor.go("/widget/demo?channel=" + key);
			visitor.click("#parley-launcher");
			visitor.enterFrame("#parley-frame");
			visitor.type("#prechat-name", "Mallory " + HOSTILE);
			visitor.type("#prechat-question", "Where is my order?");
			visitor.click("#prechat-start");
			// the question is the conversation's first message, on both sides
			visitor.waitForText("#messages .message.visitor", "Where is my order?");
			visitor.type("#composer", "Hello " + HOSTILE);
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages", "Hello " + HOSTILE);

			agent.click("button[data-view=\"waiting\"]");
			agent.clickOneWithText("li[data-conversation-id]", "Mallory " + HOSTILE);
			agent.click("#conv-pick");
			agent.waitForText("#conv-messages", "Hello " + HOSTILE);
			assertThat(agent.findAll("#conv-messages .message").get(0).getText()).contains("Where is my order?");
			visitor.waitForText("#agent-name", "Lily 李");
			assertThat(visitor.findAll("#messages .message.visitor")
				.stream()
				.filter((m) -> m.getText().contains("Where is my order?"))
				.count()).as("once").isEqualTo(1);

			agent.type("#reply-box", "Let me check");
			visitor.waitFor("#typing");
			agent.keys("#reply-box", Keys.ENTER);
			visitor.waitForText(".message.agent", "Let me check");
			assertThat(visitor.driver().getPageSource()).contains("Lily 李").doesNotContain("User " + agentName);
			agent.waitForText("#conv-messages .message.agent", "Let me check");

			visitor.attach("#attach-input", image);
			agent.waitFor("#conv-messages img");
			assertThat(agent.find("#conv-messages img").getAttribute("alt")).isEqualTo(HOSTILE + ".png");
			visitor.waitFor("#messages img");

			agent.click("#conv-close");
			visitor.waitFor("#rating");
			visitor.click("[data-score=\"5\"]");
			visitor.type("#rating-comment", "Quick and kind " + HOSTILE);
			visitor.click("#rating-submit");
			visitor.waitFor("#rating-thanks");

			assertNoAlert(visitor);
			assertNoAlert(agent);
			visitor.leaveFrame();
			assertNoAlert(visitor);
			assertThat(agent.driver().findElements(By.cssSelector("#conv-messages img[src=\"x\"]"))).isEmpty();
		}
		// this visitor's conversation: tests sharing the context close others too
		JsonNode closed = null;
		for (JsonNode item : admin().get("/api/v1/conversations?view=closed").json().path("items")) {
			if (item.path("visitor").path("name").asString().equals("Mallory " + HOSTILE)) {
				closed = item;
			}
		}
		assertThat(closed).as("Mallory's closed conversation").isNotNull();
		assertThat(closed.path("rating").asInt()).isEqualTo(5);
		assertThat(closed.path("ratingComment").asString()).isEqualTo("Quick and kind " + HOSTILE);
	}

	@Test
	void aSupervisorSeesWhoWaitsLongestWithFilesNamedAndTakesOverAfterConfirming() throws Exception {
		String key = channelKey();
		String agentName = unique("agent");
		createUser(agentName, "agent");
		ApiClient agent = signIn(agentName);
		String supervisorName = unique("supervisor");
		createUser(supervisorName, "supervisor");
		signIn(supervisorName);
		java.time.Instant clockWas = this.clock.instant();
		// the conversation waiting three days must not be closed as idle meanwhile
		String idleClose = "chat.inactivityCloseMinutes";
		String idleWas = setting(idleClose);
		assertThat(admin().put("/api/v1/settings", Map.of(idleClose, "0")).status()).isBetween(200, 204);
		TestVisitor longest;
		TestVisitor recent;
		try {
			this.clock.set(java.time.Instant.now().minus(java.time.Duration.ofDays(3)));
			longest = visitorWithConversation(key);
			take(agent, longest.conversationId());
			ApiClient.Response file = longest.api()
				.upload("/api/v1/widget/conversations/" + longest.conversationId() + "/attachments", "invoice 发票.pdf",
						"%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
						Map.of("clientId", "v-file"));
			assertThat(file.status()).as(file.toString()).isEqualTo(201);
			this.clock.set(java.time.Instant.now());
			recent = visitorWithConversation(key);
			take(agent, recent.conversationId());
		}
		finally {
			this.clock.set(clockWas);
		}
		try {
			superviseAndTakeOver(longest, recent, agentName, supervisorName);
		}
		finally {
			admin().put("/api/v1/settings", Map.of(idleClose, idleWas));
		}
	}

	private String setting(String key) {
		for (JsonNode setting : admin().get("/api/v1/settings").json()) {
			if (setting.path("key").asString().equals(key)) {
				return setting.path("value").asString();
			}
		}
		throw new AssertionError("no setting " + key);
	}

	private void superviseAndTakeOver(TestVisitor longest, TestVisitor recent, String agentName,
			String supervisorName) {
		String longRow = "tr[data-board-conversation=\"" + longest.conversationId() + "\"]";
		String recentRow = "tr[data-board-conversation=\"" + recent.conversationId() + "\"]";
		try (Browser supervisor = Browser.open(this.port)) {
			supervisor.signIn(supervisorName, OWN_PASSWORD);
			supervisor.go("/console/board");
			supervisor.waitForText(longRow + " .board-preview [data-preview-kind=\"file\"]", "invoice 发票.pdf");
			supervisor.find(longRow + " .board-preview [data-preview-kind=\"file\"] svg");
			supervisor.waitForText(longRow + " .board-waiting", "3 d");
			assertThat(supervisor.find(longRow).getAttribute("class")).contains("waiting-long");
			assertThat(supervisor.find(recentRow + " .board-waiting").getText()).isNotBlank();
			assertThat(supervisor.find(recentRow).getAttribute("class")).doesNotContain("waiting-long");
			supervisor.select("#board-sort", "waiting");
			supervisor.waitUntil((d) -> String.valueOf(longest.conversationId())
				.equals(supervisor.find("#board-conversations tbody tr").getAttribute("data-board-conversation")));

			supervisor.click(longRow + " a[data-watch]");
			supervisor.waitForText(
					"li[data-conversation-id=\"" + longest.conversationId() + "\"] [data-preview-kind=\"file\"]",
					"invoice 发票.pdf");
			supervisor.click("#conv-take-over");
			supervisor.waitFor(".take-over-dialog");
			assertThat(supervisor.focused().getAttribute("id")).as("focus moves into the dialog")
				.isEqualTo("take-over-confirm");
			assertThat(supervisor.find("#take-over-text").getText()).contains("User " + agentName);
			supervisor.press(Keys.ESCAPE);
			supervisor.waitUntilGone(".take-over-dialog");
			assertThat(admin().get("/api/v1/conversations/" + longest.conversationId())
				.json()
				.path("assignee")
				.path("displayName")
				.asString()).as("nothing happens without confirming").isEqualTo("User " + agentName);

			supervisor.click("#conv-take-over");
			supervisor.click("#take-over-confirm");
			supervisor.waitForText("#conv-assignee", "User " + supervisorName);
			supervisor.waitForText("#conv-messages",
					"User " + supervisorName + " took over the conversation from User " + agentName + ".");
			assertNoAlert(supervisor);
		}
	}

	@Test
	void theWidgetShowsTheAgentsAvatarInTheHeaderAndBesideHisMessages() throws Exception {
		JsonNode channel = createChannel(Map.of("allowedOrigins", List.of("*")));
		String agentName = unique("agent");
		createUser(agentName, "agent");
		ApiClient agent = signIn(agentName);
		Path picture = this.files.resolve("me.png");
		ImageIO.write(new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
		ApiClient.Response uploaded = agent.upload("/api/v1/agents/me/avatar", "me.png",
				java.nio.file.Files.readAllBytes(picture), Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
		String url = uploaded.json().path("avatarUrl").asString();
		try (Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/demo?channel=" + channel.path("key").asString());
			visitor.click("#parley-launcher");
			visitor.enterFrame("#parley-frame");
			visitor.type("#composer", "Hello there");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages", "Hello there");
			long conversationId = -1;
			for (JsonNode item : agent.get("/api/v1/conversations?view=waiting").json().path("items")) {
				if (item.path("channel").path("id").asLong() == channel.path("id").asLong()) {
					conversationId = item.path("id").asLong();
				}
			}
			take(agent, conversationId);
			assertThat(agent
				.post("/api/v1/conversations/" + conversationId + "/messages",
						Map.of("clientId", "a-avatar", "text", "Hi, I can help"))
				.status()).isEqualTo(201);
			visitor.waitForText(".message.agent", "Hi, I can help");
			visitor.waitUntil((d) -> Boolean.TRUE.equals(visitor.script(
					"const img = document.querySelector('#agent-avatar'); return !!img && img.complete && img.naturalWidth > 0")));
			assertThat(visitor.find("#agent-avatar").getAttribute("src")).endsWith(url);
			assertThat(visitor.find(".message.agent .pw-sender-avatar").getAttribute("src")).endsWith(url);
			assertNoAlert(visitor);
		}
	}

	private ApiClient signIn(String username) {
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		return api;
	}

	private static void assertNoAlert(Browser browser) {
		try {
			Alert alert = browser.driver().switchTo().alert();
			throw new AssertionError("Hostile text ran as script: " + alert.getText());
		}
		catch (NoAlertPresentException expected) {
			// rendered as text
		}
	}

}
