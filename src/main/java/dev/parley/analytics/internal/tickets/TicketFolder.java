package dev.parley.analytics.internal.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.parley.agents.BusinessCalendars;
import dev.parley.tickets.TicketFigures;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the statistics' row of tickets as the tickets module says they are now:
 * idempotent (a ticket refreshed twice is written twice the same), so events may come
 * twice and in any order. Merged and removed tickets leave the figures.
 */
@Component
public class TicketFolder {

	private static final int BATCH = 500;

	private final TicketFigures tickets;

	private final TicketFactRepository facts;

	private final BusinessCalendars calendars;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TicketFolder(TicketFigures tickets, TicketFactRepository facts, BusinessCalendars calendars, Clock clock,
			TransactionTemplate transactions) {
		this.tickets = tickets;
		this.facts = facts;
		this.calendars = calendars;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Transactional
	public void refresh(Collection<Long> ticketIds) {
		write(ticketIds);
	}

	private void write(Collection<Long> ticketIds) {
		long now = this.clock.millis();
		Set<Long> missing = new HashSet<>(ticketIds);
		for (TicketFigures.Fact fact : this.tickets.facts(ticketIds)) {
			missing.remove(fact.ticketId());
			if (fact.mergedInto() != null) {
				this.facts.delete(fact.ticketId());
			}
			else {
				this.facts.save(fold(fact), now);
			}
		}
		missing.forEach(this.facts::delete);
	}

	/**
	 * Forgets every ticket's row and writes them all again, 500 tickets per transaction.
	 * @return how many tickets were read
	 */
	public int rebuild() {
		this.transactions.executeWithoutResult((tx) -> this.facts.deleteAll());
		int written = 0;
		long after = 0;
		List<Long> ids;
		while (!(ids = this.tickets.ids(after, BATCH)).isEmpty()) {
			List<Long> batch = ids;
			this.transactions.executeWithoutResult((tx) -> write(batch));
			written += ids.size();
			after = ids.get(ids.size() - 1);
		}
		return written;
	}

	TicketFact fold(TicketFigures.Fact f) {
		BusinessCalendars.WorkingTime hours = this.calendars.of(f.groupId());
		Instant created = f.createdAt();
		Long firstResponse = between(created, f.firstRespondedAt());
		Long firstResponseBh = (firstResponse != null) ? hours.workingBetween(created, f.firstRespondedAt()).toMillis()
				: null;
		Long resolution = between(created, f.finishedAt());
		Long resolutionBh = (resolution != null) ? hours.workingBetween(created, f.finishedAt()).toMillis() : null;
		return new TicketFact(f.ticketId(), f.number(), f.origin(), f.priority(), f.groupId(), f.assigneeId(),
				f.status(), created.toEpochMilli(), millis(f.finishedAt()), firstResponse, firstResponseBh, resolution,
				resolutionBh, f.firstResponse().outcome(), millis(f.firstResponse().dueAt()), f.resolution().outcome(),
				millis(f.resolution().dueAt()));
	}

	private static Long between(Instant from, Instant to) {
		return (to != null) ? Math.max(0, to.toEpochMilli() - from.toEpochMilli()) : null;
	}

	private static Long millis(Instant at) {
		return (at != null) ? at.toEpochMilli() : null;
	}

}
