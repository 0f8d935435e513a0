package dev.parley.customers.internal.portal;

import java.time.Duration;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.stereotype.Component;

/**
 * The portal's e-mails (templates {@code portal-verify-email} and
 * {@code portal-password-reset}), asked of the notifications module in the transaction
 * that issued the link's token. The token goes after '#', so it never reaches a server
 * log.
 */
@Component
class PortalMails {

	static final String VERIFY = "portal-verify-email";

	static final String RESET = "portal-password-reset";

	private final Notifications notifications;

	private final Settings settings;

	PortalMails(Notifications notifications, Settings settings) {
		this.notifications = notifications;
		this.settings = settings;
	}

	void verify(long accountId, String address, String name, String language, String token, Duration lifetime) {
		send(VERIFY, "portal-verify:" + accountId + ":" + keyOf(token), address, name, language,
				"/portal/verify#token=" + token, lifetime);
	}

	void reset(long accountId, String address, String name, String language, String token, Duration lifetime) {
		send(RESET, "portal-reset:" + accountId + ":" + keyOf(token), address, name, language,
				"/portal/reset#token=" + token, lifetime);
	}

	/** One e-mail per link: a part of the token's hash (never the token). */
	private static String keyOf(String token) {
		return PortalTokens.hash(token).substring(0, 16);
	}

	private void send(String template, String key, String address, String name, String language, String route,
			Duration lifetime) {
		String base = this.settings.get("organisation.publicUrl").replaceAll("/+$", "");
		String lang = (language != null) ? language : this.settings.get("organisation.language");
		this.notifications.enqueue(NotificationRequest.emailToCustomer(key, address, template, lang,
				Map.of("name", (name != null && !name.isBlank()) ? name : address, "link", base + route,
						"expiresInHours", Math.max(1, lifetime.toHours()), "expiresInMinutes", lifetime.toMinutes()),
				null));
	}

}
