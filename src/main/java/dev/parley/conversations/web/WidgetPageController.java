package dev.parley.conversations.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.ChannelRepository;
import dev.parley.platform.ApiException;
import dev.parley.platform.Pages;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The widget's three pages: {@code /widget.js} (the loader a website embeds), the chat
 * frame it opens, and a demo host page for trying a channel. The frame may only be framed
 * by the channel's allowed origins ({@code frame-ancestors}) and by Parley itself.
 */
@Controller
class WidgetPageController {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{1,32}");

	private final ChannelRepository channels;

	private final Pages pages;

	private final String loader;

	WidgetPageController(ChannelRepository channels, Pages pages) {
		this.channels = channels;
		this.pages = pages;
		this.loader = read("web/widget/loader.js");
	}

	@GetMapping("/widget.js")
	ResponseEntity<String> loader() {
		String origin = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header("X-Content-Type-Options", "nosniff")
			.body(this.loader.replace("@FRAME_URL@", origin + "/widget/frame").replace("@ORIGIN@", origin));
	}

	@GetMapping("/widget/frame")
	ResponseEntity<String> frame(@RequestParam(required = false) String channel) {
		Optional<Channel> found = channel(channel);
		String ancestors = found
			.map((c) -> c.allowedOrigins().contains("*") ? "*" : String.join(" ", c.allowedOrigins()) + " 'self'")
			.orElse("'self'");
		Pages.Page page = this.pages.render("web/widget/frame.html");
		String csp = "default-src 'self'; script-src " + page.scriptSources() + "; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; frame-ancestors " + ancestors.strip();
		return html(page.html(), csp);
	}

	@GetMapping("/widget/demo")
	ResponseEntity<String> demo(@RequestParam(required = false) String channel) {
		Channel found = channel(channel).orElseThrow(() -> ApiException.notFound("Channel"));
		Pages.Page page = this.pages.render("web/widget/demo.html");
		String csp = "default-src 'self'; script-src 'self' 'nonce-" + page.nonce() + "'; style-src 'self' "
				+ "'unsafe-inline'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'self'";
		return html(page.html().replace("@CHANNEL@", found.key()).replace("@CHANNEL_NAME@", escape(found.name())), csp);
	}

	private Optional<Channel> channel(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		return this.channels.findByKey(key).filter(Channel::enabled);
	}

	private static ResponseEntity<String> html(String body, String csp) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", csp)
			.body(body);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + path, ex);
		}
	}

}
