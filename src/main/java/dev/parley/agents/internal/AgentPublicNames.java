package dev.parley.agents.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.agents.AgentProfileChanged;
import dev.parley.conversations.PublicNames;
import dev.parley.identity.StaffDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The names customers see: an agent's public name, or the display name when none is set.
 * Asked for on every message an agent sends, so each name is kept for a few seconds; a
 * profile change on this node takes effect at once, on other nodes within that time.
 */
@Component
class AgentPublicNames implements PublicNames {

	private static final long KEEP_MILLIS = 10_000;

	private final AgentRepository agents;

	private final StaffDirectory staff;

	private final Clock clock;

	private final Avatars avatars;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	AgentPublicNames(AgentRepository agents, StaffDirectory staff, Clock clock, Avatars avatars) {
		this.avatars = avatars;
		this.agents = agents;
		this.staff = staff;
		this.clock = clock;
	}

	@Override
	public Map<Long, String> publicNames(Collection<Long> userIds) {
		long now = this.clock.millis();
		Map<Long, String> names = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long userId : userIds) {
			Cached cached = this.cache.get(userId);
			if (cached != null && now - cached.readAt() < KEEP_MILLIS && now >= cached.readAt()) {
				names.put(userId, cached.name());
			}
			else {
				missing.add(userId);
			}
		}
		if (!missing.isEmpty()) {
			Map<Long, String> chosen = this.agents.publicNames(missing);
			Map<Long, String> displayNames = this.staff.displayNames(missing);
			for (Long userId : missing) {
				String name = chosen.getOrDefault(userId, displayNames.get(userId));
				if (name != null) {
					names.put(userId, name);
					this.cache.put(userId, new Cached(name, now));
				}
			}
		}
		return names;
	}

	@Override
	public Map<Long, String> avatarUrls(Collection<Long> userIds) {
		return this.avatars.urls(userIds);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AgentProfileChanged event) {
		this.cache.remove(event.userId());
	}

	private record Cached(String name, long readAt) {
	}

}
