package dev.parley.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template API: the catalogue, a template's texts per language, saving and resetting
 * them (audited), a preview that escapes every value, and texts that could unescape a
 * value, break the template or add a header refused with the field named.
 */
class NotificationTemplateApiTests extends IntegrationTest {

	private static final String PATH = "/api/v1/notification-templates";

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void shippedTextsOnly() {
		this.jdbc.sql("DELETE FROM notification_template").update();
	}

	private static Map<String, Object> texts(String subject, String html, String text) {
		Map<String, Object> texts = new HashMap<>();
		texts.put("subject", subject);
		texts.put("html", html);
		texts.put("text", text);
		return texts;
	}

	@Test
	void theCatalogueNamesEveryTemplateItsAudienceAndItsValues() {
		JsonNode list = admin().get(PATH).json();
		List<String> keys = new ArrayList<>();
		list.forEach((template) -> keys.add(template.path("key").asString()));
		assertThat(keys).contains("message-left-ack", "message-left-staff", "agent-reply", "conversation-transcript",
				"waiting-alert", "mention", "staff-password-reset", "test-message");
		JsonNode ack = find(list, "message-left-ack");
		assertThat(ack.path("audience").asString()).isEqualTo("customer");
		assertThat(ack.path("values").toString()).contains("\"name\"", "\"text\"", "\"unsubscribeUrl\"");
		assertThat(ack.path("changedLanguages")).isEmpty();
		assertThat(find(list, "mention").path("audience").asString()).isEqualTo("staff");
	}

