package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.Map;

/**
 * What visitors see of a channel instead of its internal name: a public title, a logo,
 * and per language (en, zh-CN, zh-TW) the greeting, the away message (nobody can answer)
 * and the pre-chat form's introduction. Each text is optional; the widget falls back to
 * the organisation's language, then to its own wording.
 *
 * @param logoUpdatedAt when the logo was uploaded (null: none), which also versions its
 * URL
 */
public record ChannelPresentation(String publicTitle, Map<String, Texts> texts, String logoType,
		Instant logoUpdatedAt) {

	public static final ChannelPresentation NONE = new ChannelPresentation(null, Map.of(), null, null);

	/** The texts of one language; null where the widget's own wording stands. */
	public record Texts(String greeting, String awayMessage, String prechatIntro) {

		boolean empty() {
			return this.greeting == null && this.awayMessage == null && this.prechatIntro == null;
		}

	}

	public boolean hasLogo() {
		return this.logoUpdatedAt != null;
	}

}
