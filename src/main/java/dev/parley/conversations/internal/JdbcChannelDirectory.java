package dev.parley.conversations.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.parley.conversations.ChannelDirectory;

import org.springframework.stereotype.Component;

@Component
class JdbcChannelDirectory implements ChannelDirectory {

	private final ChannelRepository channels;

	JdbcChannelDirectory(ChannelRepository channels) {
		this.channels = channels;
	}

	@Override
	public Map<Long, String> names(Collection<Long> channelIds) {
		Map<Long, String> names = new HashMap<>();
		for (Channel channel : this.channels.findAll()) {
			if (channelIds.contains(channel.id())) {
				names.put(channel.id(), channel.name());
			}
		}
		return names;
	}

}