	@Test
	void aTemplateIsSavedPerLanguageAndResetToTheShippedText() {
		ApiClient admin = admin();
		JsonNode shipped = admin.get(PATH + "/message-left-ack/zh-TW").json();
		assertThat(shipped.path("changed").asBoolean()).isFalse();
		assertThat(shipped.path("texts")).isEqualTo(shipped.path("shipped"));
		assertThat(shipped.path("texts").path("subject").asString()).isNotBlank();

		ApiClient.Response saved = admin.put(PATH + "/message-left-ack/zh-TW",
				texts("  收到了 {{name}}  ", "<p>您好 {{name}}</p>", "您好 {{name}}"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("changed").asBoolean()).isTrue();
		assertThat(saved.json().path("texts").path("subject").asString()).isEqualTo("收到了 {{name}}");
		assertThat(admin.get(PATH + "/message-left-ack/zh-TW").json().path("texts").path("html").asString())
			.isEqualTo("<p>您好 {{name}}</p>");
		assertThat(admin.get(PATH + "/message-left-ack/en").json().path("changed").asBoolean())
			.as("other languages keep theirs")
			.isFalse();
		assertThat(find(admin.get(PATH).json(), "message-left-ack").path("changedLanguages").toString())
			.isEqualTo("[\"zh-TW\"]");

		JsonNode reset = admin.delete(PATH + "/message-left-ack/zh-TW").json();
		assertThat(reset.path("changed").asBoolean()).isFalse();
		assertThat(reset.path("texts")).isEqualTo(shipped.path("shipped"));
		assertThat(admin.delete(PATH + "/message-left-ack/zh-TW").status()).as("twice").isEqualTo(200);

		JsonNode updated = admin.get("/api/v1/audit-events?action=notification.template.updated&limit=5").json();
		assertThat(updated.path("items").get(0).path("target").asString()).isEqualTo("message-left-ack/zh-TW");
		JsonNode resetEvents = admin.get("/api/v1/audit-events?action=notification.template.reset&limit=5").json();
		assertThat(resetEvents.path("items").get(0).path("target").asString()).isEqualTo("message-left-ack/zh-TW");
	}

	@Test
	void thePreviewEscapesEveryValueInTheHtmlAndKeepsTheSubjectOnOneLine() {
		ApiClient admin = admin();
		assertThat(admin.put("/api/v1/settings", Map.of("organisation.name", "<b onclick=x()>Acme & Co</b>")).status())
			.isEqualTo(200);
		try {
			ApiClient.Response preview = admin.post(PATH + "/mention/en/preview", texts("Hi from {{organisation}}",
					"<p class=\"x\">{{organisation}} / {{name}}</p>", "{{organisation}} / {{name}}"));
			assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
			JsonNode rendered = preview.json();
			assertThat(rendered.path("subject").asString()).isEqualTo("Hi from <b onclick=x()>Acme & Co</b>");
			assertThat(rendered.path("html").asString()).contains("<p class=\"x\">")
				.contains("&lt;b onclick=x()&gt;Acme &amp; Co&lt;/b&gt; / Wang Fang")
				.doesNotContain("<b onclick");
			assertThat(rendered.path("text").asString()).contains("<b onclick=x()>Acme & Co</b> / Wang Fang");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification_template").query(Integer.class).single())
				.as("a preview stores nothing")
				.isZero();
		}
		finally {
			admin.put("/api/v1/settings", Map.of("organisation.name", "Acme Support"));
		}
	}

	@Test
	void thePreviewRendersListsAndSections() {
		JsonNode rendered = admin()
			.post(PATH + "/agent-reply/zh-CN/preview",
					texts("{{agent}}", "{{#messages}}<li>{{text}}</li>{{/messages}}",
							"{{#messages}}- {{text}}\n{{/messages}}"))
			.json();
		assertThat(rendered.path("subject").asString()).isEqualTo("Amy");
		assertThat(rendered.path("html").asString()).contains("<li>Yes, we ship to Hangzhou within two days.</li>");
		assertThat(rendered.path("text").asString()).contains("- Anything else I can help with?\n");
	}

	static List<Object[]> refusedTexts() {
		String ok = "<p>{{name}}</p>";
		return List.of(new Object[] { texts("Hi", "<p>{{{name}}}</p>", "x"), "html" },
				new Object[] { texts("Hi", "<p>{{&name}}</p>", "x"), "html" },
				new Object[] { texts("Hi", "<p>{{ &name}}</p>", "x"), "html" },
				new Object[] { texts("Hi", "{{=<% %>=}}<p><%{name}%></p>", "x"), "html" },
				new Object[] { texts("Hi", "<p>{{>footer}}</p>", "x"), "html" },
				new Object[] { texts("Hi", ok, "{{{name}}}"), "text" },
				new Object[] { texts("Hi {{&name}}", ok, "x"), "subject" },
				new Object[] { texts("Hi", "{{#name}}<p>open</p>", "x"), "html" },
				new Object[] { texts("Hi", ok, "{{/name}}"), "text" }, new Object[] { texts("", ok, "x"), "subject" },
				new Object[] { texts("   ", ok, "x"), "subject" }, new Object[] { texts(null, ok, "x"), "subject" },
				new Object[] { texts("Hi\r\nBcc: victim@example.com", ok, "x"), "subject" },
				new Object[] { texts("Hi\nthere", ok, "x"), "subject" },
				new Object[] { texts("s".repeat(501), ok, "x"), "subject" },
				new Object[] { texts("Hi", "h".repeat(100_001), "x"), "html" },
				new Object[] { texts("Hi", ok, "t".repeat(100_001)), "text" },
				new Object[] { texts("Hi", "", "x"), "html" }, new Object[] { texts("Hi", ok, null), "text" });
	}

	@ParameterizedTest
	@MethodSource("refusedTexts")
	void textsThatCouldUnescapeOrBreakAreRefusedWithTheirField(Map<String, Object> texts, String field) {
		ApiClient admin = admin();
		for (String method : new String[] { "PUT", "POST" }) {
			String path = PATH + "/mention/en" + (method.equals("POST") ? "/preview" : "");
			ApiClient.Response refused = admin.send(method, path, texts, null);
			assertThat(refused.status()).as(method + " " + refused).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("validation_failed");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
		}
		assertThat(admin.get(PATH + "/mention/en").json().path("changed").asBoolean()).isFalse();
	}

	@Test
	void unknownTemplatesAndLanguagesAreNotFoundAndBrokenBodiesBadRequests() {
		ApiClient admin = admin();
		Map<String, Object> fine = texts("Hi", "<p>Hi</p>", "Hi");
		for (String path : new String[] { PATH + "/no-such-template/en", PATH + "/mention/fr", PATH + "/mention/zh-cn",
				PATH + "/mention/EN" }) {
			assertThat(admin.get(path).status()).as("GET " + path).isEqualTo(404);
			assertThat(admin.put(path, fine).status()).as("PUT " + path).isEqualTo(404);
			assertThat(admin.delete(path).status()).as("DELETE " + path).isEqualTo(404);
			ApiClient.Response preview = admin.post(path + "/preview", fine);
			assertThat(preview.status()).as("preview " + path).isEqualTo(404);
			assertThat(preview.header("Content-Type")).contains("json");
		}
		for (String body : new String[] { "{\"subject\": ", "[1]", "{\"subject\": {\"a\": 1}}" }) {
			assertThat(admin.sendRaw("PUT", PATH + "/mention/en", body, "application/json").status()).as(body)
				.isEqualTo(400);
			assertThat(admin.sendRaw("POST", PATH + "/mention/en/preview", body, "application/json").status()).as(body)
				.isEqualTo(400);
		}
		assertThat(admin.get(PATH + "/mention/en").json().path("changed").asBoolean()).isFalse();
	}

	private static JsonNode find(JsonNode list, String key) {
		for (JsonNode template : list) {
			if (template.path("key").asString().equals(key)) {
				return template;
			}
		}
		throw new AssertionError("no template " + key + " in " + list);
	}

}
