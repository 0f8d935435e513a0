package dev.parley.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the statistics need of tickets (the analytics module's tickets and SLA report):
 * each ticket's dimensions, its times and where its SLA targets stand, read as they are
 * now.
 */
public interface TicketFigures {

	/**
	 * @return the facts of those of the tickets that exist (merged ones included, marked)
	 */
	List<Fact> facts(Collection<Long> ticketIds);

	/**
	 * @return up to {@code limit} ticket ids above {@code afterId}, in order (for a
	 * rebuild)
	 */
	List<Long> ids(long afterId, int limit);

	/**
	 * A ticket as the statistics count it.
	 *
	 * @param finishedAt when it was solved (or closed) if it is solved or closed now,
	 * else null
	 * @param mergedInto set when it was merged into another ticket (no longer counted)
	 */
	record Fact(long ticketId, String number, TicketOrigin origin, TicketPriority priority, Long groupId,
			Long assigneeId, TicketStatus status, Instant createdAt, Instant firstRespondedAt, Instant finishedAt,
			Long mergedInto, Target firstResponse, Target resolution) {
	}

	/**
	 * Where an SLA target stands.
	 *
	 * @param dueAt when a running target is due (a running target past it is breached
	 * even before the sweep has recorded it)
	 */
	record Target(SlaOutcome outcome, Instant dueAt) {

		public static final Target NONE = new Target(SlaOutcome.NONE, null);

	}

	/** An SLA target's state, as the statistics count it. */
	enum SlaOutcome {

		/** The ticket has no such target. */
		NONE,
		/** Counting towards its due time. */
		RUNNING,
		/** Waiting on the customer. */
		PAUSED,
		/** Met in time. */
		MET,
		/** Missed. */
		BREACHED

	}

}
