package dev.parley.identity;

import java.util.Collection;
import java.util.Map;

/** Names of staff members, for modules that show who did something. */
public interface StaffDirectory {

	/**
	 * @return the display name of each of the given users that exists
	 */
	Map<Long, String> displayNames(Collection<Long> userIds);

}
