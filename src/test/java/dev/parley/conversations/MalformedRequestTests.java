package dev.parley.conversations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a client crafts by hand (a truncated or mis-bounded multipart body, a file
 * name with a NUL, an unparsable {@code Origin} at a WebSocket handshake) are refused
 * with a 4xx problem document, never a 500, and leave no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests extends ChatTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void malformedUploadsAreRefusedWithAProblemOnBothUploadEndpoints(CapturedOutput output) throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String widget = "/api/v1/widget/conversations/" + visitor.conversationId() + "/attachments";
		String staff = "/api/v1/conversations/" + visitor.conversationId() + "/attachments";
		Map<String, String> visitorHeaders = Map.of("X-Parley-Visitor", visitor.token());
		Map<String, String> staffHeaders = Map.of("Cookie", agent.cookieHeader(), "X-XSRF-TOKEN",
				agent.cookie("XSRF-TOKEN"));

		List<String> answers = new ArrayList<>();
		for (Map.Entry<String, Map<String, String>> endpoint : Map
			.of(widget, visitorHeaders, staff, staffHeaders, widget + "?anonymous", Map.<String, String>of(),
					staff + "?anonymous", Map.<String, String>of())
			.entrySet()) {
			String path = endpoint.getKey().replace("?anonymous", "");
			for (Map.Entry<String, Body> malformed : malformedBodies().entrySet()) {
				HttpResponse<String> response = post(path, endpoint.getValue(), malformed.getValue());
				String what = malformed.getKey() + " to " + endpoint.getKey() + ": " + response.statusCode() + " "
						+ response.body();
				answers.add(what);
				assertThat(response.statusCode()).as(what).isBetween(400, 499);
				assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
					.startsWith("application/problem+json");
				JsonNode problem = json.readTree(response.body());
				assertThat(problem.path("code").asString()).as(what).isNotBlank();
				assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
			}
		}
		assertThat(output.getAll()).as(String.join("\n", answers))
			.doesNotContain("\tat ", "Exception:", "internal_error");
		assertThat(transcript(agent, "/api/v1/conversations/", visitor.conversationId()))
			.noneMatch((message) -> message.path("kind").asString().equals("attachment"));
	}

	@Test
	void anUnparsableOriginIsRefusedAtAWebSocketHandshakeAndOnTheApi(CapturedOutput output) throws Exception {
		ApiClient agent = signedInAs("agent");
		List<String> answers = new ArrayList<>();
		for (String origin : List.of("http://[", "http://exa mple.com", "://", "http://%zz", "javascript:alert(1)",
				"https://a.example https://b.example", "null\u0001")) {
			for (String path : List.of("/ws/visitor", "/ws/staff", "/api/v1/session")) {
				RawResponse response = request(path, origin, agent.cookieHeader());
				String what = path + " with Origin " + origin + ": " + response;
				answers.add(what);
				assertThat(response.status()).as(what).isEqualTo(400);
				assertThat(response.head()).as(what).containsIgnoringCase("Content-Type: application/problem+json");
				assertThat(json.readTree(response.body()).path("code").asString()).as(what)
					.isEqualTo("malformed_request");
			}
		}
		assertThat(output.getAll()).as(String.join("\n", answers)).doesNotContain("\tat ", "Exception:");
		// a well-formed origin of an app still connects to the visitor endpoint
		assertThat(request("/ws/visitor", "file://", null).status()).isEqualTo(101);
		assertThat(request("/ws/visitor", "https://shop.example.com", null).status()).isEqualTo(101);
		assertThat(request("/ws/visitor", "http://[::1]:8080", null).status()).isEqualTo(101);
		assertThat(request("/ws/visitor", "http://intranet_host", null).status()).isEqualTo(101);
		assertThat(request("/ws/visitor", "null", null).status()).isEqualTo(101);
	}

	/** A status, head and body read off the wire. */
	record RawResponse(int status, String head, String body) {

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

	/**
	 * A WebSocket upgrade request written byte by byte: the JDK's clients refuse to send
	 * malformed headers. An upgraded connection stays open; the read ends after a short
	 * wait then.
	 */
	private RawResponse request(String path, String origin, String cookie) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2_000);
			String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
					+ "\r\n" + ((cookie != null) ? "Cookie: " + cookie + "\r\n" : "") + "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
					read.write(buffer, 0, n);
				}
			}
			catch (SocketTimeoutException ex) {
				// upgraded, or kept alive
			}
			String answer = read.toString(StandardCharsets.UTF_8);
			int headEnd = answer.indexOf("\r\n\r\n");
			String head = (headEnd < 0) ? answer : answer.substring(0, headEnd);
			String body = (headEnd < 0) ? "" : answer.substring(headEnd + 4);
			if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = dechunk(body);
			}
			return new RawResponse(Integer.parseInt(answer.substring(9, 12)), head, body);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
			if (size == 0) {
				break;
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}

	/** A raw request body with its own content type. */
	record Body(String contentType, byte[] bytes) {
	}

	private static Map<String, Body> malformedBodies() {
		Map<String, Body> bodies = new LinkedHashMap<>();
		String boundary = "----parleyBoundary";
		String type = "multipart/form-data; boundary=" + boundary;
		bodies.put("truncated",
				new Body(type,
						("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\nt-1\r\n--"
								+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
								+ "Content-Type: text/plain\r\n\r\nhello wor")
							.getBytes(StandardCharsets.UTF_8)));
		bodies.put("wrong boundary",
				new Body("multipart/form-data; boundary=somethingElse", multipart("t-2", "a.txt", "hello").bytes()));
		bodies.put("no boundary", new Body("multipart/form-data", multipart("t-3", "a.txt", "hello").bytes()));
		bodies.put("no file part",
				new Body(type,
						("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\nt-4\r\n--"
								+ boundary + "--\r\n")
							.getBytes(StandardCharsets.UTF_8)));
		bodies.put("garbage", new Body(type, "not multipart at all".getBytes(StandardCharsets.UTF_8)));
		bodies.put("header without end",
				new Body(type,
						("--" + boundary + "\r\nContent-Disposition: form-data; " + "name=\"file\"; filename=\"a.txt\"")
							.getBytes(StandardCharsets.UTF_8)));
		bodies.put("NUL in the file name", multipart("t-7", "note\u0000.txt", "hello"));
		return bodies;
	}

	private static Body multipart(String clientId, String fileName, String content) {
		String boundary = "----parleyBoundary";
		return new Body("multipart/form-data; boundary=" + boundary,
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\n" + clientId + "\r\n--"
						+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
						+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, Map<String, String> headers, Body body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
