package dev.parley.tickets.internal.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.parley.platform.ApiException;

/**
 * The orders of the ticket list, each with the id as the tie-breaker so that keyset
 * paging neither repeats nor skips a ticket whose key equals another's. The number is
 * made from the id (T-year-id), so its order is the id's. Tickets without an SLA due time
 * come last in either direction.
 */
public enum TicketSort {

	UPDATED("updated", "t.updated_at", false, true, "ix_ticket_updated"),
	CREATED("created", "t.created_at", false, true, "ix_ticket_created"),
	PRIORITY("priority", "t.priority", false, true, null),
	SLA_DUE("sla_due", "t.sla_due_at", true, false, "ix_ticket_sla_due"), NUMBER("number", "t.id", false, true, null);

	final String param;

	final String column;

	final boolean nullable;

	/** Whether it is descending unless {@code order} says otherwise. */
	final boolean descendingByDefault;

	/**
	 * The index of (column, id) that H2 is told to read when the list walks this order,
	 * or null (the priority has none; the number's is the primary key, which H2 reads for
	 * an order by id unasked).
	 */
	final String index;

	TicketSort(String param, String column, boolean nullable, boolean descendingByDefault, String index) {
		this.param = param;
		this.column = column;
		this.nullable = nullable;
		this.descendingByDefault = descendingByDefault;
		this.index = index;
	}

	public String param() {
		return this.param;
	}

	public static TicketSort of(String param) {
		if (param == null || param.isBlank()) {
			return UPDATED;
		}
		for (TicketSort sort : values()) {
			if (sort.param.equals(param)) {
				return sort;
			}
		}
		throw ApiException.invalid("sort", "one of updated, created, priority, sla_due, number");
	}

	/**
	 * @return whether the order is descending (by default: the newest first, the SLA due
	 * time the soonest first)
	 */
	public boolean descending(String order) {
		if (order == null || order.isBlank()) {
			return this.descendingByDefault;
		}
		return switch (order) {
			case "desc" -> true;
			case "asc" -> false;
			default -> throw ApiException.invalid("order", "asc or desc");
		};
	}

	/**
	 * Where a page ends: the last ticket's sort key (null: it had none, the page is among
	 * those without) and id, for this sort and direction. Opaque to clients.
	 */
	record Cursor(TicketSort sort, boolean descending, Long key, long id) {

		String encode() {
			String text = String.join(":", "t1", this.sort.param, this.descending ? "d" : "a",
					(this.key == null) ? "n" : this.key.toString(), Long.toString(this.id));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, TicketSort sort, boolean descending) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":",
						-1);
				if (parts.length != 5 || !parts[0].equals("t1")) {
					throw new IllegalArgumentException();
				}
				if (!parts[1].equals(sort.param) || !parts[2].equals(descending ? "d" : "a")) {
					throw ApiException.invalid("cursor", "made for another order");
				}
				Long key = parts[3].equals("n") ? null : Long.valueOf(parts[3]);
				if (key == null && !sort.nullable) {
					throw new IllegalArgumentException();
				}
				return new Cursor(sort, descending, key, Long.parseLong(parts[4]));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("cursor", "not a cursor of this list");
			}
		}

	}

}
