package dev.parley.customers.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import dev.parley.platform.ApiException;

/**
 * The orders of the customer list, each with the id as the tie-breaker so that keyset
 * paging neither repeats nor skips a customer whose sort key equals another's. Customers
 * without a value (no name, no conversation yet) come last in either direction.
 */
public enum CustomerSort {

	LAST_SEEN("lastSeen", "c.last_seen_at", false, false, "ix_customer_last_seen"),
	LAST_CONVERSATION("lastConversation", "c.last_conversation_at", true, false, "ix_customer_last_conversation"),
	NAME("name", "c.name", true, true, "ix_customer_name"),
	CREATED("created", "c.created_at", false, false, "ix_customer_created"),
	CONVERSATIONS("conversations", "c.conversation_count", false, false, "ix_customer_conversations");

	private final String param;

	final String column;

	final boolean nullable;

	final boolean text;

	/** The index of (column, id). */
	final String index;

	CustomerSort(String param, String column, boolean nullable, boolean text, String index) {
		this.index = index;
		this.param = param;
		this.column = column;
		this.nullable = nullable;
		this.text = text;
	}

	public String param() {
		return this.param;
	}

	public static CustomerSort of(String param) {
		if (param == null || param.isBlank()) {
			return LAST_SEEN;
		}
		for (CustomerSort sort : values()) {
			if (sort.param.equals(param)) {
				return sort;
			}
		}
		throw ApiException.invalid("sort", "one of lastSeen, lastConversation, name, created, conversations");
	}

	/**
	 * @return whether the order is descending (the default)
	 */
	public static boolean descending(String order) {
		if (order == null || order.isBlank() || order.equals("desc")) {
			return true;
		}
		if (order.equals("asc")) {
			return false;
		}
		throw ApiException.invalid("order", "asc or desc");
	}

	/**
	 * Where a page ends: the last customer's sort key (null: he had none, the page is
	 * among those without) and id, for this sort and direction.
	 */
	record Cursor(CustomerSort sort, boolean descending, Object key, long id) {

		String encode() {
			String kind = (this.key == null) ? "n" : (this.key instanceof String) ? "s" : "l";
			String value = (this.key == null) ? "" : this.key.toString();
			String text = String.join("\u001f", "1", this.sort.param, this.descending ? "d" : "a", kind,
					Long.toString(this.id), value);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, CustomerSort sort, boolean descending) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
					.split("\u001f", 6);
				if (parts.length != 6 || !parts[0].equals("1")) {
					throw new IllegalArgumentException();
				}
				if (!parts[1].equals(sort.param) || !parts[2].equals(descending ? "d" : "a")) {
					throw ApiException.invalid("cursor", "made for another order");
				}
				Object key = switch (parts[3]) {
					case "n" -> null;
					case "s" -> parts[5];
					case "l" -> Long.parseLong(parts[5]);
					default -> throw new IllegalArgumentException();
				};
				if ((key instanceof String) != sort.text || (key == null && !sort.nullable)) {
					throw new IllegalArgumentException();
				}
				return new Cursor(sort, descending, key, Long.parseLong(parts[4]));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("cursor", "not a cursor of this list");
			}
		}

	}

	@Override
	public String toString() {
		return this.param.toLowerCase(Locale.ROOT);
	}

}
