package dev.parley.customers.internal.portal;

import java.time.Duration;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.stereotype.Component;

/**
 * The portal's e-mails (templates {@code portal-verify-email},
 * {@code portal-password-reset} and {@code portal-account-exists}), asked of the
 * notifications module in the transaction that issued the link's token. The token goes
 * after '#', so it never reaches a server log.
 */
@Component
class PortalMails {

	static final String VERIFY = "portal-verify-email";

	static final String RESET = "portal-password-reset";

	static final String EXISTS = "portal-account-exists";

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

	/**
	 * Tells the owner of an address that someone registered with it again (at most one
	 * such e-mail per account an hour: the key).
	 */
	void exists(long accountId, String address, String name, String language, java.time.Instant now) {
		send(EXISTS, "portal-exists:" + accountId + ":" + now.getEpochSecond() / 3600, address, name, language,
				"/portal/forgot-password", java.time.Duration.ofHours(1));
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
