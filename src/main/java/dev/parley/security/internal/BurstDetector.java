package dev.parley.security.internal;

import java.time.Clock;
import java.time.Instant;

import dev.parley.platform.SourceSignal;
import dev.parley.platform.SourceSignals;
import dev.parley.security.BlockReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts what addresses do and blocks one whose count within the window reaches its
 * kind's threshold. Allow-listed and already blocked addresses are not counted, nor this
 * host's own (loopback) addresses: behind a proxy on the same host whose forwarded
 * headers are not trusted, every client would appear as the proxy, and blocking it would
 * shut out everyone.
 *
 * <p>
 * Counting joins the caller's transaction as a savepoint, or runs in a transaction of its
 * own when there is none, and a fault of the counting never fails the caller. It never
 * takes a second connection while the caller holds one: under a burst (the very thing it
 * counts) as many callers as the pool has connections would each wait for another, and
 * the pool would stall until its timeout (the widget-arrival benchmark found it). So a
 * signal counts when the caller's transaction commits: callers that refuse (a wrong
 * password, a wrong code) commit their refusal ({@code noRollbackFor}).
 */
@Component
class BurstDetector implements SourceSignals {

	private static final Logger logger = LoggerFactory.getLogger(BurstDetector.class);

	private final AutoBlockProperties properties;

	private final NetworkGuard guard;

	private final SignalCounts counts;

	private final Blocks blocks;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	BurstDetector(AutoBlockProperties properties, NetworkGuard guard, SignalCounts counts, Blocks blocks,
			PlatformTransactionManager transactions, Clock clock) {
		this.properties = properties;
		this.guard = guard;
		this.counts = counts;
		this.blocks = blocks;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	@Override
	public void observed(SourceSignal signal, String address) {
		if (!this.properties.enabled() || signal == null || address == null || address.isBlank()) {
			return;
		}
		String canonical = AddressRanges.canonical(address);
		Instant now = this.clock.instant();
		NetworkPolicy policy = this.guard.policy();
		if (AddressRanges.loopback(canonical) || policy.allowed(canonical, now) || policy.blocked(canonical, now)
				|| policy.denied(canonical, now)) {
			return;
		}
		try {
			this.savepoint.executeWithoutResult((tx) -> {
				double count = this.counts.count(canonical, signal, now, this.properties.window());
				if (count >= this.properties.threshold(signal)) {
					this.blocks.blockAutomatically(canonical, reason(signal), (int) Math.ceil(count),
							this.properties.window(), this.properties.blockFor());
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not count {} from {}", signal, canonical, ex);
		}
	}

	static BlockReason reason(SourceSignal signal) {
		return switch (signal) {
			case FAILED_SIGN_IN -> BlockReason.FAILED_SIGN_INS;
			case REFUSED_REQUEST -> BlockReason.REFUSED_REQUESTS;
			case MALFORMED_FRAME -> BlockReason.MALFORMED_FRAMES;
			case WIDGET_ARRIVAL -> BlockReason.WIDGET_ARRIVALS;
		};
	}

}
