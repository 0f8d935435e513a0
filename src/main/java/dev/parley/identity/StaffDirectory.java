package dev.parley.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Names of staff members, for modules that show who did something. */
public interface StaffDirectory {

	/**
	 * @return the display name of each of the given users that exists
	 */
	Map<Long, String> displayNames(Collection<Long> userIds);

	Optional<StaffMember> member(long userId);

	/**
	 * @return each of the given users that exists
	 */
	Map<Long, StaffMember> members(Collection<Long> userIds);

	Optional<StaffMember> byUsername(String username);

	/**
	 * @param query text the username or display name contains, whatever its case (null:
	 * anyone)
	 * @return enabled staff members but the one excluded, by username
	 */
	java.util.List<StaffMember> colleagues(String query, long excludedId, int limit);

	/** A staff member as other modules see them. */
	record StaffMember(long id, String username, String displayName, boolean enabled) {
	}

}
