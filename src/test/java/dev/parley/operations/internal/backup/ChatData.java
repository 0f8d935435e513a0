package dev.parley.operations.internal.backup;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real data for backup tests, made the way users make it: a channel, a visitor's
 * conversation with messages both ways and a file, through the API.
 */
final class ChatData {

	private ChatData() {
	}

	/**
	 * @return the conversation's id
	 */
	static long conversationWithAFile(ApiClient admin, ApiClient client, String name) {
		ApiClient.Response channel = admin.post("/api/v1/channels", Map.of("kind", "website", "name", name,
				"allowedOrigins", List.of("https://shop.example.com"), "greeting", "你好!", "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		String key = channel.json().path("key").asString();
		ApiClient.Response arrived = client.post("/api/v1/widget/channels/" + key + "/visitors",
				Map.of("name", "Zoë 张", "pageUrl", "https://shop.example.com/cart"));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		ApiClient visitor = client.withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations",
				Map.of("question", "Where is my order? 我的订单在哪里?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long id = started.json().path("id").asLong();
		for (int i = 0; i < 3; i++) {
			ApiClient.Response sent = visitor.post("/api/v1/widget/conversations/" + id + "/messages",
					Map.of("clientId", "m-" + i, "text", "line " + i + " \"quoted\" \n 第" + i + "行"));
			assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
		}
		byte[] file = "Receipt 收据 ".repeat(4000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ApiClient.Response upload = visitor.upload("/api/v1/widget/conversations/" + id + "/attachments", "receipt.txt",
				file, Map.of("clientId", "f-1"));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		return id;
	}

}
