package dev.parley.security.internal;

import java.util.Locale;
import java.util.Optional;

/** The two lists of networks. */
public enum NetworkList {

	/** Never blocked automatically; the networks the console may be restricted to. */
	ALLOW,

	/** Refused, whatever else. */
	DENY;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<NetworkList> of(String code) {
		for (NetworkList list : values()) {
			if (list.code().equals(code)) {
				return Optional.of(list);
			}
		}
		return Optional.empty();
	}

}
