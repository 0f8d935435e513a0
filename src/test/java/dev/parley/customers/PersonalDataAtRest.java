package dev.parley.customers;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw dump shows no customer's e-mail address, phone number or IP address, nor the
 * value of an attribute marked sensitive: customers and visitors are made through the
 * real paths (a vouched-for arrival, a pre-chat form, a transcript request, a message
 * left for later, a close that mails the transcript, staff giving the attribute a value),
 * then every text and binary column of every table is read as the database holds it. One
 * subclass per engine.
 */
abstract class PersonalDataAtRest extends IntegrationTest {

	private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
			Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.BLOB, Types.BINARY, Types.VARBINARY,
			Types.LONGVARBINARY, Types.OTHER);

	@Autowired
	DataSource dataSource;

	@Test
	void aRawDumpShowsNoEmailPhoneAddressOrSensitiveAttribute() throws Exception {
		String tag = unique("pd").toLowerCase().replace("-", "");
		String vouchedEmail = tag + ".vouched@example.com";
		String typedEmail = tag + ".typed@example.com";
		String leftEmail = tag + ".left@example.com";
		String transcriptEmail = tag + ".transcript@example.com";
		String phone = "+86 139 " + (1000 + Math.abs(tag.hashCode() % 9000)) + " 7301";
		String ip = "198.51.100." + (10 + Math.abs(tag.hashCode() % 200));

		JsonNode channel = admin()
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json();
		Map<String, Object> arrival = new LinkedHashMap<>(vouched(channel, unique("user")));
		arrival.put("name", "Li Lei");
		arrival.put("email", vouchedEmail);
		arrival.put("phone", phone);
		JsonNode vouched = arrive(channel, arrival, ip);
		ApiClient widget = client().withHeader("X-Parley-Visitor", vouched.path("token").asString())
			.withHeader("X-Forwarded-For", ip);
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "Where is my order?", "email", typedEmail, "phone", phone));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversation = started.json().path("id").asLong();
		ApiClient.Response transcript = widget.post(
				"/api/v1/widget/conversations/" + conversation + "/transcript-request",
				Map.of("email", transcriptEmail));
		assertThat(transcript.status()).as(transcript.toString()).isLessThan(300);
		assertThat(widget.post("/api/v1/widget/conversations/" + conversation + "/close", Map.of()).status())
			.isLessThan(300);

		JsonNode anonymous = arrive(channel, Map.of(), ip);
		ApiClient other = client().withHeader("X-Parley-Visitor", anonymous.path("token").asString())
			.withHeader("X-Forwarded-For", ip);
		ApiClient.Response left = other.post("/api/v1/widget/messages", Map.of("clientId", "left-" + tag, "name",
				"Han Meimei", "email", leftEmail, "phone", phone, "text", "Please call me back"));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		// an attribute marked sensitive, given a value by staff as on the customer page
		// (one
		// word, so that a search index holding it would hold it whole)
		String sensitiveValue = "passport" + tag;
		String key = "passport_" + tag;
		ApiClient staff = admin();
		ApiClient.Response attribute = staff.post("/api/v1/customer-attributes",
				Map.of("key", key, "label", "Passport", "type", "TEXT", "sensitive", true));
		assertThat(attribute.status()).as(attribute.toString()).isEqualTo(201);
		long customer = this
			.jdbcCount("SELECT customer_id FROM visitor WHERE id = " + vouched.path("visitor").path("id").asLong());
		int version = staff.get("/api/v1/customers/" + customer).json().path("version").asInt();
		ApiClient.Response patched = staff.send("PATCH", "/api/v1/customers/" + customer,
				Map.of("version", version, "attributes", Map.of(key, sensitiveValue)), "application/json");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		eventsHandled();

		assertThat(this.jdbcCount("SELECT COUNT(*) FROM customer_attribute_value WHERE customer_id = " + customer))
			.as("the sensitive value was stored")
			.isPositive();
		assertThat(this.jdbcCount("SELECT COUNT(*) FROM customer_contact")).as("customers were made").isPositive();
		assertThat(this.jdbcCount("SELECT COUNT(*) FROM notification")).as("notifications were stored").isPositive();
		List<String> secrets = List.of(vouchedEmail, typedEmail, leftEmail, transcriptEmail, phone,
				phone.replace(" ", ""), ip, sensitiveValue);
		assertThat(findings(secrets)).as("columns that hold personal data in plain text").isEmpty();
		assertThat(staff.delete("/api/v1/customer-attributes/" + attribute.json().path("id").asLong()).status())
			.isEqualTo(204);
	}

	private long jdbcCount(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** table.column: value, for every stored value that contains one of the secrets. */
	private List<String> findings(List<String> secrets) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String quote = meta.getIdentifierQuoteString();
			Map<String, List<String>> columns = new LinkedHashMap<>();
			try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
					new String[] { "TABLE" })) {
				while (tables.next()) {
					columns.put(tables.getString("TABLE_NAME"), new ArrayList<>());
				}
			}
			assertThat(columns.keySet()).as("the tables are found").hasSizeGreaterThan(30);
			for (Map.Entry<String, List<String>> table : columns.entrySet()) {
				try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), table.getKey(),
						"%")) {
					while (rs.next()) {
						if (TEXT.contains(rs.getInt("DATA_TYPE"))) {
							table.getValue().add(rs.getString("COLUMN_NAME"));
						}
					}
				}
				for (String column : table.getValue()) {
					try (Statement statement = connection.createStatement();
							ResultSet rs = statement.executeQuery(
									"SELECT " + quote + column + quote + " FROM " + quote + table.getKey() + quote)) {
						while (rs.next()) {
							Object value = rs.getObject(1);
							if (value == null) {
								continue;
							}
							String text = (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
									: String.valueOf(value);
							for (String secret : secrets) {
								if (text.toLowerCase().contains(secret.toLowerCase())) {
									found.add(table.getKey() + "." + column + ": " + clip(text));
								}
							}
						}
					}
				}
			}
		}
		return found;
	}

	private static String clip(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private JsonNode arrive(JsonNode channel, Map<String, Object> body, String ip) {
		ApiClient.Response arrived = client().withHeader("X-Forwarded-For", ip)
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors", body);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return arrived.json();
	}

	private static Map<String, Object> vouched(JsonNode channel, String customerId) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(channel.path("identitySecret").asString().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return Map.of("customerId", customerId, "customerHash",
				HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8))));
	}

}
