package dev.parley.customers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.customers.internal.CustomerImports;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import on PostgreSQL and MariaDB: a file with a bad row imports nothing, a good one
 * of 20,000 rows imports every row (the rate is printed for docs/performance.md).
 */
@Timeout(600)
class CustomerImportEnginesTests {

	private static final String PASSWORD = "Import-Passw0rd!";

	private static final int ROWS = 20_000;

	@Test
	void postgres() throws Exception {
		run(ExternalServices.postgres(), "PostgreSQL");
	}

	@Test
	void mariadb() throws Exception {
		run(ExternalServices.mariadb(), "MariaDB");
	}

	private void run(ExternalServices.TestDatabase database, String engine) throws Exception {
		ConfigurableApplicationContext node = null;
		try {
			node = database.node(PASSWORD);
			ApiClient admin = new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
			assertThat(admin.login("admin", PASSWORD).status()).isEqualTo(200);
			JdbcClient jdbc = node.getBean(JdbcClient.class);

			String bad = "name,email\nGood Row,good@example.com\nBad Row,not-an-address\n";
			long refused = admin
				.upload("/api/v1/customer-imports", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), Map.of())
				.json()
				.path("id")
				.asLong();
			ApiClient.Response response = admin.post("/api/v1/customer-imports/" + refused + "/import",
					Map.of("columns", List.of("name", "email")));
			assertThat(response.status()).isEqualTo(409);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single()).isZero();

			String mark = "m" + UUID.randomUUID().toString().substring(0, 8);
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			file.writeBytes("name,email,tags,note\n".getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < ROWS; i++) {
				file.writeBytes(("客户 " + i + "," + mark + "-" + i + "@example.com," + mark + ",第 " + i + " 行\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			long id = admin.upload("/api/v1/customer-imports", "rows.csv", file.toByteArray(), Map.of())
				.json()
				.path("id")
				.asLong();
			CustomerImports imports = node.getBean(CustomerImports.class);
			StaffActor actor = new StaffActor(1, "admin", "Admin", java.util.EnumSet.allOf(Permission.class));
			long started = System.nanoTime();
			CustomerImports.Result result = imports.run(id,
					new CustomerImports.Mapping(List.of("name", "email", "tags", "note"), false), actor);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("customer import on %s: %d rows in %.1f s (check and import), %.0f rows/s%n", engine,
					ROWS, seconds, ROWS / seconds);
			assertThat(result.created()).isEqualTo(ROWS);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tag WHERE tag = ?")
				.param(mark)
				.query(Integer.class)
				.single()).isEqualTo(ROWS);
		}
		finally {
			if (node != null) {
				node.close();
			}
			database.drop();
		}
	}

}
