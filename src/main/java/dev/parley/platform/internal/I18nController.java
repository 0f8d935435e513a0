package dev.parley.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import dev.parley.platform.ApiException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Hands the browser every UI text of one language, from the same message bundles the
 * server uses ({@code i18n/messages*.properties}), falling back to English for a missing
 * key.
 */
@RestController
class I18nController {

	/** Language tags Parley speaks, and the bundle suffix of each. */
	static final Map<String, String> LANGUAGES = Map.of("en", "", "zh-CN", "_zh_CN", "zh-TW", "_zh_TW");

	private final Map<String, Catalog> catalogs = new TreeMap<>();

	I18nController(JsonMapper json) {
		Properties english = load("");
		for (Map.Entry<String, String> language : LANGUAGES.entrySet()) {
			Map<String, String> texts = new TreeMap<>();
			english.forEach((key, value) -> texts.put((String) key, (String) value));
			if (!language.getValue().isEmpty()) {
				load(language.getValue()).forEach((key, value) -> texts.put((String) key, (String) value));
			}
			String body = json.writeValueAsString(texts);
			this.catalogs.put(language.getKey(), new Catalog(body, etag(body)));
		}
	}

	@GetMapping("/api/v1/i18n/{language}")
	ResponseEntity<String> texts(@PathVariable String language, WebRequest request) {
		Catalog catalog = this.catalogs.get(language);
		if (catalog == null) {
			throw ApiException.notFound("Language");
		}
		if (request.checkNotModified(catalog.etag())) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.eTag(catalog.etag())
			.body(catalog.body());
	}

	private static Properties load(String suffix) {
		try {
			return PropertiesLoaderUtils.loadProperties(new EncodedResource(
					new ClassPathResource("i18n/messages" + suffix + ".properties"), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String etag(String body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(hash, 0, 8) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Catalog(String body, String etag) {
	}

}
