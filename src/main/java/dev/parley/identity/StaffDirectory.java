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

	/** A staff member as other modules see them. */
	record StaffMember(long id, String username, String displayName, boolean enabled) {
	}

}
