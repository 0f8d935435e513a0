package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.List;

/**
 * Where conversations come from: a website (the widget) or an API channel (apps and mini
 * programs speaking the same visitor API and protocol).
 *
 * @param key the public key that goes into the embed snippet
 * @param allowedOrigins the sites that may embed the widget; {@code *} for any
 * @param identitySecret signs customer ids on the website's server (identity
 * verification)
 * @param topics what the visitor may pick in the pre-chat form, each leading to a group
 * @param uploadTypes the kinds of file visitors may send ({@link FileKind} names)
 */
public record Channel(long id, String kind, String name, String key, List<String> allowedOrigins, String greeting,
		String color, boolean prechatEnabled, List<String> prechatFields, String identitySecret, boolean enabled,
		Instant createdAt, List<Topic> topics, List<String> uploadTypes) {

	/** A choice such as "Sales" or "Billing" that routes the chat to a group. */
	public record Topic(long groupId, String label) {
	}

	/**
	 * @return the topic leading to the group, if the channel offers one
	 */
	public java.util.Optional<Topic> topic(long groupId) {
		return this.topics.stream().filter((t) -> t.groupId() == groupId).findFirst();
	}

	public static final String WEBSITE = "website";

	public static final String API = "api";

	public static final List<String> PRECHAT_FIELDS = List.of("name", "email", "phone", "question");

	/**
	 * @return whether a page at this origin may embed the chat
	 */
	public boolean allowsOrigin(String origin) {
		return this.allowedOrigins.contains("*") || this.allowedOrigins.contains(origin);
	}

}
