package dev.parley.platform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem the API answers comes in the request's language: walks every operation of
 * the published API description with an empty body, a body of wrong values built from its
 * schema (over-long texts, negative numbers), unknown ids and wrong query parameters, as
 * a signed-in administrator and as nobody, in both Chinese scripts, and fails on an
 * English sentence in a title, a detail or a field error.
 */
class ProblemLanguageTests extends IntegrationTest {

	/** Two ASCII words in a row, or a word English sentences cannot do without. */
	private static final Pattern ENGLISH = Pattern.compile(
			"[A-Za-z]{2,} [A-Za-z]{2,}|\\b(?:must|not|the|is|be|of|or|and|at|to|than|with|only|too)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Operations that would end the administrator's session or sign him in again, or (an
	 * empty body being valid) put the whole application in maintenance mode; the latter's
	 * problems are checked in both languages by MaintenanceApiTests.
	 */
	private static final Set<String> SKIPPED = Set.of("DELETE /api/v1/session", "POST /api/v1/session",
			"POST /api/v1/operations/maintenance");

	private static final String LONG_TEXT = "1".repeat(5000);

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "zh-TW" })
	void everyProblemOfTheApiComesInTheRequestsLanguage(String language) {
		ApiClient admin = admin().withHeader("Accept-Language", language);
		ApiClient nobody = client().withHeader("Accept-Language", language);
		JsonNode description = admin.get("/v3/api-docs").json();
		List<String> english = new ArrayList<>();
		int problems = 0;
		for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (SKIPPED.contains(method + " " + path.getKey()) || !path.getKey().startsWith("/api/")) {
					continue;
				}
				String concrete = path.getKey().replaceAll("\\{[^}]+}", "999999");
				List<ApiClient.Response> answers = new ArrayList<>();
				answers.add(nobody.send(method, concrete, method.equals("GET") ? null : "{}", null));
				if (method.equals("GET") || method.equals("DELETE")) {
					if (!(method.equals("DELETE") && concrete.equals(path.getKey()))) {
						answers.add(admin.send(method, concrete + wrongQuery(operation.getValue()), null, null));
					}
				}
				else {
					answers.add(admin.send(method, concrete, "{}", null));
					answers.add(admin.send(method, concrete, "{\"broken\": ", null));
					answers.add(admin.send(method, concrete, wrongBody(description, operation.getValue()), null));
				}
				for (ApiClient.Response answer : answers) {
					if (answer.status() < 400 || !answer.body().startsWith("{")) {
						continue;
					}
					problems++;
					for (String text : texts(answer.json())) {
						Matcher matcher = ENGLISH.matcher(text);
						if (matcher.find()) {
							english.add(method + " " + concrete + " -> " + answer.status() + " \"" + text + "\"");
						}
					}
				}
			}
		}
		// answered by a filter before Spring MVC: a body over the limit
		ApiClient.Response tooLarge = admin.send("POST", "/api/v1/roles",
				"{\"name\": \"" + "1".repeat(1_100_000) + "\"}", null);
		assertThat(tooLarge.code()).isEqualTo("payload_too_large");
		for (String text : texts(tooLarge.json())) {
			if (ENGLISH.matcher(text).find()) {
				english.add("POST /api/v1/roles (too large) -> \"" + text + "\"");
			}
		}
		assertThat(problems).as("problems answered").isGreaterThan(100);
		assertThat(english).as("English in %s answers", language).isEmpty();
	}

	private static List<String> texts(JsonNode problem) {
		List<String> texts = new ArrayList<>();
		texts.add(problem.path("title").asString(""));
		texts.add(problem.path("detail").asString(""));
		for (JsonNode error : problem.path("errors")) {
			texts.add(error.path("message").asString(""));
		}
		return texts;
	}

	/**
	 * Every query parameter of the operation with a value it cannot take. Texts are 1,000
	 * characters, less when an operation has many: a request line over the container's 8
	 * KB limit is refused before its headers are read, so before its language is known.
	 */
	private static String wrongQuery(JsonNode operation) {
		StringBuilder query = new StringBuilder();
		int texts = 0;
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asString().equals("query")
					&& parameter.path("schema").path("type").asString("string").equals("string")) {
				texts++;
			}
		}
		int length = Math.min(1000, 6000 / Math.max(1, texts));
		for (JsonNode parameter : operation.path("parameters")) {
			if (!parameter.path("in").asString().equals("query")) {
				continue;
			}
			String type = parameter.path("schema").path("type").asString("string");
			query.append(query.isEmpty() ? "?" : "&")
				.append(parameter.path("name").asString())
				.append('=')
				.append(type.equals("string") ? LONG_TEXT.substring(0, length) : "-1");
		}
		return query.toString();
	}

	/** A body of the operation's schema whose every field has a value it cannot take. */
	private static Map<String, Object> wrongBody(JsonNode description, JsonNode operation) {
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		return wrongObject(description, schema, 0);
	}

	private static Map<String, Object> wrongObject(JsonNode description, JsonNode schema, int depth) {
		JsonNode resolved = resolve(description, schema);
		Map<String, Object> body = new LinkedHashMap<>();
		if (depth > 2) {
			return body;
		}
		Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").properties().iterator();
		while (properties.hasNext()) {
			Map.Entry<String, JsonNode> property = properties.next();
			JsonNode type = resolve(description, property.getValue());
			switch (type.path("type").asString("object")) {
				case "string" -> body.put(property.getKey(), LONG_TEXT);
				case "integer", "number" -> body.put(property.getKey(), -1);
				case "boolean" -> body.put(property.getKey(), true);
				case "array" -> body.put(property.getKey(), List.of(LONG_TEXT.substring(0, 300)));
				default -> body.put(property.getKey(), wrongObject(description, type, depth + 1));
			}
		}
		return body;
	}

	private static JsonNode resolve(JsonNode description, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return description.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

}
