package dev.parley.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTests extends IntegrationTest {

	@Test
	void healthIsPublicButDetailsAndMetricsNeedSystemMonitor() {
		ApiClient anonymous = client();
		ApiClient.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("db");
		assertThat(anonymous.getAccepting("/actuator/prometheus", "text/plain").status()).isEqualTo(401);
		assertThat(signedInAs("agent").getAccepting("/actuator/prometheus", "text/plain").status()).isEqualTo(403);

		ApiClient support = signedInAs("support");
		assertThat(support.get("/actuator/health").body()).contains("db");
		ApiClient.Response prometheus = support.getAccepting("/actuator/prometheus", "text/plain");
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes", "http_server_requests");
		assertThat(support.get("/actuator/metrics").status()).isEqualTo(200);
	}

	@Test
	void infoShowsVersionAndBuild() {
		ApiClient.Response info = client().get("/actuator/info");
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.json().path("build").path("version").asString()).isNotBlank();
	}

	@Test
	void consolePageIsUncachedAndItsVersionedAssetsAreCachedForAYearAndCompressed() throws Exception {
		ApiClient admin = admin();
		ApiClient.Response page = admin.get("/console/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("Content-Security-Policy")).contains("nonce-").contains("frame-ancestors 'none'");
		assertThat(page.body()).doesNotContain("@ASSETS@", "@VUE@", "@NONCE@");

		Matcher asset = Pattern.compile("(/assets/[0-9a-f]{12}/console/[A-Za-z0-9/_.-]+\\.(?:js|css))")
			.matcher(page.body());
		assertThat(asset.find()).as("the page links a versioned asset").isTrue();
		Matcher vue = Pattern.compile("(/webjars/vue/[0-9.]+/dist/vue[a-z.-]+\\.js)").matcher(page.body());
		assertThat(vue.find()).isTrue();
		for (String path : new String[] { asset.group(1), vue.group(1) }) {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Accept-Encoding", "gzip")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("max-age=31536000");
			if (response.body().length > 2048) {
				assertThat(response.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
			}
		}
		assertThat(admin.get("/assets/000000000000/console/nothing.js").status()).isEqualTo(404);
	}

	@Test
	void publishesTheApiDescription() {
		ApiClient.Response docs = client().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/v1/users")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/audit-events")).isTrue();
	}

	@Test
	void unknownApiPathsAndMethodsAnswerWithProblems() {
		ApiClient admin = admin();
		ApiClient.Response missing = admin.get("/api/v1/no-such-thing");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("not_found");
		ApiClient.Response method = admin.sendRaw("PATCH", "/api/v1/settings", "{}", "application/json");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.code()).isEqualTo("method_not_allowed");
	}

	@Test
	void translationsExistForAllThreeLanguages() {
		for (String language : new String[] { "en", "zh-CN", "zh-TW" }) {
			ApiClient.Response texts = client().get("/api/v1/i18n/" + language);
			assertThat(texts.status()).isEqualTo(200);
			assertThat(texts.json().path("nav.users").asString()).isNotBlank();
		}
		assertThat(client().get("/api/v1/i18n/zh-CN").json().path("language.zh-CN").asString()).isEqualTo("简体中文");
		assertThat(client().get("/api/v1/i18n/xx").status()).isEqualTo(404);
	}

}
