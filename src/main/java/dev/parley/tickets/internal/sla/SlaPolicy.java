package dev.parley.tickets.internal.sla;

import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketType;

/**
 * An SLA policy: the conditions a ticket meets for it to apply (each null one matches
 * anything), its targets in minutes (null: none), the calendar they count in, the warning
 * before a breach and the escalation at one.
 */
public record SlaPolicy(long id, String name, int position, boolean enabled, TicketPriority matchPriority,
		Long matchGroupId, TicketType matchType, Long matchLevelId, Integer firstResponseMinutes,
		Integer nextResponseMinutes, Integer resolutionMinutes, SlaCalendar calendar, Integer warnBeforeMinutes,
		boolean escalateRaisePriority, Long escalateGroupId, long createdAt, long updatedAt) {

	/**
	 * @return the target's minutes, or null when the policy has no such target
	 */
	public Integer minutes(SlaTarget target) {
		return switch (target) {
			case FIRST_RESPONSE -> this.firstResponseMinutes;
			case NEXT_RESPONSE -> this.nextResponseMinutes;
			case RESOLUTION -> this.resolutionMinutes;
		};
	}

	boolean matches(TicketFacts ticket, Long levelId) {
		return this.enabled && (this.matchPriority == null || this.matchPriority == ticket.priority())
				&& (this.matchGroupId == null || this.matchGroupId.equals(ticket.groupId()))
				&& (this.matchType == null || this.matchType == ticket.type())
				&& (this.matchLevelId == null || this.matchLevelId.equals(levelId));
	}

}
