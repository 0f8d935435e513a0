package dev.parley.notifications.web;

import java.util.Locale;

import dev.parley.notifications.internal.Unsubscribes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of customers' e-mails. Opening it asks for a confirmation (mail
 * scanners open links, and must not unsubscribe anyone); the confirmation, or a mail
 * program's one-click POST (RFC 8058), unsubscribes the address the signed token names.
 */
@Controller
class UnsubscribeController {

	private final Unsubscribes unsubscribes;

	private final MessageSource messages;

	UnsubscribeController(Unsubscribes unsubscribes, MessageSource messages) {
		this.unsubscribes = unsubscribes;
		this.messages = messages;
	}

	@GetMapping("/unsubscribe/{token}")
	ResponseEntity<String> ask(@PathVariable String token) {
		return this.unsubscribes.addressOf(token)
			.map((address) -> page(HttpStatus.OK, text("unsubscribe.title"),
					"<p>" + HtmlUtils.htmlEscape(text("unsubscribe.question", address)) + "</p>"
							+ "<form method=\"post\"><button type=\"submit\">"
							+ HtmlUtils.htmlEscape(text("unsubscribe.confirm")) + "</button></form>"))
			.orElseGet(this::invalid);
	}

	@PostMapping("/unsubscribe/{token}")
	ResponseEntity<String> unsubscribe(@PathVariable String token) {
		return this.unsubscribes.addressOf(token).map((address) -> {
			this.unsubscribes.optOut(address);
			return page(HttpStatus.OK, text("unsubscribe.title"),
					"<p>" + HtmlUtils.htmlEscape(text("unsubscribe.done", address)) + "</p>");
		}).orElseGet(this::invalid);
	}

	private ResponseEntity<String> invalid() {
		return page(HttpStatus.NOT_FOUND, text("unsubscribe.title"),
				"<p>" + HtmlUtils.htmlEscape(text("unsubscribe.invalid")) + "</p>");
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	private ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String lang = HtmlUtils.htmlEscape(LocaleContextHolder.getLocale().toLanguageTag());
		String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title></head>"
				+ "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;"
				+ "max-width:32rem;margin:3rem auto;padding:0 1rem;font-size:16px;line-height:1.6;color:#1f2933\">"
				+ "<h1 style=\"font-size:1.4rem\">" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(html);
	}

}
