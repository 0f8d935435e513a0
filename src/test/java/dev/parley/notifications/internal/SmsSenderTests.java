package dev.parley.notifications.internal;

import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS sender against a provider on this host ({@link FakeGateway}), configured
 * through the console's API as an administrator would: the exact request of each preset,
 * the provider's id read back, which failures are tried again and which are refused for
 * good, and addresses checked again right before every request.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmsSenderTests extends IntegrationTest {

	/** Characters that break naive concatenation in forms, JSON and URLs. */
	static final String TRICKY = "Tom & Jerry = \"friends\" \\ 100%+1\nline 2 你好，世界";

	private static final String PHONE = "+8613812345678";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private List<ChannelSender> senders;

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
		configure(Map.of("enabled", false));
	}

	@Test
	void twilioPresetPostsAFormWithBasicAuthenticationAndReadsTheSid() {
		Map<String, Object> body = fromPreset("twilio", "https://api.twilio.com");
		String basic = "Basic " + Base64.getEncoder().encodeToString("AC123:tw-auth-token".getBytes());
		body.put("headers", List.of(Map.of("name", "Authorization", "value", basic, "secret", true)));
		body.put("parameters", List.of(Map.of("name", "accountSid", "value", "AC123", "secret", false)));
		body.put("sender", "+15005550006");
		configure(body);
		this.gateway.answer(201, "{\"sid\":\"SM0123456789\",\"status\":\"queued\"}");

		DeliveryResult result = sender().send(message(TRICKY));

		assertThat(result).isEqualTo(DeliveryResult.delivered("SM0123456789"));
		FakeGateway.Received request = this.gateway.last();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.pathAndQuery()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
		assertThat(request.headers()).containsEntry("authorization", basic)
			.containsEntry("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
		assertThat(request.body())
			.isEqualTo("To=" + form(PHONE) + "&From=" + form("+15005550006") + "&Body=" + form(TRICKY));
		assertThat(formFields(request.body())).containsExactly(Map.entry("To", PHONE),
				Map.entry("From", "+15005550006"), Map.entry("Body", TRICKY));
	}

	@Test
	void vonagePresetPostsJsonWithTheKeyInTheBodyAndReadsTheStatusAndId(CapturedOutput output) {
		Map<String, Object> body = fromPreset("vonage", "https://rest.nexmo.com");
		body.put("parameters", List.of(Map.of("name", "apiKey", "value", "key-1", "secret", false),
				Map.of("name", "apiSecret", "value", "vonage-s3cret", "secret", true)));
		body.put("sender", "Parley");
		configure(body);
		this.gateway.answer(200,
				"{\"message-count\":\"1\",\"messages\":[{\"to\":\"8613812345678\",\"message-id\":\"0A00000123ABCD1\",\"status\":\"0\"}]}");

		assertThat(sender().send(message(TRICKY))).isEqualTo(DeliveryResult.delivered("0A00000123ABCD1"));
		FakeGateway.Received request = this.gateway.last();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.pathAndQuery()).isEqualTo("/sms/json");
		assertThat(request.headers()).containsEntry("content-type", "application/json; charset=UTF-8");
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.path("api_key").asString()).isEqualTo("key-1");
		assertThat(sent.path("api_secret").asString()).isEqualTo("vonage-s3cret");
		assertThat(sent.path("from").asString()).isEqualTo("Parley");
		assertThat(sent.path("to").asString()).isEqualTo(PHONE);
		assertThat(sent.path("text").asString()).isEqualTo(TRICKY);

		// a 200 whose status is not "0" is a refusal; the provider's echo of the secret
		// is
		// blotted out of the error and the log
		this.gateway.answer(200,
				"{\"messages\":[{\"status\":\"4\",\"error-text\":\"Bad Credentials vonage-s3cret\"}]}");
		DeliveryResult refused = sender().send(message("hello"));
		assertThat(refused).isInstanceOf(DeliveryResult.Refused.class);
		String error = ((DeliveryResult.Refused) refused).error();
		assertThat(error).contains("HTTP 200", "/messages/0/status", "Bad Credentials ****")
			.doesNotContain("vonage-s3cret");
		assertThat(output.getAll()).contains("refused for good").doesNotContain("vonage-s3cret");
	}

	@Test
	void plivoPresetPostsJsonWithBasicAuthenticationAndReadsTheUuid() {
		Map<String, Object> body = fromPreset("plivo", "https://api.plivo.com");
		String basic = "Basic " + Base64.getEncoder().encodeToString("MAXXX:plivo-token".getBytes());
		body.put("headers", List.of(Map.of("name", "Authorization", "value", basic, "secret", true)));
		body.put("parameters", List.of(Map.of("name", "authId", "value", "MAXXX", "secret", false)));
		body.put("sender", "+14155550100");
		configure(body);
		this.gateway.answer(202,
				"{\"api_id\":\"x\",\"message\":\"message(s) queued\",\"message_uuid\":[\"db3ce55a\"]}");

		assertThat(sender().send(message(TRICKY))).isEqualTo(DeliveryResult.delivered("db3ce55a"));
		FakeGateway.Received request = this.gateway.last();
		assertThat(request.pathAndQuery()).isEqualTo("/v1/Account/MAXXX/Message/");
		assertThat(request.headers()).containsEntry("authorization", basic);
		JsonNode sent = json.readTree(request.body());
		assertThat(sent.path("src").asString()).isEqualTo("+14155550100");
		assertThat(sent.path("dst").asString()).isEqualTo(PHONE);
		assertThat(sent.path("text").asString()).isEqualTo(TRICKY);
	}

	@Test
	void aGetRequestCarriesTheValuesPercentEncodedInTheAddress() {
		configure(custom(Map.of("url", this.gateway.base() + "/send?to={{to}}&msg={{text}}&key={{apiKey}}", "method",
				"GET", "contentType", "none", "parameters",
				List.of(Map.of("name", "apiKey", "value", "k&y=1", "secret", true)), "successSubstring", "OK")));
		this.gateway.answer(200, "OK 42");

		assertThat(sender().send(message(TRICKY))).isEqualTo(DeliveryResult.delivered(null));
		FakeGateway.Received request = this.gateway.last();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.body()).isEmpty();
		assertThat(request.pathAndQuery()).startsWith("/send?to=%2B8613812345678&msg=Tom%20%26%20Jerry%20%3D%20")
			.endsWith("&key=k%26y%3D1");
		assertThat(formFields(request.pathAndQuery().substring("/send?".length()))).containsEntry("msg", TRICKY);

		// the answer lacks the text that means success
		this.gateway.answer(200, "ERR no credit");
		assertThat(sender().send(message("x"))).isInstanceOf(DeliveryResult.Refused.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 429, 408 })
	void aServerErrorOrThrottlingIsTriedAgain(int status) {
		configure(custom(Map.of("url", this.gateway.base() + "/sms")));
		this.gateway.answer(status, "{\"error\":\"busy\"}");

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
		assertThat(((DeliveryResult.Retry) result).error())
			.isEqualTo("HTTP " + status + " from the SMS gateway: {\"error\":\"busy\"}");
	}

	@Test
	void aGatewayThatDoesNotAnswerInTimeIsTriedAgain() {
		configure(custom(Map.of("url", this.gateway.base() + "/sms", "timeoutSeconds", 1)));
		this.gateway.stall();

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isEqualTo(DeliveryResult.retry("The SMS gateway did not answer within 1 s"));
	}

	@Test
	void aRefusedConnectionIsTriedAgain() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		configure(custom(Map.of("url", "http://127.0.0.1:" + closedPort + "/sms")));

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
		assertThat(((DeliveryResult.Retry) result).error()).startsWith("Cannot connect to the SMS gateway");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void aClientErrorIsRefusedForGoodWithTheStatusAndAnExcerpt(int status, CapturedOutput output) {
		configure(custom(Map.of("url", this.gateway.base() + "/sms")));
		this.gateway.answer(status,
				"{\"code\":21211,\n\"message\":\"The 'To' number is not valid.\u0007\"}" + " pad".repeat(200));

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isInstanceOf(DeliveryResult.Refused.class);
		String error = ((DeliveryResult.Refused) result).error();
		assertThat(error)
			.startsWith("HTTP " + status
					+ " from the SMS gateway: {\"code\":21211, \"message\":\"The 'To' number is not valid.")
			.doesNotContain("\n", "\u0007")
			.hasSizeLessThan(300);
		assertThat(this.gateway.received()).hasSize(1);
		assertThat(output.getAll()).contains("refused for good: HTTP " + status);
	}

	@Test
	void aRedirectIsNotFollowed() {
		configure(custom(Map.of("url", this.gateway.base() + "/sms")));
		this.gateway.answer(302, "");

		assertThat(sender().send(message("hello")))
			.isEqualTo(DeliveryResult.refused("HTTP 302 from the SMS gateway: redirects are not followed"));
		assertThat(this.gateway.received()).hasSize(1);
	}

	@Test
	void anAddressThatNowIsAMetadataServiceIsRefusedBeforeAnyRequest() {
		configure(custom(Map.of("url", this.gateway.base() + "/sms")));
		// as if the address had changed under the saved gateway
		this.jdbc.sql("UPDATE sms_gateway SET url = ? WHERE id = 1")
			.param("http://169.254.169.254/latest/meta-data/")
			.update();

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isInstanceOf(DeliveryResult.Refused.class);
		assertThat(((DeliveryResult.Refused) result).error()).contains("not allowed", "169.254.169.254");
	}

	@Test
	void aNameIsCheckedOnWhatItResolvesToBeforeEveryRequest() {
		configure(custom(Map.of("url", this.gateway.base().replace("127.0.0.1", "localhost") + "/sms")));
		assertThat(sender().send(message("hello"))).isInstanceOf(DeliveryResult.Delivered.class);
		this.jdbc.sql("UPDATE sms_gateway SET allow_private_network = FALSE WHERE id = 1").update();

		DeliveryResult result = sender().send(message("hello"));

		assertThat(result).isInstanceOf(DeliveryResult.Refused.class);
		assertThat(((DeliveryResult.Refused) result).error()).contains("localhost is", "loopback or private");
		assertThat(this.gateway.received()).hasSize(1);
	}

	@Test
	void readyOnlyWhenSwitchedOnWithAnAddress() {
		Map<String, Object> off = custom(Map.of("url", this.gateway.base() + "/sms"));
		off.put("enabled", false);
		configure(off);
		assertThat(sender().ready()).isFalse();
		assertThat(sender().send(message("hello"))).isInstanceOf(DeliveryResult.Retry.class);
		assertThat(this.gateway.received()).isEmpty();

		configure(custom(Map.of("url", this.gateway.base() + "/sms")));
		assertThat(sender().ready()).isTrue();
	}

	private ChannelSender sender() {
		return this.senders.stream()
			.filter((sender) -> sender.channel() == NotificationChannel.SMS)
			.findFirst()
			.orElseThrow();
	}

	private static Outgoing message(String text) {
		return new Outgoing(7, PHONE, Audience.CUSTOMER, null, null, text, null, null, null, null);
	}

	/** The preset as the console fills it in, pointed at the fake gateway. */
	private Map<String, Object> fromPreset(String name, String providerBase) {
		for (JsonNode preset : admin().get("/api/v1/sms-gateway/presets").json()) {
			if (preset.path("name").asString().equals(name)) {
				Map<String, Object> body = json.convertValue(preset, Map.class);
				body.remove("name");
				body.put("preset", name);
				body.put("url", preset.path("url").asString().replace(providerBase, this.gateway.base()));
				body.put("enabled", true);
				body.put("allowPrivateNetwork", true);
				return body;
			}
		}
		throw new IllegalArgumentException(name);
	}

	private static Map<String, Object> custom(Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enabled", true);
		body.put("allowPrivateNetwork", true);
		body.put("method", "POST");
		body.put("contentType", "json");
		body.put("bodyTemplate", "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}");
		body.putAll(fields);
		return body;
	}

	private void configure(Map<String, Object> body) {
		ApiClient.Response response = admin().put("/api/v1/sms-gateway", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, String> formFields(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

}
