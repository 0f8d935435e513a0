package dev.parley.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.parley.platform.ReadCache;
import dev.parley.platform.ReadCaches;
import dev.parley.platform.SourceGate;
import dev.parley.platform.SourceVerdict;

import org.springframework.stereotype.Component;

/**
 * The source gate: answers every request from this node's copy of the
 * {@link NetworkPolicy}, read again from the database after a change on any node.
 * Deny-list entries refuse whatever else; allow-listed addresses are never refused by a
 * block; a block ends by itself at its time.
 */
@Component
class NetworkGuard implements SourceGate {

	static final String CACHE = "security.network-policy";

	private static final int MAX_BLOCKS_HELD = 100_000;

	private final ReadCache<NetworkPolicy> cache;

	private final ReadCaches caches;

	private final NetworkRuleRepository rules;

	private final SourceBlockRepository blocks;

	private final Clock clock;

	NetworkGuard(ReadCaches caches, NetworkRuleRepository rules, SourceBlockRepository blocks, Clock clock) {
		this.caches = caches;
		this.cache = caches.create(CACHE);
		this.rules = rules;
		this.blocks = blocks;
		this.clock = clock;
	}

	@Override
	public SourceVerdict verdict(String address, boolean staffArea) {
		String canonical = AddressRanges.canonical(address);
		Instant now = this.clock.instant();
		NetworkPolicy policy = policy();
		if (policy.denied(canonical, now)) {
			return SourceVerdict.BLOCKED;
		}
		boolean allowed = policy.allowed(canonical, now);
		if (!allowed && policy.blocked(canonical, now)) {
			return SourceVerdict.BLOCKED;
		}
		if (staffArea && policy.staffRestricted() && !allowed) {
			return SourceVerdict.OUTSIDE_NETWORKS;
		}
		return allowed ? SourceVerdict.TRUSTED : SourceVerdict.PASS;
	}

	NetworkPolicy policy() {
		return this.cache.get(this::load);
	}

	/** Every node reads the lists and blocks again (after this transaction commits). */
	void changed() {
		this.caches.changed(CACHE);
	}

	private NetworkPolicy load() {
		Map<String, Instant> current = new HashMap<>();
		for (SourceBlock block : this.blocks.current(this.clock.instant(), MAX_BLOCKS_HELD)) {
			current.merge(block.address(), block.until(), (a, b) -> a.isAfter(b) ? a : b);
		}
		return NetworkPolicy.of(this.rules.findAll(), current, this.rules.staffRestricted());
	}

}
