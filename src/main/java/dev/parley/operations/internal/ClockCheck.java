package dev.parley.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import dev.parley.administration.Settings;
import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This node's clock against the database's (sessions, leases, SLAs and message order rely
 * on the nodes agreeing), the administrator's browser's clock against this node's, and
 * the organisation's time zone against the server's default zone.
 */
@Component
@Order(30)
class ClockCheck implements SelfCheck {

	/** Node and database apart by more than this: a warning. */
	static final Duration WARN = Duration.ofSeconds(2);

	/** Node and database apart by more than this: failed. */
	static final Duration FAIL = Duration.ofSeconds(30);

	private final Clock clock;

	private final DatabaseEngine engine;

	private final Settings settings;

	ClockCheck(Clock clock, DatabaseEngine engine, Settings settings) {
		this.clock = clock;
		this.engine = engine;
		this.settings = settings;
	}

	@Override
	public String key() {
		return "clock";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		DatabaseEngine.Product product = this.engine.product();
		long before = System.nanoTime();
		Instant database = this.engine.now(product);
		long halfTrip = (System.nanoTime() - before) / 2_000_000;
		// the database read its clock about half way through the round trip
		Duration nodeAhead = Duration.between(database, this.clock.instant().minusMillis(halfTrip));
		String zone = this.settings.get("organisation.timeZone");
		String serverZone = ZoneId.systemDefault().getId();
		Object[] arguments = { "database", seconds(nodeAhead), "zone", zone, "serverZone", serverZone, "browser",
				context.browserTime().map((time) -> seconds(Duration.between(context.receivedAt(), time))).orElse("") };
		String detail = context.browserTime().isPresent() ? "selfCheck.clock.detail"
				: "selfCheck.clock.detailWithoutBrowser";
		Duration apart = nodeAhead.abs();
		if (apart.compareTo(FAIL) > 0) {
			return SelfCheckResult.failed(detail, arguments).withFix("selfCheck.clock.fixServers");
		}
		if (apart.compareTo(WARN) > 0) {
			return SelfCheckResult.warning(detail, arguments).withFix("selfCheck.clock.fixServers");
		}
		if (context.browserTime().isPresent()
				&& Duration.between(context.receivedAt(), context.browserTime().get()).abs().compareTo(WARN) > 0) {
			return SelfCheckResult.warning(detail, arguments).withFix("selfCheck.clock.fixBrowser");
		}
		if (!sameRules(zone, serverZone)) {
			return SelfCheckResult.ok(detail, arguments).withFix("selfCheck.clock.fixZone", "zone", zone);
		}
		return SelfCheckResult.ok(detail, arguments);
	}

	private static boolean sameRules(String zone, String serverZone) {
		try {
			return ZoneId.of(zone).getRules().equals(ZoneId.of(serverZone).getRules());
		}
		catch (java.time.DateTimeException ex) {
			return false;
		}
	}

	/** Signed seconds with one decimal, e.g. {@code +0.3} or {@code -12.0}. */
	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%+.1f", duration.toMillis() / 1000.0);
	}

}
