package dev.parley.platform;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers every answer carries, whoever asks and whatever the answer: pages,
 * the chat frame, API calls signed in or not, refusals, assets.
 */
class SecurityHeadersTests extends IntegrationTest {

	@Test
	void everyAnswerKeepsTheReferrerToParleysOwnOrigin() {
		ApiClient admin = admin();
		ApiClient anonymous = client();
		List<ApiClient.Response> answers = List.of(admin.get("/api/v1/session"), admin.get("/api/v1/users"),
				anonymous.get("/api/v1/session"), anonymous.get("/api/v1/users"), admin.get("/console/"),
				anonymous.get("/setup"), anonymous.get("/widget/frame?key=none"), anonymous.get("/widget.js"),
				anonymous.get("/api/v1/i18n/en"), anonymous.get("/api/v1/nothing-here"),
				anonymous.post("/api/v1/session", "not json"), anonymous.get("/actuator/health"));
		for (ApiClient.Response answer : answers) {
			assertThat(answer.header("Referrer-Policy")).as(answer.raw().uri() + " " + answer.status())
				.isEqualTo("same-origin");
			assertThat(answer.header("X-Content-Type-Options")).as(answer.raw().uri().toString()).isEqualTo("nosniff");
		}
	}

}
