package dev.parley.conversations;

import java.util.Collection;
import java.util.Map;

/**
 * The names (and avatars) customers see for staff members (an agent's public name, or the
 * display name when none is set). Customers never see any other name of a staff member.
 * Implemented by the module that owns agent profiles.
 */
public interface PublicNames {

	/**
	 * @return the public name of each of the given staff members that exists
	 */
	Map<Long, String> publicNames(Collection<Long> userIds);

	default String publicName(long userId) {
		return publicNames(java.util.List.of(userId)).getOrDefault(userId, "");
	}

	/**
	 * @return the avatar URL of each of the given staff members who has one (customers
	 * see it beside the public name)
	 */
	default Map<Long, String> avatarUrls(Collection<Long> userIds) {
		return Map.of();
	}

}
