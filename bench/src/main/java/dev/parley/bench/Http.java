package dev.parley.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-like JSON client of Parley's HTTP API: its own cookies, CSRF header. */
final class Http {

	static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client;

	Http(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	JsonNode get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), path);
	}

	JsonNode put(String path, Object body) throws Exception {
		return send(json(path, body, null).method("PUT",
				HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path);
	}

	JsonNode post(String path, Object body) throws Exception {
		return post(path, body, null);
	}

	JsonNode delete(String path) throws Exception {
		return send(json(path, null, null).DELETE(), path);
	}

	/** A POST as a visitor: with the visitor token, without cookies mattering. */
	JsonNode post(String path, Object body, String visitorToken) throws Exception {
		return send(
				json(path, body, visitorToken).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
				path);
	}

	JsonNode login(String username, String password) throws Exception {
		csrfCookie();
		return post("/api/v1/session", java.util.Map.of("username", username, "password", password));
	}

	/** The cookies, as a WebSocket handshake sends them. */
	String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	private HttpRequest.Builder json(String path, Object body, String visitorToken) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (visitorToken != null) {
			request.header("X-Parley-Visitor", visitorToken);
		}
		else {
			if (cookie("XSRF-TOKEN") == null) {
				csrfCookie();
			}
			String token = cookie("XSRF-TOKEN");
			if (token == null) {
				throw new IllegalStateException("no CSRF cookie from " + this.base + " (not installed yet?)");
			}
			request.header("X-XSRF-TOKEN", token);
		}
		return request;
	}

	/**
	 * Any answer of the session resource sets the CSRF cookie (401 before signing in).
	 */
	private void csrfCookie() throws Exception {
		this.client.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/session")).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	private JsonNode send(HttpRequest.Builder request, String path) throws Exception {
		HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
