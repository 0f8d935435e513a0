package dev.parley.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Served over HTTPS (the request is secure: TLS at Parley, or a trusted proxy's
 * {@code X-Forwarded-Proto}), Parley sends HSTS (parley.https.*) and marks its cookies
 * Secure: the session, the CSRF token, the trusted device; over plain HTTP neither.
 */
class SecureTransportTests extends IntegrationTest {

	private static final String SIGN_IN = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}";

	@Autowired
	private WebApplicationContext context;

	private MockHttpServletResponse signIn(boolean secure) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		MockHttpServletResponse response = mvc
			.perform(post("/api/v1/session").secure(secure)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(SIGN_IN))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response;
	}

	@Test
	void overHttpsHstsIsSentAndTheDeviceAndCsrfCookiesAreSecure() throws Exception {
		MockHttpServletResponse response = signIn(true);
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
		assertThat(response.getHeaders("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("PARLEY_DEVICE=").contains("; Secure").contains("HttpOnly"));

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		assertThat(mvc.perform(get("/portal/").secure(true))
			.andReturn()
			.getResponse()
			.getHeader("Strict-Transport-Security")).as("the portal too").isEqualTo("max-age=31536000");
	}

	@Test
	void overPlainHttpNoHstsAndNoSecureCookies() throws Exception {
		MockHttpServletResponse response = signIn(false);
		assertThat(response.getHeader("Strict-Transport-Security")).isNull();
		assertThat(response.getHeaders("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_DEVICE=").doesNotContain("Secure"));
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
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_DEVICE="))
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));

		List<String> overHttp = signInCookies("http");
		assertThat(overHttp).anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_SESSION="))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN="))
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
