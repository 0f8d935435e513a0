package dev.parley.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * What every request is checked against, held in memory on each node: the lists' entries
 * as matchers, the current blocks by address, and the restriction switch. Immutable; a
 * change anywhere empties every node's copy.
 */
record NetworkPolicy(List<Range> allow, List<Range> deny, Map<String, Instant> blocks, boolean staffRestricted) {

	/** An entry as a matcher, with its end. */
	record Range(IpAddressMatcher matcher, Instant expiresAt) {

		boolean matches(String address, Instant now) {
			return (this.expiresAt == null || this.expiresAt.isAfter(now)) && this.matcher.matches(address);
		}

	}

	static NetworkPolicy of(List<NetworkRule> rules, Map<String, Instant> blocks, boolean staffRestricted) {
		return new NetworkPolicy(ranges(rules, NetworkList.ALLOW), ranges(rules, NetworkList.DENY), Map.copyOf(blocks),
				staffRestricted);
	}

	private static List<Range> ranges(List<NetworkRule> rules, NetworkList list) {
		return rules.stream()
			.filter((rule) -> rule.list() == list)
			.flatMap((rule) -> AddressRanges.matcher(rule.range()).map((m) -> new Range(m, rule.expiresAt())).stream())
			.toList();
	}

	boolean allowed(String address, Instant now) {
		return matchesAny(this.allow, address, now);
	}

	boolean denied(String address, Instant now) {
		return matchesAny(this.deny, address, now);
	}

	boolean blocked(String address, Instant now) {
		Instant until = this.blocks.get(address);
		return until != null && until.isAfter(now);
	}

	private static boolean matchesAny(List<Range> ranges, String address, Instant now) {
		if (address == null) {
			return false;
		}
		for (Range range : ranges) {
			try {
				if (range.matches(address, now)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// not an address a matcher can read: matches nothing
			}
		}
		return false;
	}

}
