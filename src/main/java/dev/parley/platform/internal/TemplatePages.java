package dev.parley.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.platform.Pages;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Page templates, read once and filled per response. */
@Component
class TemplatePages implements Pages {

	private static final SecureRandom random = new SecureRandom();

	private final StaticAssets assets;

	private final Map<String, String> templates = new ConcurrentHashMap<>();

	TemplatePages(StaticAssets assets) {
		this.assets = assets;
	}

	@Override
	public Page render(String templatePath) {
		String template = this.templates.computeIfAbsent(templatePath, (path) -> this.assets.fill(read(path)));
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		return new Page(template.replace("@NONCE@", nonce), nonce);
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
