package dev.parley.operations.internal;

import java.util.Locale;
import java.util.TreeSet;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether requests come through a proxy, and whether Parley uses what the proxy tells it
 * ({@code server.forward-headers-strategy}). A proxy whose {@code X-Forwarded-For} Parley
 * ignores makes every client look like the proxy: in the audit log, in sign-in
 * throttling, in rate limits. (The WebSocket through the proxy is checked by the console
 * itself, from the browser.)
 */
@Component
@Order(50)
class ProxyCheck implements SelfCheck {

	private final Environment environment;

	ProxyCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public String key() {
		return "proxy";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		String strategy = this.environment.getProperty("server.forward-headers-strategy", "none")
			.toLowerCase(Locale.ROOT);
		String headers = String.join(", ", new TreeSet<>(context.forwardedHeaders().keySet()));
		Object[] arguments = { "client", context.clientAddress(), "origin", context.origin(), "strategy", strategy,
				"headers", headers };
		boolean clientHeaderLeft = context.forwardedHeaders().containsKey("x-forwarded-for")
				|| context.forwardedHeaders().containsKey("forwarded");
		if (clientHeaderLeft && strategy.equals("none")) {
			return SelfCheckResult.warning("selfCheck.proxy.ignored", arguments).withFix("selfCheck.proxy.fixStrategy");
		}
		if (clientHeaderLeft) {
			return SelfCheckResult.warning("selfCheck.proxy.untrusted", arguments).withFix("selfCheck.proxy.fixTrust");
		}
		if (!context.forwardedHeaders().isEmpty()) {
			// X-Forwarded-Proto or -Host still there, -For taken for the client's address
			return SelfCheckResult.ok("selfCheck.proxy.used", arguments);
		}
		return SelfCheckResult.ok("selfCheck.proxy.direct", arguments).withFix("selfCheck.proxy.fixDirect");
	}

}
