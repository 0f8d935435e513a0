package dev.parley.operations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log viewer's API over the files this JVM writes: a request's correlation id (the
 * caller's X-Request-Id or a new one, returned in the response) on its access line and on
 * the security line of the failed sign-in it caused; refusals of queries the viewer
 * cannot run; {@code log.view} for technical support, not for agents.
 */
class LogApiTests extends IntegrationTest {

	@Test
	void followsARequestsCorrelationIdThroughItsLines() {
		String id = unique("req");
		ApiClient.Response refused = client().withHeader("X-Request-Id", id).login(ADMIN, "wrong-password");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("X-Request-Id")).isEqualTo(id);
		ApiClient admin = admin();
		Eventually.within(Duration.ofSeconds(10), () -> {
			JsonNode lines = admin.get(logs("correlationId=" + id)).json().path("lines");
			assertThat(lines.findValuesAsString("type")).contains("access", "security");
			return lines;
		});
		JsonNode result = admin.get(logs("correlationId=" + id)).json();
		assertThat(result.path("complete").asBoolean()).isTrue();
		JsonNode security = result.path("lines")
			.findParents("type")
			.stream()
			.filter((line) -> line.path("type").asString().equals("security"))
			.findFirst()
			.orElseThrow();
		assertThat(security.path("message").asString()).contains("login.failed");
		assertThat(security.path("level").asString()).isEqualTo("WARN");
		assertThat(security.path("correlationId").asString()).isEqualTo(id);
		assertThat(security.path("node").asString()).isNotBlank();
		assertThat(admin.get(logs("correlationId=" + id + "&type=security&level=WARN&text=LOGIN.FAILED"))
			.json()
			.path("lines")
			.size()).isEqualTo(1);
		assertThat(admin
			.get(logs("correlationId=" + id + "&type=access&logger=parley.acc&regex=true&text="
					+ encode("^POST /api/v1/session 401 \\d+ ms$")))
			.json()
			.path("lines")
			.size()).isEqualTo(1);
	}

	@Test
	void makesANewIdWhenTheCallersIsNotAPlainToken() {
		ApiClient.Response response = client().withHeader("X-Request-Id", "x".repeat(65)).get("/api/v1/maintenance");
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{16}");
	}

	@Test
	void downloadsTheFilteredLinesAsJsonLines() {
		String id = unique("dl");
		client().withHeader("X-Request-Id", id).get("/api/v1/maintenance");
		ApiClient admin = admin();
		Eventually.within(Duration.ofSeconds(10), () -> {
			ApiClient.Response download = admin.get("/api/v1/operations/logs/download?correlationId=" + id);
			assertThat(download.status()).isEqualTo(200);
			assertThat(download.header("Content-Disposition")).contains("attachment");
			assertThat(download.body().lines()).singleElement().asString().contains("\"correlationId\":\"" + id + "\"");
			return download;
		});
	}

	@Test
	void refusesQueriesItCannotRun() {
		ApiClient admin = admin();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertRefused(admin, "level=LOUD", "level");
		assertRefused(admin, "type=debug", "type");
		assertRefused(admin, "since=" + now + "&until=" + now.minusSeconds(1), "until");
		assertRefused(admin, "since=" + now.minus(8, ChronoUnit.DAYS) + "&until=" + now, "until");
		assertRefused(admin, "regex=true&text=" + encode("(a)\\1"), "text");
		assertRefused(admin, "regex=true&text=" + encode("(?=a)b"), "text");
		assertRefused(admin, "text=" + "a".repeat(201), "text");
		assertRefused(admin, "limit=0", "limit");
		assertRefused(admin, "limit=1001", "limit");
		assertRefused(admin, "correlationId=" + encode("a b"), "correlationId");
		assertThat(admin.get(logs("since=yesterday")).status()).isEqualTo(400);
		ApiClient.Response nested = admin.get(logs("regex=true&text=" + encode("(a+)+$")));
		assertThat(nested.status()).isEqualTo(200);
	}

	@Test
	void isForTechnicalSupportNotForAgents() {
		ApiClient.Response agent = signedInAs("agent").get(logs("level=ERROR"));
		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.code()).isEqualTo("forbidden");
		assertThat(signedInAs("support").get(logs("level=ERROR")).status()).isEqualTo(200);
		assertThat(client().get(logs("level=ERROR")).status()).isEqualTo(401);
	}

	private static void assertRefused(ApiClient admin, String query, String field) {
		ApiClient.Response response = admin.get(logs(query));
		assertThat(response.status()).as(query).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation_failed");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private static String logs(String query) {
		return "/api/v1/operations/logs?" + query;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
