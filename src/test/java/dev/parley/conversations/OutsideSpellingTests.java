package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from outside that could pass for something it is not: a file name whose invisible
 * characters make {@code .zip} read as {@code .png}, a visitor token spelt another way
 * than Parley wrote it.
 */
class OutsideSpellingTests extends ChatTest {

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	@Test
	void uploadedFileNamesLoseBidiOverridesZeroWidthAndControlCharacters() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String widget = "/api/v1/widget/conversations/" + visitor.conversationId() + "/attachments";
		String staff = "/api/v1/conversations/" + visitor.conversationId() + "/attachments";
		Map<String, String> names = Map.of("invoice\u202Egnp.zip", "invoicegnp.zip", "re\u200Bport\u200D.pdf",
				"report.pdf", "\uFEFFnotes\u2066.txt\u2069", "notes.txt", "a\u2028b\u0007.txt", "ab.txt",
				"\u202E\u200B", "file", "日本語\u061C.txt", "日本語.txt");
		int n = 0;
		for (Map.Entry<String, String> name : names.entrySet()) {
			for (String path : List.of(widget, staff)) {
				ApiClient client = path.equals(widget) ? visitor.api() : agent;
				ApiClient.Response uploaded = client.upload(path, name.getKey(), "hello".getBytes(),
						Map.of("clientId", "name-" + n++));
				assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
				JsonNode attachment = uploaded.json().path("attachment");
				assertThat(attachment.path("name").asString()).as(name.getKey()).isEqualTo(name.getValue());
			}
		}
		List<JsonNode> transcript = transcript(agent, "/api/v1/conversations/", visitor.conversationId());
		assertThat(transcript).filteredOn((message) -> message.path("kind").asString().equals("attachment"))
			.extracting((message) -> message.path("attachment").path("name").asString())
			.containsOnlyElementsOf(names.values());
	}

	@Test
	void aVisitorTokenHasOneSpellingOnly() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		String messages = "/api/v1/widget/conversations/" + visitor.conversationId() + "/messages";
		String token = visitor.token();
		char last = token.charAt(token.length() - 1);
		// a 32-byte signature in 43 characters leaves the last character's two low bits
		// unused: a decoder that ignores them takes four spellings of one signature
		char otherLowBits = BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1);
		List<String> respellings = List.of(token + "=", token.substring(0, token.length() - 1) + otherLowBits);
		assertThat(client().withHeader("X-Parley-Visitor", token).get(messages).status()).isEqualTo(200);
		for (String respelt : respellings) {
			ApiClient.Response response = client().withHeader("X-Parley-Visitor", respelt).get(messages);
			assertThat(response.status()).as(respelt).isEqualTo(401);
			assertThat(response.code()).isEqualTo("unauthenticated");
			try (SocketClient socket = SocketClient.anonymous(this.port)) {
				socket.send(Map.of("type", "hello", "token", respelt));
				socket.expectError("unauthenticated");
			}
		}
	}

}
