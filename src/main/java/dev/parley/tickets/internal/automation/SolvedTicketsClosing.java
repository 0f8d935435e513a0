package dev.parley.tickets.internal.automation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.parley.platform.ApiException;
import dev.parley.platform.Leases;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic close: a ticket solved {@code tickets.closeAfterDays} ago (0: never) is
 * closed by Parley itself (actor {@code system}, a history entry like any change). One
 * node sweeps at a time (a lease); each ticket is closed in its own transaction, in
 * batches in the order they were solved, so a ticket someone changes meanwhile (a stale
 * version) is left for the next sweep and stops nothing.
 */
@Component
class SolvedTicketsClosing {

	private static final Logger log = LoggerFactory.getLogger(SolvedTicketsClosing.class);

	static final String LEASE = "tickets.close";

	static final int BATCH = 200;

	private final TicketSettings settings;

	private final TicketRepository tickets;

	private final TicketChanges changes;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Leases leases;

	private final Clock clock;

	SolvedTicketsClosing(TicketSettings settings, TicketRepository tickets, TicketChanges changes, JdbcClient jdbc,
			TransactionTemplate transactions, Leases leases, Clock clock) {
		this.settings = settings;
		this.tickets = tickets;
		this.changes = changes;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.tickets.close-sweep:10m}", initialDelayString = "2m")
	void sweep() {
		this.leases.runExclusively(LEASE, Duration.ofMinutes(30), this::closeDue);
	}

	/**
	 * @return how many tickets it closed
	 */
	int closeDue() {
		int days = this.settings.closeAfterDays();
		if (days <= 0) {
			return 0;
		}
		long cutoff = this.clock.instant().minus(Duration.ofDays(days)).toEpochMilli();
		int closed = 0;
		long afterSolved = Long.MIN_VALUE;
		long afterId = 0;
		for (;;) {
			List<long[]> due = this.jdbc
				.sql("SELECT id, solved_at FROM ticket WHERE status = ? AND solved_at <= ? "
						+ "AND (solved_at > ? OR (solved_at = ? AND id > ?)) ORDER BY solved_at, id LIMIT " + BATCH)
				.params(TicketStatus.SOLVED.name(), cutoff, afterSolved, afterSolved, afterId)
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list();
			for (long[] ticket : due) {
				if (close(ticket[0])) {
					closed++;
				}
				afterId = ticket[0];
				afterSolved = ticket[1];
			}
			if (due.size() < BATCH) {
				return closed;
			}
		}
	}

	private boolean close(long id) {
		try {
			Boolean done = this.transactions.execute((tx) -> {
				var ticket = this.tickets.find(id).orElse(null);
				if (ticket == null || ticket.status() != TicketStatus.SOLVED) {
					return false;
				}
				ObjectNode patch = JsonNodeFactory.instance.objectNode();
				patch.put("version", ticket.version());
				patch.put("status", TicketStatus.CLOSED.name());
				this.changes.update(id, patch, TicketActor.system());
				return true;
			});
			return Boolean.TRUE.equals(done);
		}
		catch (ApiException ex) {
			log.info("Ticket {} not closed automatically this time: {}", id, ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			// one ticket that fails must not stop the close of every later one
			log.warn("Ticket {} could not be closed automatically", id, ex);
			return false;
		}
	}

}
