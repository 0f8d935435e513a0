package dev.parley.analytics.internal.tickets;

import dev.parley.tickets.TicketFigures.SlaOutcome;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;

/**
 * A ticket as the statistics keep it (table {@code analytics_ticket}): times are epoch
 * milliseconds, durations milliseconds in calendar time and in the business hours of the
 * ticket's group (null when not reached yet).
 */
record TicketFact(long ticketId, String number, TicketOrigin origin, TicketPriority priority, Long groupId,
		Long assigneeId, TicketStatus status, long createdAt, Long finishedAt, Long firstResponseMs,
		Long firstResponseBhMs, Long resolutionMs, Long resolutionBhMs, SlaOutcome slaFirst, Long slaFirstDue,
		SlaOutcome slaResolution, Long slaResolutionDue) {

	/**
	 * Where the first-response target stands at {@code now}: running past due is
	 * breached.
	 */
	SlaOutcome firstResponseAt(long now) {
		return effective(this.slaFirst, this.slaFirstDue, now);
	}

	/** Where the solution target stands at {@code now}. */
	SlaOutcome resolutionAt(long now) {
		return effective(this.slaResolution, this.slaResolutionDue, now);
	}

	Long firstResponse(boolean business) {
		return business ? this.firstResponseBhMs : this.firstResponseMs;
	}

	Long resolution(boolean business) {
		return business ? this.resolutionBhMs : this.resolutionMs;
	}

	static SlaOutcome effective(SlaOutcome outcome, Long due, long now) {
		return (outcome == SlaOutcome.RUNNING && due != null && due < now) ? SlaOutcome.BREACHED : outcome;
	}

}
