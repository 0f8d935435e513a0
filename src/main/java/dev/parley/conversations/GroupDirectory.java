package dev.parley.conversations;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which agent groups exist, which channel each answers and whether it is open: for
 * transfers, pre-chat topics and business hours. Implemented by the module that owns
 * groups, so live chat needs no compile-time knowledge of it.
 */
public interface GroupDirectory {

	/**
	 * @return the group that answers the channel, if one does
	 */
	Optional<Long> groupOfChannel(long channelId);

	/**
	 * @return whether the group is within its business hours now
	 */
	default Hours hours(long groupId) {
		return hours(java.util.List.of(groupId)).get(groupId);
	}

	/**
	 * @return the business hours of each of the groups now (one reading of the plan for
	 * all of them)
	 */
	Map<Long, Hours> hours(Collection<Long> groupIds);

	/** Open now, or closed and opening at {@code opensAt} (null: not within a week). */
	record Hours(boolean open, java.time.Instant opensAt) {

		public static final Hours ALWAYS = new Hours(true, null);

	}

	/**
	 * @return the group's name, or empty when there is no such group
	 */
	Optional<String> name(long groupId);

	/**
	 * @return the groups the staff member belongs to (none for someone in no group)
	 */
	java.util.List<Long> groupsOf(long userId);

}
