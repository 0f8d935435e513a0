package dev.parley.customers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search on a PostgreSQL database created with a linguistic collation (ICU {@code zh}): a
 * word prefix is a range of the term index ({@code term >= 'liz' AND term < 'li{'}),
 * which is empty in such a collation ('{' sorts before the letters) unless the term
 * columns compare in binary order (migration 19.7).
 */
@Timeout(600)
class LinguisticCollationTests {

	private static final String PASSWORD = "Collation-Passw0rd!";

	@Test
	void prefixesFindTheCustomerOnAnIcuChineseDatabase() throws Exception {
		ExternalServices.TestDatabase database = ExternalServices
			.postgres("ENCODING 'UTF8' TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh' LOCALE 'C.UTF-8'");
		ConfigurableApplicationContext node = null;
		try {
			node = database.node(PASSWORD);
			ApiClient admin = new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
			assertThat(admin.login("admin", PASSWORD).status()).isEqualTo(200);
			JdbcClient jdbc = node.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT datlocprovider FROM pg_database WHERE datname = current_database()")
				.query(String.class)
				.single()).as("the database compares text the ICU way").isEqualTo("i");

			String csv = "name,tags\nLizzie 王小明 2029,collation\nZhang Wei,collation\n";
			long upload = admin
				.upload("/api/v1/customer-imports", "c.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
				.json()
				.path("id")
				.asLong();
			ApiClient.Response imported = admin.post("/api/v1/customer-imports/" + upload + "/import",
					Map.of("columns", List.of("name", "tags"), "updateExisting", false));
			assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

			assertThat(names(admin, "liz")).as("an English prefix ending in z").containsExactly("Lizzie 王小明 2029");
			assertThat(names(admin, "2029")).as("a number ending in 9").containsExactly("Lizzie 王小明 2029");
			assertThat(names(admin, "小明")).as("Chinese").containsExactly("Lizzie 王小明 2029");
			assertThat(names(admin, "王小 Liz")).as("Chinese and a prefix").containsExactly("Lizzie 王小明 2029");
			assertThat(names(admin, "zhan")).containsExactly("Zhang Wei");

			// transcripts: the same range on conversation_term
			jdbc.sql("INSERT INTO conversation_term (term, conversation_id) VALUES ('lizzie', 1)").update();
			assertThat(jdbc
				.sql("SELECT conversation_id FROM conversation_term WHERE term >= ? AND term < ? AND term LIKE ?")
				.params("liz", "li{", "liz%")
				.query(Long.class)
				.list()).containsExactly(1L);
		}
		finally {
			if (node != null) {
				node.close();
			}
			database.drop();
		}
	}

	private static List<String> names(ApiClient admin, String q) {
		ApiClient.Response response = admin
			.get("/api/v1/customers?tag=collation&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("items").valueStream().map((n) -> n.path("name").asString()).toList();
	}

}
