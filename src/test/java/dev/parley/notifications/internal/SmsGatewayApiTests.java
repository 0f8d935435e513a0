package dev.parley.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS gateway's API as the console uses it: who may see and change it, secrets that
 * never come back, every kind of bad input answered with a field error in the request's
 * language, addresses that are never allowed, and the test message.
 */
class SmsGatewayApiTests extends IntegrationTest {

	private static final String PATH = "/api/v1/sms-gateway";

	@Autowired
	private JdbcClient jdbc;

	private FakeGateway gateway;

	@BeforeEach
	void startGateway() throws Exception {
		this.gateway = new FakeGateway();
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
		admin().put(PATH, Map.of("enabled", false));
	}

	@Test
	void nobodySignedInGets401AndStaffWithoutTheSettingsPermission403() {
		ApiClient nobody = client();
		ApiClient agent = signedInAs("agent");
		for (String[] call : new String[][] { { "GET", PATH }, { "PUT", PATH }, { "GET", PATH + "/presets" },
				{ "POST", PATH + "/test" } }) {
			String body = call[0].equals("GET") ? null : "{\"phone\":\"+8613800000000\"}";
			ApiClient.Response anonymous = nobody.send(call[0], call[1], body, null);
			assertThat(anonymous.status()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(anonymous.code()).isEqualTo("unauthenticated");
			ApiClient.Response refused = agent.send(call[0], call[1], body, null);
			assertThat(refused.status()).as(call[0] + " " + call[1]).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("forbidden");
		}
		assertThat(this.gateway.received()).isEmpty();
	}

	@Test
	void presetsGiveTheRequestShapesOfRealProviders() {
		JsonNode presets = admin().get(PATH + "/presets").json();
		List<String> names = new ArrayList<>();
		presets.forEach((preset) -> names.add(preset.path("name").asString()));
		assertThat(names).contains("twilio", "vonage", "plivo");
		JsonNode twilio = presets.get(names.indexOf("twilio"));
		assertThat(twilio.path("url").asString())
			.isEqualTo("https://api.twilio.com/2010-04-01/Accounts/{{accountSid}}/Messages.json");
		assertThat(twilio.path("method").asString()).isEqualTo("POST");
		assertThat(twilio.path("contentType").asString()).isEqualTo("form");
		assertThat(twilio.path("messageIdPointer").asString()).isEqualTo("/sid");
		assertThat(twilio.path("headers").get(0).path("secret").asBoolean()).isTrue();
	}

	@Test
	void secretsAreStoredSealedNeverReturnedAndKeptWhenTheMaskComesBack() {
		Map<String, Object> body = valid();
		body.put("headers",
				List.of(Map.of("name", "Authorization", "value", "Bearer tok-123456", "secret", false),
						Map.of("name", "X-Api-Key", "value", "key-abcdef", "secret", false),
						Map.of("name", "X-Tenant", "value", "acme", "secret", false)));
		body.put("parameters", List.of(Map.of("name", "password", "value", "pa55word-xyz", "secret", false),
				Map.of("name", "region", "value", "cn", "secret", true)));
		ApiClient admin = admin();
		ApiClient.Response saved = admin.put(PATH, body);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

		String shown = admin.get(PATH).body();
		assertThat(shown).doesNotContain("tok-123456", "key-abcdef", "pa55word-xyz")
			.contains("\"Authorization\"", "********", "acme");
		JsonNode view = admin.get(PATH).json();
		assertThat(view.path("headers").get(0).path("secret").asBoolean()).isTrue();
		assertThat(view.path("headers").get(2).path("value").asString()).isEqualTo("acme");
		assertThat(view.path("parameters").get(1).path("value").asString()).isEqualTo("********");
		String stored = this.jdbc.sql("SELECT headers || parameters FROM sms_gateway WHERE id = 1")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("tok-123456", "key-abcdef", "pa55word-xyz").contains("acme");
		assertThat(stored).as("sealed with the personal data keys").contains("\"pd1:k0:");

		// the console sends back what it got: the stored secrets stay
		Map<String, Object> again = new LinkedHashMap<>(body);
		again.put("headers", List.of(Map.of("name", "Authorization", "value", "********", "secret", true),
				Map.of("name", "X-Api-Key", "value", "********", "secret", true)));
		again.put("url", this.gateway.base() + "/sms?k={{password}}");
		assertThat(admin.put(PATH, again).status()).isEqualTo(200);
		ApiClient.Response test = admin.post(PATH + "/test", Map.of("phone", "+8613800000000"));
		assertThat(test.json().path("outcome").asString()).as(test.toString()).isEqualTo("delivered");
		assertThat(this.gateway.last().headers()).containsEntry("authorization", "Bearer tok-123456")
			.containsEntry("x-api-key", "key-abcdef")
			.doesNotContainKey("x-tenant");
		assertThat(this.gateway.last().pathAndQuery()).isEqualTo("/sms?k=pa55word-xyz");

		// stored secrets go only to the origin they were given for
		Map<String, Object> elsewhere = new LinkedHashMap<>(again);
		elsewhere.put("url", "http://localhost:1/sms?k={{password}}");
		ApiClient.Response moved = admin.put(PATH, elsewhere);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
		assertThat(moved.body()).contains("enter the value of 'Authorization' again");

		// the mask for a secret never stored is no value
		again.put("headers", List.of(Map.of("name", "X-Other-Token", "value", "********", "secret", true)));
		ApiClient.Response refused = admin.put(PATH, again);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("message").asString())
			.isEqualTo("enter the value of 'X-Other-Token' again");

		String audit = this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'sms_gateway.updated' "
					+ "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
		assertThat(audit).contains("127.0.0.1").doesNotContain("tok-123456", "pa55word-xyz");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://169.254.10.1/",
			"http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL./",
			"http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/",
			"http://[64:ff9b::a9fe:a9fe]/", "http://0.0.0.0:8080/", "http://224.0.0.1/", "http://255.255.255.255/",
			"http://100.100.100.200/latest/meta-data/", "http://2852039166/" })
	void aMetadataOrLinkLocalAddressIsRefusedEvenWithThePrivateNetworkAllowed(String url) {
		Map<String, Object> body = valid();
		body.put("url", url);
		body.put("allowPrivateNetwork", true);
		assertFieldError(admin().put(PATH, body), "url",
				"must not point at a link-local, cloud metadata, multicast or reserved address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/sms", "http://localhost/sms", "http://10.1.2.3/sms",
			"http://172.16.0.9/sms", "http://192.168.1.20/sms", "http://[::1]/sms", "http://[fc00::5]/sms",
			"http://100.64.0.1/sms" })
	void aPrivateAddressOnlyWhenTheAdministratorAllowsIt(String url) {
		Map<String, Object> body = valid();
		body.put("url", url);
		body.put("allowPrivateNetwork", false);
		assertFieldError(admin().put(PATH, body), "url",
				"points at a loopback or private address: allow the private network to use it");
		body.put("allowPrivateNetwork", true);
		assertThat(admin().put(PATH, body).status()).isEqualTo(200);
	}

	@Test
	void badInputIsAnsweredWithTheFieldAndWhatIsWrong() {
		assertBad("url", "ftp://example.com/sms", "must be an http or https address without a user name or password");
		assertBad("url", "https://user:pass@example.com/sms",
				"must be an http or https address without a user name or password");
		assertBad("url", "not a url at all", "must be an http or https address without a user name or password");
		assertBad("url", "https://{{host}}.example.com/sms", "may use template values only after the host");
		assertBad("url", "https://example.com/" + "a".repeat(2000), "must be at most 2000 characters");
		assertBad("method", "DELETE", "must be one of POST, GET, PUT");
		assertBad("contentType", "xml", "must be one of form, json, none");
		assertBad("successPointer", "sid", "must be a JSON pointer such as /sid");
		assertBad("messageIdPointer", "/a/" + "b".repeat(300), "must be at most 255 characters");
		assertBad("bodyTemplate", "{\"text\":\"{{#text}}\"}", "is not a valid template (line 1)");
		assertBad("bodyTemplate", "{\"text\":\"{{{text}}}\"}",
				"must use only escaped values, no partials or delimiter changes");
		assertBad("bodyTemplate", "{{=<% %>=}}<%text%>",
				"must use only escaped values, no partials or delimiter changes");
		assertBad("bodyTemplate", "{\"key\":\"{{apiKey}}\"}",
				"uses 'apiKey', which is neither to, text, from nor a parameter");
		assertBad("bodyTemplate", "x".repeat(4001), "must be at most 4000 characters");
		assertBad("timeoutSeconds", 0, "must be 1 to 60");
		assertBad("timeoutSeconds", 61, "must be 1 to 60");
		assertBad("preset", "acme", "unknown preset 'acme'");
		assertBad("sender", "x".repeat(65), "must be at most 64 characters");
		assertBad("headers", List.of(Map.of("name", "X-A", "value", "one\r\nX-Injected: yes")),
				"the value of 'X-A' must be one line of at most 2000 characters");
		assertBad("headers", List.of(Map.of("name", "Bad Name", "value", "v")), "'Bad Name' is not a header name");
		assertBad("headers", List.of(Map.of("name", "Host", "value", "evil")), "'Host' is set by Parley");
		assertBad("headers", List.of(Map.of("name", "X-A", "value", "1"), Map.of("name", "x-a", "value", "2")),
				"each name at most once");
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			many.add(Map.of("name", "X-H" + i, "value", "v"));
		}
		assertBad("headers", many, "at most 20");
		assertBad("parameters", List.of(Map.of("name", "text", "value", "v")), "'text' is set by Parley");
		assertBad("parameters", List.of(Map.of("name", "1x", "value", "v")),
				"'1x' is not a parameter name (letters, digits and _)");

		Map<String, Object> get = valid();
		get.put("method", "GET");
		assertFieldError(admin().put(PATH, get), "contentType", "must be none for a GET request");
		Map<String, Object> noValue = valid();
		noValue.put("successPointer", "/status");
		assertFieldError(admin().put(PATH, noValue), "successValue", "is required");
		Map<String, Object> noUrl = valid();
		noUrl.remove("url");
		assertFieldError(admin().put(PATH, noUrl), "url", "is required");
		ApiClient.Response malformed = admin().sendRaw("PUT", PATH, "{\"headers\": \"nope\"", null);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("malformed_request");
	}

	@Test
	void fieldErrorsComeInTheRequestsLanguage() {
		Map<String, Object> body = valid();
		body.put("url", "http://169.254.169.254/");
		body.put("successPointer", "sid");
		ApiClient.Response response = admin().withHeader("Accept-Language", "zh-CN").put(PATH, body);
		assertThat(response.status()).isEqualTo(400);
		JsonNode errors = response.json().path("errors");
		assertThat(errors.get(0).path("message").asString()).isEqualTo("必须是 JSON Pointer，例如 /sid");
		assertThat(errors.get(1).path("message").asString()).isEqualTo("不能指向链路本地、云元数据、组播或保留地址");
		assertThat(response.json().path("detail").asString()).startsWith("成功字段");
	}

	@Test
	void aTestMessageReportsDeliveryWithTheIdOrTheError() {
		ApiClient admin = admin();
		Map<String, Object> body = valid();
		body.put("enabled", false);
		body.put("messageIdPointer", "/id");
		assertThat(admin.put(PATH, body).status()).isEqualTo(200);

		this.gateway.answer(200, "{\"id\":\"m-1\"}");
		ApiClient.Response delivered = admin.post(PATH + "/test",
				Map.of("phone", "+86 138 0000 0000", "text", "测试 & more"));
		assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
		assertThat(delivered.json().path("outcome").asString()).isEqualTo("delivered");
		assertThat(delivered.json().path("providerMessageId").asString()).isEqualTo("m-1");
		assertThat(this.gateway.last().body()).isEqualTo("{\"to\":\"+86 138 0000 0000\",\"text\":\"测试 & more\"}");

		this.gateway.answer(401, "{\"message\":\"Authenticate\"}");
		JsonNode refused = admin.post(PATH + "/test", Map.of("phone", "+8613800000000")).json();
		assertThat(refused.path("outcome").asString()).isEqualTo("refused");
		assertThat(refused.path("error").asString())
			.isEqualTo("HTTP 401 from the SMS gateway: {\"message\":\"Authenticate\"}");

		assertFieldError(admin.post(PATH + "/test", Map.of("phone", "call me")), "phone", "must be a phone number");
		assertFieldError(admin.post(PATH + "/test", Map.of("phone", "+8613800000000", "text", "x".repeat(641))), "text",
				"must be at most 640 characters");
		assertThat(this.gateway.received()).hasSize(2);

		assertThat(admin.put(PATH, Map.of("enabled", false)).status()).isEqualTo(200);
		ApiClient.Response unconfigured = admin.post(PATH + "/test", Map.of("phone", "+8613800000000"));
		assertThat(unconfigured.status()).isEqualTo(409);
		assertThat(unconfigured.code()).isEqualTo("sms_gateway_not_configured");
	}

	private Map<String, Object> valid() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enabled", true);
		body.put("url", this.gateway.base() + "/sms");
		body.put("method", "POST");
		body.put("contentType", "json");
		body.put("bodyTemplate", "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}");
		body.put("allowPrivateNetwork", true);
		return body;
	}

	private void assertBad(String field, Object value, String message) {
		Map<String, Object> body = valid();
		body.put(field, value);
		assertFieldError(admin().put(PATH, body), field, message);
	}

	private static void assertFieldError(ApiClient.Response response, String field, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation_failed");
		List<String> errors = new ArrayList<>();
		response.json()
			.path("errors")
			.forEach((error) -> errors.add(error.path("field").asString() + ": " + error.path("message").asString()));
		assertThat(errors).as(response.toString()).contains(field + ": " + message);
	}

}
