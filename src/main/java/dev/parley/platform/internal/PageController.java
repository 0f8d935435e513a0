package dev.parley.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import dev.parley.platform.ApiException;
import dev.parley.platform.InstallationState;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the two HTML shells, the console and the install page. Each page is a template
 * with the asset prefix, the library URLs and a fresh CSP nonce filled in; the pages
 * themselves are never cached, the assets they load are cached for a year (their URL
 * changes with their content).
 */
@Controller
class PageController {

	private static final SecureRandom random = new SecureRandom();

	private final InstallationState installation;

	private final String consoleTemplate;

	private final String setupTemplate;

	PageController(InstallationState installation, StaticAssets assets) {
		this.installation = installation;
		this.consoleTemplate = assets.fill(read("web/console/index.html"));
		this.setupTemplate = assets.fill(read("web/setup/index.html"));
	}

	@GetMapping("/")
	String root() {
		return "redirect:/console/";
	}

	@GetMapping({ "/console", "/console/", "/console/**" })
	ResponseEntity<String> console() {
		return page(this.consoleTemplate);
	}

	@GetMapping("/setup")
	ResponseEntity<String> setup() {
		if (this.installation.isInstalled()) {
			throw ApiException.notFound("Page");
		}
		return page(this.setupTemplate);
	}

	private static ResponseEntity<String> page(String template) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		String csp = "default-src 'self'; script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", csp)
			.body(template.replace("@NONCE@", nonce));
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing page template " + path, ex);
		}
	}

}
