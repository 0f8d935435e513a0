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
