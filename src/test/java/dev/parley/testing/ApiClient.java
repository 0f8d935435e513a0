package dev.parley.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests: keeps cookies, sends the CSRF token the way the
 * console does, speaks JSON. One instance is one browser (one session).
 */
public class ApiClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	private boolean sendCsrf = true;

	private String bearer;

	private final Map<String, String> headers = new java.util.LinkedHashMap<>();

	public ApiClient(int port) {
		this("http://127.0.0.1:" + port, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null);
	}

	/**
	 * A browser reaching Parley at {@code base} (e.g. {@code https://127.0.0.1:8443}
	 * through a proxy), trusting the certificates {@code tls} trusts.
	 */
	public ApiClient(String base, javax.net.ssl.SSLContext tls) {
		this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), tls);
	}

	private ApiClient(String base, CookieManager cookies, javax.net.ssl.SSLContext tls) {
		this.base = base;
		this.cookies = cookies;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5));
		if (tls != null) {
			// HTTP/1.1: JDK 17's client fails the requests of an HTTP/2 connection that
			// the
			// server ends with GOAWAY (Nginx does on every reload) instead of sending
			// them
			// again on a new connection, as browsers do
			builder.sslContext(tls).version(HttpClient.Version.HTTP_1_1);
		}
		this.http = builder.build();
	}

	/**
	 * The same browser (same cookies) talking to another server on this host, as a
	 * browser behind a load balancer reaches another node.
	 */
	public ApiClient onPort(int port) {
		return new ApiClient("http://127.0.0.1:" + port, this.cookies, null);
	}

	/** Stop sending the CSRF header, as a forged cross-site request would. */
	public ApiClient withoutCsrf() {
		this.sendCsrf = false;
		return this;
	}

	/** Sends this header on every request from now on (e.g. the visitor token). */
	public ApiClient withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * The cookies of this client as a {@code Cookie} header, for a WebSocket handshake.
	 */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
	}

	/** Uploads one file as {@code multipart/form-data} with extra text fields. */
	public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
		String boundary = "----parley" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.util.function.Consumer<String> write = (text) -> body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		fields.forEach((name, value) -> write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write.accept("\r\n--" + boundary + "--\r\n");
		return exchange(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Authenticate with an API token instead of the session. */
	public ApiClient withBearer(String token) {
		this.bearer = token;
		return this;
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, null);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	/** Sends a raw body, for malformed-JSON and wrong-content-type tests. */
	public Response sendRaw(String method, String path, String body, String contentType) {
		return send(method, path, body, contentType);
	}

	public Response login(String username, String password) {
		get("/api/v1/session");
		return post("/api/v1/session", Map.of("username", username, "password", password));
	}

	public Response send(String method, String path, Object body, String contentType) {
		return send(method, path, body, contentType, "application/json");
	}

	/** A GET asking for another representation, e.g. Prometheus' text format. */
	public Response getAccepting(String path, String accept) {
		return send("GET", path, null, null, accept);
	}

	private Response send(String method, String path, Object body, String contentType, String accept) {
		{
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", accept);
			if (body != null) {
				String text = (body instanceof String raw) ? raw : json.writeValueAsString(body);
				request.header("Content-Type", (contentType != null) ? contentType : "application/json");
				request.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			return exchange(request);
		}
	}

	private Response exchange(HttpRequest.Builder request) {
		try {
			if (this.sendCsrf) {
				String token = cookie("XSRF-TOKEN");
				if (token != null) {
					request.setHeader("X-XSRF-TOKEN", token);
				}
			}
			if (this.bearer != null) {
				request.header("Authorization", "Bearer " + this.bearer);
			}
			this.headers.forEach(request::header);
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** An HTTP response with its body parsed as JSON when it is JSON. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return json.readTree(this.raw.body());
		}

		/** The problem document's {@code code}. */
		public String code() {
			return json().path("code").asString();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.raw.statusCode() + " " + this.raw.body();
		}

	}

}
