package dev.parley.platform.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.parley.platform.ApiException;
import dev.parley.platform.InstallationState;
import dev.parley.platform.Pages;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Serves the HTML shells: the console, the customers' portal and the install page. Each
 * page is a template with the asset prefix, the library URLs and a fresh CSP nonce filled
 * in; the pages themselves are never cached, the assets they load are cached for a year
 * (their URL changes with their content).
 */
@Controller
class PageController {

	private final InstallationState installation;

	private final Pages pages;

	PageController(InstallationState installation, Pages pages) {
		this.installation = installation;
		this.pages = pages;
		pages.render("web/console/index.html");
		pages.render("web/setup/index.html");
		pages.render("web/portal/index.html");
	}

	@GetMapping("/")
	String root() {
		return "redirect:/console/";
	}

	@GetMapping({ "/console", "/console/", "/console/**" })
	ResponseEntity<String> console() {
		return page(this.pages.render("web/console/index.html"));
	}

	/**
	 * The customers' portal (its own security chain, see PortalSecurityConfiguration).
	 */
	@GetMapping({ "/portal", "/portal/", "/portal/**" })
	ResponseEntity<String> portal() {
		return page(this.pages.render("web/portal/index.html"));
	}

	/**
	 * The install page until the installation is complete; then a browser is sent to the
	 * console, and a client that asks for JSON gets a {@code not_found} problem.
	 */
	@GetMapping("/setup")
	ResponseEntity<String> setup(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		if (this.installation.isInstalled()) {
			if (accept != null && !accept.contains("text/html") && accept.contains("json")) {
				throw ApiException.notFound("Page");
			}
			return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/console/")).build();
		}
		return page(this.pages.render("web/setup/index.html"));
	}

	private static ResponseEntity<String> page(Pages.Page page) {
		String csp = "default-src 'self'; script-src " + page.scriptSources() + "; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", csp)
			.body(page.html());
	}

}
