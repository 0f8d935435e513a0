package dev.parley.conversations;

import java.util.Collection;
import java.util.Map;

/** Names of chat channels, for modules that refer to channels. */
public interface ChannelDirectory {

	/**
	 * @return the name of each of the given channels that exists
	 */
	Map<Long, String> names(Collection<Long> channelIds);

}
