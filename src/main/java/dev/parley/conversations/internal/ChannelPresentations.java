package dev.parley.conversations.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.Pictures;
import org.apache.tika.Tika;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.parley.platform.ApiException.invalid;

/**
 * What visitors see of a channel (its public title, logo and texts per language), changed
 * by an administrator with {@code channel.manage} and read by the widget. A logo is a
 * PNG, JPEG, GIF or WebP image (by its bytes, never SVG, which could run script) of at
 * most {@value #MAX_LOGO_BYTES} bytes.
 */
@Service
public class ChannelPresentations {

	static final int MAX_LOGO_BYTES = 256 * 1024;

	/** The languages of the widget. */
	public static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW");

	private static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

	/** The largest logo taken, and the size it is kept at (it shows at most 40 px). */
	static final int MAX_LOGO_EDGE = 4096;

	static final int LOGO_EDGE = 256;

	private static final int MAX_TEXT = 500;

	private final ChannelPresentationRepository presentations;

	private final ChannelRepository channels;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Tika tika = new Tika();

	ChannelPresentations(ChannelPresentationRepository presentations, ChannelRepository channels, AuditLog auditLog,
			Clock clock) {
		this.presentations = presentations;
		this.channels = channels;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What an administrator sets; the logo apart. */
	public record Form(String publicTitle, Map<String, ChannelPresentation.Texts> texts) {
	}

	public ChannelPresentation get(long channelId) {
		channel(channelId);
		return this.presentations.find(channelId);
	}

	/** For the widget: no channel, no presentation (the caller checked the channel). */
	public ChannelPresentation of(long channelId) {
		return this.presentations.find(channelId);
	}

	@Transactional
	public ChannelPresentation update(long channelId, Form form, String actor) {
		Channel channel = channel(channelId);
		String title = clean(form.publicTitle(), 100, "publicTitle");
		Map<String, ChannelPresentation.Texts> texts = new LinkedHashMap<>();
		if (form.texts() != null) {
			form.texts().forEach((language, given) -> {
				if (!LANGUAGES.contains(language)) {
					throw invalid("texts", "unknown language '" + language + "'");
				}
				if (given == null) {
					return;
				}
				ChannelPresentation.Texts text = new ChannelPresentation.Texts(
						clean(given.greeting(), MAX_TEXT, "texts." + language + ".greeting"),
						clean(given.awayMessage(), MAX_TEXT, "texts." + language + ".awayMessage"),
						clean(given.prechatIntro(), MAX_TEXT, "texts." + language + ".prechatIntro"));
				if (!text.empty()) {
					texts.put(language, text);
				}
			});
		}
		this.presentations.save(channelId, title, texts);
		this.auditLog.record(actor, "channel.presentation.updated", channel.name(), AuditResult.SUCCESS, null);
		return this.presentations.find(channelId);
	}

	@Transactional
	public ChannelPresentation setLogo(long channelId, byte[] content, String actor) {
		Channel channel = channel(channelId);
		if (content == null || content.length == 0) {
			throw invalid("file", "must not be empty");
		}
		if (content.length > MAX_LOGO_BYTES) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The logo is larger than " + MAX_LOGO_BYTES + " bytes")
				.with("maxBytes", MAX_LOGO_BYTES);
		}
		String type = this.tika.detect(content);
		// served to every visitor: drawn again from its pixels (no metadata, no bytes
		// after the image), and only if its size is sane before decoding
		byte[] redrawn = LOGO_TYPES.contains(type) ? Pictures.read(content, MAX_LOGO_EDGE)
			.map((image) -> Pictures.pngWithin(image, LOGO_EDGE))
			.orElse(null) : null;
		if (redrawn == null) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"A logo must be a PNG, JPEG or GIF image of at most " + MAX_LOGO_EDGE + " pixels a side")
				.with("allowed", List.copyOf(LOGO_TYPES));
		}
		this.presentations.saveLogo(channelId, "image/png", redrawn, this.clock.instant());
		this.auditLog.record(actor, "channel.logo.updated", channel.name(), AuditResult.SUCCESS, null);
		return this.presentations.find(channelId);
	}

	@Transactional
	public ChannelPresentation deleteLogo(long channelId, String actor) {
		Channel channel = channel(channelId);
		this.presentations.deleteLogo(channelId);
		this.auditLog.record(actor, "channel.logo.deleted", channel.name(), AuditResult.SUCCESS, null);
		return this.presentations.find(channelId);
	}

	/** A logo to hand out publicly. */
	public record Logo(String contentType, byte[] content) {
	}

	public java.util.Optional<Logo> logo(long channelId) {
		ChannelPresentation presentation = this.presentations.find(channelId);
		if (!presentation.hasLogo()) {
			return java.util.Optional.empty();
		}
		return this.presentations.logo(channelId).map((bytes) -> new Logo(presentation.logoType(), bytes));
	}

	private Channel channel(long channelId) {
		return this.channels.findById(channelId).orElseThrow(() -> ApiException.notFound("Channel"));
	}

	/** Trimmed, null when blank; refused when longer than max. */
	private static String clean(String value, int max, String field) {
		String text = (value != null) ? value.strip() : "";
		if (text.length() > max) {
			throw invalid(field, "must be at most " + max + " characters");
		}
		return text.isEmpty() ? null : text;
	}

}
