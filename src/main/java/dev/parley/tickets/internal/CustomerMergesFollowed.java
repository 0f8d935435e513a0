package dev.parley.tickets.internal;

import dev.parley.customers.CustomersMerged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Two customer records were one person: the merged record's tickets belong to the
 * survivor from now on, so he finds them in the portal and staff find them on his page.
 * Idempotent: a second delivery finds nothing left to move.
 */
@Component
class CustomerMergesFollowed {

	private final JdbcClient jdbc;

	private final TicketHistory history;

	CustomerMergesFollowed(JdbcClient jdbc, TicketHistory history) {
		this.jdbc = jdbc;
		this.history = history;
	}

	@ApplicationModuleListener
	void on(CustomersMerged event) {
		java.util.List<Long> moved = this.jdbc.sql("SELECT id FROM ticket WHERE customer_id = ?")
			.param(event.mergedId())
			.query(Long.class)
			.list();
		for (Long ticketId : moved) {
			this.jdbc.sql("UPDATE ticket SET customer_id = ?, version = version + 1 WHERE id = ? AND customer_id = ?")
				.params(event.survivorId(), ticketId, event.mergedId())
				.update();
			this.history.record(ticketId, "system", "customer.merged", "customer", "#" + event.mergedId(),
					"#" + event.survivorId(), null, event.at());
		}
	}

}
