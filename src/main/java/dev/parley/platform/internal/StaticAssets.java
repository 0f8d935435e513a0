package dev.parley.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.webjars.WebJarVersionLocator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The versioned URLs of the front end. Parley's own files under {@code classpath:web/}
 * are served below {@code /assets/<hash>/}, where the hash covers all of them, so every
 * release (and every edited file) gets new URLs and browsers may cache each URL for a
 * year. Library files come from WebJars, whose URLs carry their version.
 */
@Component
class StaticAssets {

	private final String prefix;

	private final String vue;

	private final String vueRouter;

	private final String chartJs;

	StaticAssets() {
		this.prefix = "/assets/" + contentHash();
		WebJarVersionLocator webJars = new WebJarVersionLocator();
		this.vue = "/webjars/" + webJars.path("vue", "dist/vue.esm-browser.prod.js");
		this.vueRouter = "/webjars/" + webJars.path("vue-router", "dist/vue-router.esm-browser.js");
		this.chartJs = "/webjars/" + webJars.path("chart.js", "dist/chart.umd.min.js");
	}

	/**
	 * @return the URL prefix that maps to {@code classpath:web/}
	 */
	String prefix() {
		return this.prefix;
	}

	/** Fills the placeholders of a page template, except the per-response nonce. */
	String fill(String template) {
		return template.replace("@ASSETS@", this.prefix)
			.replace("@VUE_ROUTER@", this.vueRouter)
			.replace("@CHARTJS@", this.chartJs)
			.replace("@VUE@", this.vue);
	}

	private static String contentHash() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:web/**/*.*");
			Arrays.sort(resources, Comparator.comparing(StaticAssets::location));
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Resource resource : resources) {
				digest.update(location(resource).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				try (InputStream in = resource.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int at = url.lastIndexOf("web/");
			return (at >= 0) ? url.substring(at) : url;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
