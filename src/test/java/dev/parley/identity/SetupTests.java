package dev.parley.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The install page's API on a new database (this class installs it itself). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "parley.test.context=setup")
@ActiveProfiles("test")
class SetupTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void installsOnceThenSetupIsGone() throws Exception {
		ApiClient browser = new ApiClient(this.port);
		ApiClient.Response console = browser.get("/console/users");
		assertThat(console.status()).isEqualTo(302);
		assertThat(console.header("Location")).endsWith("/setup");
		assertThat(browser.get("/").header("Location")).endsWith("/setup");
		assertThat(browser.get("/api/v1/users").code()).isEqualTo("not_installed");
		assertThat(browser.get("/setup").status()).isEqualTo(200);
		ApiClient.Response form = browser.get("/api/v1/setup");
		assertThat(form.json().path("timeZones").toString()).contains("Asia/Shanghai", "Europe/Berlin");
		assertThat(form.json().path("languages").toString()).contains("zh-CN", "zh-TW");

		// bad inputs: each refused with a problem, nothing installed
		Map<String, Object> valid = Map.of("organisationName", "Acme <b>&</b>", "language", "zh-TW", "timeZone",
				"Asia/Taipei", "adminUsername", "root.admin", "adminDisplayName", "陳大文", "adminEmail",
				"chan@example.com", "adminPassword", "Str0ng-Enough!");
		assertRefused(browser, with(valid, "organisationName", ""), "validation_failed", "organisationName");
		assertRefused(browser, with(valid, "organisationName", "x".repeat(201)), "validation_failed",
				"organisationName");
		assertRefused(browser, with(valid, "language", "fr"), "validation_failed", "language");
		assertRefused(browser, with(valid, "timeZone", "Mars/Olympus"), "validation_failed", "timeZone");
		assertRefused(browser, with(valid, "adminUsername", "a b"), "validation_failed", "adminUsername");
		assertRefused(browser, with(valid, "adminEmail", "not-an-address"), "validation_failed", "adminEmail");
		assertRefused(browser, with(valid, "adminPassword", "short"), "password_policy", null);
		assertRefused(browser, with(valid, "adminPassword", "root.admin-Xy9!"), "password_policy", null);
		// every problem in one answer: the fields and the password's breaches of the
		// policy
		Map<String, Object> many = with(with(valid, "organisationName", ""), "adminPassword", "short");
		ApiClient.Response all = browser.post("/api/v1/setup", many);
		assertThat(all.code()).isEqualTo("validation_failed");
		assertThat(all.json().path("errors").toString()).contains("organisationName", "adminPassword");
		assertThat(all.json().path("violations").toString()).contains("min_length");
		ApiClient.Response wrongType = browser.sendRaw("POST", "/api/v1/setup", "{\"organisationName\": [1,2]}",
				"application/json");
		assertThat(wrongType.code()).isEqualTo("malformed_request");
		assertThat(browser.sendRaw("POST", "/api/v1/setup", "{not json", "application/json").code())
			.isEqualTo("malformed_request");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM staff_user").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM installation").query(Integer.class).single()).isZero();

		// two submissions at the same moment: exactly one installs
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> submissions = new ArrayList<>();
		List<ApiClient> submitters = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ApiClient submitter = new ApiClient(this.port);
			submitter.get("/api/v1/setup");
			submitters.add(submitter);
			submissions.add(() -> submitter.post("/api/v1/setup", valid).status());
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : pool.invokeAll(submissions)) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnlyOnce(201);
		assertThat(statuses).filteredOn((status) -> status != 201).containsOnly(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM staff_user").query(Integer.class).single()).isOne();
		// the one that installed is signed in as the new administrator, the others are
		// not
		ApiClient installer = submitters.get(statuses.indexOf(201));
		assertThat(installer.get("/api/v1/session").json().path("user").path("username").asString())
			.isEqualTo("root.admin");
		assertThat(submitters.get((statuses.indexOf(201) + 1) % 4).get("/api/v1/session").status()).isEqualTo(401);

		// a browser asking for the install page is sent to the console; an API client
		// gets a problem
		ApiClient.Response page = browser.getAccepting("/setup", "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/console/");
		assertThat(browser.get("/setup").status()).isEqualTo(404);
		assertThat(browser.get("/setup").code()).isEqualTo("not_found");
		assertThat(browser.get("/api/v1/setup").status()).isEqualTo(404);
		assertThat(browser.post("/api/v1/setup", valid).status()).isEqualTo(404);
		assertThat(browser.get("/console/").status()).isEqualTo(200);

		ApiClient.Response login = browser.login("ROOT.ADMIN", "Str0ng-Enough!");
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().path("user").path("displayName").asString()).isEqualTo("陳大文");
		assertThat(login.json().path("user").path("passwordChangeRequired").asBoolean()).isFalse();
		assertThat(login.json().path("organisation").path("name").asString()).isEqualTo("Acme <b>&</b>");
		assertThat(login.json().path("organisation").path("language").asString()).isEqualTo("zh-TW");
		assertThat(browser.get("/api/v1/audit-events?action=setup.completed").json().path("items").size()).isOne();
	}

	private static void assertRefused(ApiClient client, Map<String, Object> body, String code, String field) {
		ApiClient.Response response = client.post("/api/v1/setup", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.code()).isEqualTo(code);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().path("errors").toString()).contains(field);
		}
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(base);
		copy.put(key, value);
		return copy;
	}

}
