package dev.parley.operations.internal;

import java.net.URI;
import java.util.Locale;

import dev.parley.administration.Settings;
import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The organisation's public address ({@code organisation.publicUrl}), which every link in
 * an e-mail starts with (password resets, unsubscribe, transcripts): it should be the
 * address people reach Parley at (the one this browser used), and https unless it is this
 * machine itself.
 */
@Component
@Order(70)
class PublicAddressCheck implements SelfCheck {

	static final String SETTING = "organisation.publicUrl";

	private final Settings settings;

	PublicAddressCheck(Settings settings) {
		this.settings = settings;
	}

	@Override
	public String key() {
		return "public-address";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		String url = this.settings.get(SETTING);
		URI configured;
		try {
			configured = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return SelfCheckResult.failed("selfCheck.public-address.invalid", "url", url)
				.withFix("selfCheck.public-address.fixSet");
		}
		Object[] arguments = { "url", url, "origin", context.origin() };
		if (!origin(configured).equals(origin(URI.create(context.origin())))) {
			return SelfCheckResult.warning("selfCheck.public-address.elsewhere", arguments)
				.withFix("selfCheck.public-address.fixSet");
		}
		if ("http".equalsIgnoreCase(configured.getScheme()) && !local(configured.getHost())) {
			return SelfCheckResult.warning("selfCheck.public-address.plainHttp", arguments)
				.withFix("selfCheck.public-address.fixHttps");
		}
		return SelfCheckResult.ok("selfCheck.public-address.ok", arguments);
	}

	/** scheme://host:port with the scheme's default port written out. */
	static String origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		int port = uri.getPort();
		if (port < 0) {
			port = scheme.equals("https") ? 443 : 80;
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return scheme + "://" + host + ":" + port;
	}

	private static boolean local(String host) {
		return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
	}

}
