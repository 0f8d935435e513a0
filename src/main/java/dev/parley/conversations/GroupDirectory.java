package dev.parley.conversations;

import java.util.Optional;

/**
 * Which agent groups exist, for transfers to a group. Implemented by the module that owns
 * groups, so live chat needs no compile-time knowledge of it.
 */
public interface GroupDirectory {

	/**
	 * @return the group's name, or empty when there is no such group
	 */
	Optional<String> name(long groupId);

}
