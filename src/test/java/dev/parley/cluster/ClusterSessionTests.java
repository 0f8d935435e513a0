package dev.parley.cluster;

import java.util.Map;
import java.util.UUID;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes of a cluster (profile {@code cluster}) on one PostgreSQL database and
 * one Redis: a console session begun on one node is valid on the other, and ending it on
 * one ends it on both. No sticky sessions needed.
 */
@Timeout(120)
class ClusterSessionTests {

	private static ExternalServices.TestDatabase database;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		database = ExternalServices.postgres();
		ExternalServices.requireRedis();
		String namespace = "parley-test-" + UUID.randomUUID();
		nodeA = start(namespace, "--parley.setup.admin-username=admin",
				"--parley.setup.admin-password=Cluster-Passw0rd!");
		nodeB = start(namespace);
	}

	@AfterAll
	static void stopNodes() {
		if (nodeA != null) {
			nodeA.close();
		}
		if (nodeB != null) {
			nodeB.close();
		}
		if (database != null) {
			database.drop();
		}
	}

	@Test
	void sessionBegunOnOneNodeIsValidOnTheOther() {
		ApiClient browser = new ApiClient(port(nodeA));
		ApiClient.Response login = browser.login("admin", "Cluster-Passw0rd!");
		assertThat(login.status()).as(login.toString()).isEqualTo(200);

		ApiClient sameBrowserOnB = browser.onPort(port(nodeB));
		assertThat(sameBrowserOnB.get("/api/v1/session").json().path("user").path("username").asString())
			.isEqualTo("admin");
		ApiClient.Response created = sameBrowserOnB.post("/api/v1/users",
				Map.of("username", "made.on.b", "displayName", "B", "roleId", 3, "password", "Made-On-B-Passw0rd!"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(browser.get("/api/v1/users?q=made.on.b").json().path("items").size()).isOne();

		assertThat(sameBrowserOnB.delete("/api/v1/session").status()).isEqualTo(204);
		assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
	}

	private static ConfigurableApplicationContext start(String namespace, String... extra) {
		String[] args = new String[] { "--server.port=0", "--spring.profiles.active=cluster",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=", "--spring.session.redis.namespace=" + namespace,
				"--logging.level.root=WARN" };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ParleyApplication.class).run(all);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
