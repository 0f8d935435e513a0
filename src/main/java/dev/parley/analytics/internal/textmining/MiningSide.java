package dev.parley.analytics.internal.textmining;

import java.util.List;

import dev.parley.platform.ApiException;

/**
 * Whose messages a text mining figure reads: the visitors' (the default), the agents', or
 * either (a conversation counts once when either side has the term).
 */
public enum MiningSide {

	VISITOR("visitor"), AGENT("agent"), ALL("all");

	final String value;

	MiningSide(String value) {
		this.value = value;
	}

	/** The sides of stored documents this side reads. */
	List<String> stored() {
		return (this == ALL) ? List.of(VISITOR.value, AGENT.value) : List.of(this.value);
	}

	static MiningSide of(String value) {
		if (value == null || value.isBlank()) {
			return VISITOR;
		}
		for (MiningSide side : values()) {
			if (side.value.equals(value)) {
				return side;
			}
		}
		throw ApiException.invalid("side", "must be visitor, agent or all");
	}

}
