package dev.parley.conversations;

import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget and the console as a visitor and an administrator see them on a phone and on
 * a desktop: what is drawn, at what size, and what asks before it acts.
 */
class WidgetBrowserTests extends ChatTest {

	@TempDir
	Path files;

	@Autowired
	JdbcClient database;

	private static final String FIELD_FONT_SIZES = """
			return Array.from(document.querySelectorAll('input:not([type=checkbox]):not([type=radio])'
			    + ':not([type=color]):not([type=file]), textarea, select'))
			  .filter((e) => e.getClientRects().length > 0)
			  .map((e) => (e.id || e.tagName) + '=' + parseFloat(getComputedStyle(e).fontSize));
			""";

	@Test
	void theReconnectingSpinnerStaysSmall() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		try (Browser visitor = Browser.open(this.port)) {
			visitor.recordSockets();
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Hello");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Hello");

			visitor.script("window.__parleySockets.refuseConnections = true; window.__parleySockets.close(1006)");
			visitor.waitFor("#reconnecting");
			@SuppressWarnings("unchecked")
			Map<String, Number> size = (Map<String, Number>) visitor
				.script("const r = document.querySelector('#reconnecting .pw-spinner').getBoundingClientRect();"
						+ " return { width: r.width, height: r.height };");
			assertThat(size.get("width").doubleValue()).as("spinner width").isBetween(8.0, 20.0);
			assertThat(size.get("height").doubleValue()).as("spinner height").isBetween(8.0, 20.0);
		}
	}

	@Test
	void everyTextFieldIsAtLeast16PixelsAtPhoneWidthInTheWidgetAndTheConsole() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"), "prechatEnabled", true, "prechatFields",
				List.of("name", "email", "phone", "question")))
			.path("key")
			.asString();
		try (Browser phone = Browser.open(this.port)) {
			phone.driver().manage().window().setSize(new Dimension(390, 844));
			phone.go("/widget/frame?channel=" + key);
			phone.waitFor("#prechat-name");
			assertAllAtLeast16(phone);
			phone.type("#prechat-name", "Ann");
			phone.type("#prechat-email", "ann@example.com");
			phone.type("#prechat-question", "Where is my order?");
			phone.click("#prechat-start");
			phone.waitFor("#composer");
			assertAllAtLeast16(phone);

			phone.go("/console/login");
			phone.waitFor("#login-username");
			assertAllAtLeast16(phone);
			phone.signIn(ADMIN, ADMIN_PASSWORD);
			phone.go("/console/channels");
			phone.click("#channel-new");
			phone.waitFor("#channel-name");
			assertAllAtLeast16(phone);
		}
	}

	private static void assertAllAtLeast16(Browser browser) {
		@SuppressWarnings("unchecked")
		List<String> sizes = (List<String>) browser.script(FIELD_FONT_SIZES);
		assertThat(sizes).isNotEmpty();
		assertThat(sizes)
			.allSatisfy((field) -> assertThat(Double.parseDouble(field.substring(field.indexOf('=') + 1))).as(field)
				.isGreaterThanOrEqualTo(16.0));
	}

	@Test
	void endingTheChatAsksFirstInsideTheWidgetAndCanBeCancelledByKeyboard() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		try (Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Hello");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Hello");

			visitor.click("#end-chat");
			visitor.waitFor("#end-chat-confirm");
			assertThat(visitor.focused().getAttribute("id")).as("focus moves into the question")
				.isEqualTo("end-chat-confirm");
			visitor.press(Keys.ESCAPE);
			visitor.waitUntilGone("#end-chat-confirm");
			assertThat(visitor.focused().getAttribute("id")).as("focus back on the button").isEqualTo("end-chat");
			assertThat(visitor.findAll("#rating")).as("still chatting").isEmpty();

			visitor.press(Keys.ENTER);
			visitor.waitFor("#end-chat-keep");
			visitor.click("#end-chat-keep");
			visitor.waitUntilGone("#end-chat-confirm");
			assertThat(visitor.findAll("#rating")).isEmpty();

			visitor.click("#end-chat");
			visitor.click("#end-chat-confirm");
			visitor.waitFor("#rating");
		}
	}

	@Test
	void theEmbedSnippetNeverBreaksInsideATagAndTheChannelDialogsFieldsLineUp() {
		String name = unique("Snippet");
		createChannel(Map.of("name", name, "allowedOrigins", List.of("*")));
		try (Browser admin = Browser.open(this.port)) {
			admin.driver().manage().window().setSize(new Dimension(390, 844));
			admin.signIn(ADMIN, ADMIN_PASSWORD);
			admin.go("/console/channels");
			admin.click("[data-edit=\"" + name + "\"]");
			admin.waitFor("#channel-snippet");
			// each word of the snippet (tags, attributes) lies on one line
			@SuppressWarnings("unchecked")
			List<String> split = (List<String>) admin
				.script("""
						const text = document.getElementById('channel-snippet').firstChild;
						const split = [];
						let at = 0;
						for (const word of text.data.split(/\\s+/).filter(Boolean)) {
						  const start = text.data.indexOf(word, at);
						  at = start + word.length;
						  const range = document.createRange();
						  range.setStart(text, start);
						  range.setEnd(text, at);
						  if (new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1) split.push(word);
						}
						return split;
						""");
			assertThat(split).as("words broken over lines").isEmpty();
			assertThat(admin.find("#channel-snippet").getText()).contains("data-channel=").endsWith("</script>");
			// the first row's fields line up: labels at one height, name field and key
			// box alike
			admin.driver().manage().window().setSize(new Dimension(1280, 900));
			@SuppressWarnings("unchecked")
			Map<String, Number> row = (Map<String, Number>) admin
				.script("""
						const box = (css) => document.querySelector(css).getBoundingClientRect();
						const labels = document.querySelectorAll('.channel-dialog form > .row:first-child label');
						return { labelTops: Math.abs(labels[0].getBoundingClientRect().top - labels[1].getBoundingClientRect().top),
						  tops: Math.abs(box('#channel-name').top - box('#channel-key').top),
						  bottoms: Math.abs(box('#channel-name').bottom - box('#channel-key').bottom) };
						""");
			assertThat(row.values()).allSatisfy((offset) -> assertThat(offset.doubleValue()).isLessThan(1.0));
			admin.waitFor("#channel-snippet-copy");
		}
	}

	@Test
	void aFileTooLargeOrOfAKindTheChannelRefusesIsRefusedBeforeSendingAndARefusedFileLeavesNoRetry() throws Exception {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		Path big = this.files.resolve("video-of-the-fault.txt");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(11L * 1024 * 1024);
		}
		Path program = this.files.resolve("tool.exe");
		Files.write(program, new byte[] { 'M', 'Z', 0, 0 });
		Path disguised = this.files.resolve("photo.png");
		Files.write(disguised, new byte[] { 'M', 'Z', 0, 0, 0, 0, 0, 0 });
		try (Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Here is the video");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Here is the video");

			visitor.attach("#attach-input", big);
			visitor.waitFor("#notice[data-code=\"payload_too_large\"]");
			assertThat(visitor.find("#notice").getText()).contains("10 MB");
			assertThat(visitor.findAll(".pw-pending")).as("nothing sent").isEmpty();
			assertThat((Boolean) visitor
				.script("return performance.getEntriesByType('resource').some((e) => e.name.includes('/attachments'))"))
				.as("no upload request")
				.isFalse();

			visitor.attach("#attach-input", program);
			visitor.waitFor("#notice[data-code=\"unsupported_media_type\"]");
			assertThat(visitor.findAll(".pw-pending")).isEmpty();

			// the name passes the widget, the server knows the bytes: no retry that
			// cannot work
			visitor.attach("#attach-input", disguised);
			visitor.waitFor("#notice[data-code=\"executable_refused\"]");
			visitor.waitUntil((d) -> visitor.findAll(".pw-pending").isEmpty());
			assertThat(visitor.findAll(".pw-retry")).isEmpty();
			visitor.type("#composer", "Never mind");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor:last-of-type", "Never mind");
			assertThat(visitor.find("#messages").getText()).doesNotContain("photo.png");
		}
	}

	@Test
	void withEveryAgentAwayTheWidgetSaysSoAtOnceOffersTheMessageFormAndPromisesNoWait() {
		JsonNode channel = createChannel(Map.of("allowedOrigins", List.of("*")));
		String agentName = unique("away");
		long agentId = createUser(agentName, "agent").path("id").asLong();
		ApiClient.Response group = admin().post("/api/v1/groups",
				Map.of("name", unique("Away team"), "routing", "least_busy", "members",
						List.of(Map.of("userId", agentId, "supervisor", false)), "channelIds",
						List.of(channel.path("id").asLong())));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		try (Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/frame?channel=" + channel.path("key").asString());
			visitor.type("#composer", "Is anyone there?");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitFor("#queue-situation");
			assertThat(visitor.find("#queue-position").getAttribute("data-answering")).isEqualTo("nobody");
			assertThat(visitor.find("#queue-situation").getText()).contains("Nobody is available");
			assertThat(visitor.find("#queue-position").getText()).doesNotContain("min");
			assertThat(visitor.find(".pw-header").getText()).as("no promise of someone shortly")
				.contains("We are away right now")
				.doesNotContain("shortly");
			// the message form offered at once (not after three minutes); writing on is
			// still possible
			visitor.click("#queue-leave-message");
			visitor.waitFor("#leave-message");
			visitor.click("#leave-cancel");
			visitor.waitUntilGone("#leave-message");
			visitor.type("#composer", "I will wait");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages", "I will wait");
		}
		admin().post("/api/v1/conversations/" + lastConversationOf(channel.path("id").asLong()) + "/close", Map.of());
	}

	@Test
	void anEmojiGoesInAtTheCaretByKeyboardOrMouseInTheWidgetAndTheConsole() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		String agentName = unique("agent");
		createUser(agentName, "agent");
		ApiClient agentApi = client();
		agentApi.login(agentName, INITIAL_PASSWORD);
		agentApi.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		try (Browser visitor = Browser.open(this.port); Browser agent = Browser.open(this.port)) {
			visitor.recordSockets();
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Hello");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Hello");
			visitor.waitUntil((d) -> !visitor.sentFrames("send").isEmpty());
			long conversationId = visitor.sentFrames("send").get(0).path("conversationId").asLong();

			visitor.type("#composer", "Thanks a lot");
			visitor.script("document.getElementById('composer').setSelectionRange(6, 6)");
			visitor.click(".pw-composer .emoji-toggle");
			visitor.waitFor(".emoji-panel");
			assertThat(visitor.focused().getAttribute("data-emoji")).as("focus in the grid").isEqualTo("😀");
			visitor.press(Keys.ARROW_RIGHT);
			visitor.press(Keys.ENTER);
			assertThat(visitor.find("#composer").getAttribute("value")).isEqualTo("Thanks😃 a lot");
			visitor.press(Keys.ESCAPE);
			visitor.waitUntilGone(".emoji-panel");
			assertThat(visitor.focused().getAttribute("class")).contains("emoji-toggle");
			visitor.press(Keys.ENTER);
			visitor.waitFor(".emoji-panel");
			visitor.click("#messages");
			visitor.waitUntilGone(".emoji-panel");
			visitor.click("#send");
			visitor.waitForText("#messages", "Thanks😃 a lot");

			take(agentApi, conversationId);
			agent.signIn(agentName, OWN_PASSWORD);
			agent.go("/console/inbox?view=mine&conversation=" + conversationId);
			agent.waitForText("#conv-messages", "Thanks😃 a lot");
			agent.type("#reply-box", "Glad to help");
			agent.click(".reply-actions .emoji-toggle");
			agent.click("[data-emoji-category=\"gestures\"]");
			agent.click("[data-emoji=\"👍\"]");
			assertThat(agent.find("#reply-box").getAttribute("value")).isEqualTo("Glad to help👍");
			agent.press(Keys.ESCAPE);
			agent.waitUntilGone(".emoji-panel");
			agent.click("#reply-send");
			visitor.waitForText("#messages .message.agent", "Glad to help👍");
		}
	}

	@Test
	void theWidgetShowsThePublicTitleLogoAndTheTextsOfTheVisitorsLanguageNeverTheInternalName() throws Exception {
		String internal = unique("Acme website");
		JsonNode channel = createChannel(Map.of("name", internal, "allowedOrigins", List.of("*"), "prechatEnabled",
				true, "prechatFields", List.of("name")));
		String path = "/api/v1/channels/" + channel.path("id").asLong();
		ApiClient.Response saved = admin().put(path + "/presentation",
				Map.of("publicTitle", "Acme Support", "texts",
						Map.of("en", Map.of("greeting", "Welcome to Acme!", "prechatIntro", "Tell us who you are"),
								"zh-TW", Map.of("greeting", "歡迎光臨 Acme！"))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Path logo = this.files.resolve("logo.png");
		BufferedImage picture = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(picture, "png", logo.toFile());
		assertThat(admin().upload(path + "/logo", "logo.png", Files.readAllBytes(logo), Map.of()).status())
			.isEqualTo(200);
		String key = channel.path("key").asString();
		try (Browser visitor = Browser.open(this.port)) {
			// the visitor's browser language, as the test chooses it in the address's
			// fragment
			((ChromeDriver) visitor.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", "const m = location.search.match(/testLanguage=([A-Za-z-]+)/);"
							+ " if (m) Object.defineProperty(navigator, 'languages', { get: () => [m[1]] });"));
			visitor.go("/widget/frame?channel=" + key);
			visitor.waitForText("#channel-name", "Acme Support");
			visitor.waitForText("#greeting", "Welcome to Acme!");
			visitor.waitForText("#prechat-intro", "Tell us who you are");
			visitor.waitUntil((d) -> (Boolean) visitor
				.script("const i = document.getElementById('channel-logo'); return !!i && i.naturalWidth === 48;"));
			assertThat(visitor.driver().getPageSource()).doesNotContain(internal);

			visitor.go("/widget/frame?channel=" + key + "&testLanguage=zh-TW");
			visitor.waitForText("#greeting", "歡迎光臨 Acme！");
			// no zh-TW introduction: the organisation's language (English) stands in
			visitor.waitForText("#prechat-intro", "Tell us who you are");

			visitor.go("/widget/frame?channel=" + key + "&testLanguage=zh-CN");
			visitor.waitForText("#greeting", "Welcome to Acme!");
			assertThat(visitor.find("#channel-name").getText()).isEqualTo("Acme Support");
		}
	}

	private long lastConversationOf(long channelId) {
		return this.database.sql("SELECT MAX(id) FROM conversation WHERE channel_id = ?")
			.param(channelId)
			.query(Long.class)
			.single();
	}

}
