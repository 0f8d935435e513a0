package dev.parley.identity;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing without a browser, from properties (as environment variables would give
 * them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "parley.setup.organisation-name=Headless Ltd", "parley.setup.language=zh-CN",
				"parley.setup.time-zone=Asia/Shanghai", "parley.setup.admin-username=ops",
				"parley.setup.admin-password=Headless-Passw0rd!" })
@ActiveProfiles("test")
class HeadlessSetupTests {

	@LocalServerPort
	int port;

	@Test
	void installsAtStartupFromProperties() {
		ApiClient client = new ApiClient(this.port);
		assertThat(client.get("/setup").status()).isEqualTo(404);
		ApiClient.Response login = client.login("ops", "Headless-Passw0rd!");
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().path("organisation").path("name").asString()).isEqualTo("Headless Ltd");
		assertThat(login.json().path("organisation").path("language").asString()).isEqualTo("zh-CN");
	}

}
