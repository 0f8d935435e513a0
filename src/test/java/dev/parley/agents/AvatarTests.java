package dev.parley.agents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatars: uploaded by the staff member or an administrator, checked by their bytes,
 * redrawn, served with a version in the URL and long caching, and shown to visitors next
 * to the agent's public name.
 */
class AvatarTests extends IntegrationTest {

	private static final String OWN = "/api/v1/agents/me/avatar";

	@Test
	void anAgentUploadsHisAvatarWhichIsRedrawnAndServedForGoodUnderItsVersion() throws Exception {
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get(OWN).json().path("avatarUrl").isNull()).isTrue();
		ApiClient.Response uploaded = agent.upload(OWN, "me.jpg", picture(600, 400, "jpg"), Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
		String url = uploaded.json().path("avatarUrl").asString();
		assertThat(url).matches("/api/v1/avatars/\\d+/\\d+");
		assertThat(agent.get(OWN).json().path("avatarUrl").asString()).isEqualTo(url);

		HttpResponse<byte[]> image = fetch(url);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000")
			.contains("immutable");
		assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(image.body()));
		assertThat(served.getWidth()).isEqualTo(256);
		assertThat(served.getHeight()).isEqualTo(171);

		ApiClient.Response replaced = agent.upload(OWN, "new.png", picture(64, 64, "png"), Map.of());
		String newUrl = replaced.json().path("avatarUrl").asString();
		assertThat(newUrl).isNotEqualTo(url);
		assertThat(fetch(url).statusCode()).as("the old version is gone").isEqualTo(404);
		assertThat(fetch(newUrl).statusCode()).isEqualTo(200);

