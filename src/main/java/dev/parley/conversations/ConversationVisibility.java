package dev.parley.conversations;

import dev.parley.platform.StaffActor;

/**
 * Whether a staff member may open a conversation, for modules that act on one in his name
 * (a ticket made from it, linked to it) and must not reveal one he may not read.
 */
public interface ConversationVisibility {

	/**
	 * @return whether he may open it now (false also for an unknown id)
	 */
	boolean mayOpen(StaffActor actor, long conversationId);

}
