package dev.parley.agents;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is in which group, and who has the console open: for modules that tell staff about
 * something (notifications).
 */
public interface Teams {

	/** The group's members, with whether each supervises it; empty for no such group. */
	List<Member> members(long groupId);

	/**
	 * @return those of the users who have the console open now, on any node (within the
	 * presence refresh, {@code parley.agents.presence-refresh})
	 */
	Set<Long> inConsole(Collection<Long> userIds);

	/** A member of a group. */
	record Member(long userId, boolean supervisor) {
	}

}
