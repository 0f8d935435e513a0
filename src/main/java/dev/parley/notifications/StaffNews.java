package dev.parley.notifications;

/**
 * Kinds of news other modules tell staff of through {@link StaffNotices}; each staff
 * member chooses in his profile which reach him by e-mail and which by text message.
 */
public enum StaffNews {

	/** A ticket was assigned or transferred to me by someone else. */
	TICKET_ASSIGNED,

	/** A colleague mentioned me in a ticket's internal note. */
	TICKET_MENTION,

	/** The requester wrote on a ticket I handle or follow. */
	TICKET_UPDATED,

	/** A ticket I handle or supervise is about to miss, or missed, its SLA target. */
	TICKET_SLA

}
