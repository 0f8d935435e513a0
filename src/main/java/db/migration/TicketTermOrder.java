package db.migration;

import java.util.List;

/**
 * Migration 20.7: {@code ticket_term.term} compares in binary order on PostgreSQL, as
 * {@link BinaryTermOrder} makes the other term columns do, so a word prefix is a range of
 * its index whatever the database's collation.
 */
public class TicketTermOrder extends BinaryTermOrder {

	public TicketTermOrder() {
		super("20.7", "binary ticket term order", List.of("ticket_term"));
	}

}