		assertThat(agent.delete(OWN).status()).isEqualTo(204);
		assertThat(fetch(newUrl).statusCode()).isEqualTo(404);
		assertThat(agent.get(OWN).json().path("avatarUrl").isNull()).isTrue();
	}

	@Test
	void onlyPicturesOfAcceptableSizeAndTypeAreTakenByTheirBytes() throws Exception {
		ApiClient agent = signedInAs("agent");
		byte[] png = picture(32, 32, "png");
		byte[] truncated = Arrays.copyOf(png, 40);
		byte[] tooLarge = new byte[1024 * 1024 + 1];
		System.arraycopy(png, 0, tooLarge, 0, png.length);
		Map<String, byte[]> bad = Map.of("script.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
				"broken.png", truncated, "huge.png", tooLarge, "picture.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "empty.png",
				new byte[0], "anim.gif", picture(8, 8, "gif"), "tall.webp", webp(20_000, 10));
		Map<String, String> codes = Map.of("script.png", "avatar_type", "broken.png", "avatar_unreadable", "huge.png",
				"avatar_too_large", "picture.svg", "avatar_type", "empty.png", "avatar_unreadable", "anim.gif",
				"avatar_type", "tall.webp", "avatar_type");
		for (Map.Entry<String, byte[]> file : bad.entrySet()) {
			ApiClient.Response refused = agent.upload(OWN, file.getKey(), file.getValue(), Map.of());
			assertThat(refused.status()).as(file.getKey() + ": " + refused).isBetween(400, 415);
			assertThat(refused.code()).as(file.getKey()).isEqualTo(codes.get(file.getKey()));
		}
		assertThat(agent.get(OWN).json().path("avatarUrl").isNull()).as("nothing stored").isTrue();
		ApiClient.Response webp = agent.upload(OWN, "me.webp", webp(128, 96), Map.of());
		assertThat(webp.code()).as("WebP cannot be redrawn, so it is not served as sent").isEqualTo("avatar_type");
		byte[] jpeg = picture(64, 48, "jpg");
		byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + 16);
		System.arraycopy("GPS 31.23,121.47".getBytes(StandardCharsets.US_ASCII), 0, withTrailer, jpeg.length, 16);
		ApiClient.Response photo = agent.upload(OWN, "me.jpg", withTrailer, Map.of());
		assertThat(photo.status()).as(photo.toString()).isEqualTo(200);
		HttpResponse<byte[]> served = fetch(photo.json().path("avatarUrl").asString());
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).as("redrawn: nothing but pixels")
			.doesNotContain("GPS");
	}

	@Test
	void anotherUsersAvatarNeedsUserManage() throws Exception {
		String name = unique("agent");
		long agentId = createUser(name, "agent").path("id").asLong();
		String path = "/api/v1/agents/" + agentId + "/avatar";
		ApiClient colleague = signedInAs("supervisor");
		assertThat(colleague.upload(path, "x.png", picture(16, 16, "png"), Map.of()).status()).isEqualTo(403);
		assertThat(colleague.delete(path).status()).isEqualTo(403);
		assertThat(client().upload(OWN, "x.png", picture(16, 16, "png"), Map.of()).status()).isIn(401, 403);
		assertThat(
				admin().upload("/api/v1/agents/987654321/avatar", "x.png", picture(16, 16, "png"), Map.of()).status())
			.isEqualTo(404);
		ApiClient.Response byAdmin = admin().upload(path, "x.png", picture(16, 16, "png"), Map.of());
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
		assertThat(byAdmin.json().path("avatarUrl").asString()).startsWith("/api/v1/avatars/" + agentId + "/");
		assertThat(fetch(byAdmin.json().path("avatarUrl").asString()).statusCode()).isEqualTo(200);
		assertThat(admin().delete(path).status()).isEqualTo(204);
		assertThat(fetch(byAdmin.json().path("avatarUrl").asString()).statusCode()).isEqualTo(404);
	}

	@Test
	void theVisitorSeesTheAgentsAvatarWithThePublicNameOnly() throws Exception {
		String key = admin()
			.post("/api/v1/channels",
					Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
							List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false))
			.json()
			.path("key")
			.asString();
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
		long conversation = visitor.post("/api/v1/widget/conversations", Map.of("question", "Hi"))
			.json()
			.path("id")
			.asLong();
		String username = unique("agent");
		JsonNode user = createUser(username, "agent");
		ApiClient.Response named = admin().put("/api/v1/agents/" + user.path("id").asLong(),
				Map.of("publicName", "Mia", "capacity", 5));
		assertThat(named.status()).as(named.toString()).isEqualTo(200);
		ApiClient agent = client();
		assertThat(agent.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		agent.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		String url = agent.upload(OWN, "me.png", picture(40, 40, "png"), Map.of()).json().path("avatarUrl").asString();
		assertThat(agent.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);
		assertThat(agent
			.post("/api/v1/conversations/" + conversation + "/messages", Map.of("clientId", "a-1", "text", "Hello"))
			.status()).isEqualTo(201);

		JsonNode seen = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of("token", token))
			.json()
			.path("conversation");
		assertThat(seen.path("assignee").path("avatarUrl").asString()).isEqualTo(url);
		JsonNode messages = visitor.get("/api/v1/widget/conversations/" + conversation + "/messages?after=0").json();
		assertThat(messages.toString()).contains("\"avatarUrl\":\"" + url + "\"");
		assertThat(seen.path("assignee").path("name").asString()).isEqualTo("Mia");
		for (String shown : List.of(seen.toString(), messages.toString())) {
			assertThat(shown).as("the public name and picture only")
				.contains("Mia")
				.doesNotContain(username)
				.doesNotContain(user.path("displayName").asString());
		}
		assertThat(fetch(url).statusCode()).as("visitors load it without signing in").isEqualTo(200);
	}

	private HttpResponse<byte[]> fetch(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] picture(int width, int height, String format) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** A lossless WebP header (VP8L) of the given size, with a token body. */
	private static byte[] webp(int width, int height) {
		int bits = (width - 1) | (height - 1) << 14;
		if (width > 16384 || height > 16384) {
			// VP8X, whose 24-bit fields allow absurd sizes
			byte[] b = new byte[40];
			put(b, 0, "RIFF");
			put(b, 8, "WEBPVP8X");
			b[16] = 10;
			int w = width - 1;
			int h = height - 1;
			b[24] = (byte) w;
			b[25] = (byte) (w >> 8);
			b[26] = (byte) (w >> 16);
			b[27] = (byte) h;
			b[28] = (byte) (h >> 8);
			b[29] = (byte) (h >> 16);
			return b;
		}
		byte[] b = new byte[40];
		put(b, 0, "RIFF");
		b[4] = 32;
		put(b, 8, "WEBPVP8L");
		b[16] = 20;
		b[20] = 0x2f;
		b[21] = (byte) bits;
		b[22] = (byte) (bits >> 8);
		b[23] = (byte) (bits >> 16);
		b[24] = (byte) (bits >> 24);
		return b;
	}

	private static void put(byte[] target, int at, String ascii) {
		byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(bytes, 0, target, at, bytes.length);
	}

}
