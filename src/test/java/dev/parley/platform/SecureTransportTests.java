package dev.parley.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Served over HTTPS (the request is secure: TLS at Parley, or a trusted proxy's
 * {@code X-Forwarded-Proto}), Parley sends HSTS (parley.https.*) and marks its cookies
 * Secure: the session, the CSRF token, the trusted device; over plain HTTP neither.
 */
class SecureTransportTests extends IntegrationTest {

	private static final String SIGN_IN = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}";

	/**
	 * The portal's chain sends HSTS over HTTPS too. (Through the real server: MockMvc's
	 * {@code csrf()} would put a test token repository into the shared CSRF filter, and
	 * every later sign-in of the test JVM would get no CSRF cookie.)
	 */
	@Test
	void overHttpsThePortalSendsHstsToo() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI portal = URI.create("http://127.0.0.1:" + this.port + "/portal/");
		assertThat(http
			.send(HttpRequest.newBuilder(portal).header("X-Forwarded-Proto", "https").GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.headers()
			.firstValue("Strict-Transport-Security")).contains("max-age=31536000");
		assertThat(http
			.send(HttpRequest.newBuilder(portal).header("X-Forwarded-Proto", "http").GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.headers()
			.firstValue("Strict-Transport-Security")).isEmpty();
	}

	/**
	 * The session and CSRF cookies come from the servlet container (or Spring Session in
	 * a cluster) and the CSRF filter, so through the real server: from a trusted proxy on
	 * the loopback that says the request came over HTTPS. A browser does not send Secure
	 * cookies over plain HTTP, so the requests carry the CSRF token themselves.
	 */
	@Test
	void theSessionAndCsrfCookiesAreSecureOnlyOverHttps() throws Exception {
		List<String> overHttps = signInCookies("https");
		assertThat(overHttps).anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_SESSION="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_DEVICE=").contains("HttpOnly"))
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));

		List<String> overHttp = signInCookies("http");
		assertThat(overHttp).anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_SESSION="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_DEVICE="))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	/** The Set-Cookie headers of reading the session and signing in. */
	private List<String> signInCookies(String proto) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI session = URI.create("http://127.0.0.1:" + this.port + "/api/v1/session");
		HttpResponse<String> first = http.send(
				HttpRequest.newBuilder(session).header("X-Forwarded-Proto", proto).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		List<String> cookies = new ArrayList<>(first.headers().allValues("Set-Cookie"));
		String token = cookies.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.map((cookie) -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		if ("https".equals(proto)) {
			assertThat(first.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
		}
		else {
			assertThat(first.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(session)
			.header("X-Forwarded-Proto", proto)
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + token)
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString(SIGN_IN))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
		return cookies;
	}

}
