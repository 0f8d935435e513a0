package dev.parley.agents.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' avatars: a staff member changes his own, an administrator
 * ({@code user.manage}) anyone's. Each is served under {@link #url(long, long) a URL with
 * its version}, so browsers keep it for good and a new picture is a new URL. Which users
 * have one is asked for with every list and message shown, so the answer is kept for a
 * few seconds (a change on this node is seen at once, on others within that time).
 */
@Service
public class Avatars {

	private static final long KEEP_MILLIS = 10_000;

	private final AvatarRepository avatars;

	private final StaffDirectory staff;

	private final Clock clock;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	Avatars(AvatarRepository avatars, StaffDirectory staff, Clock clock) {
		this.avatars = avatars;
		this.staff = staff;
		this.clock = clock;
	}

	/** A stored avatar, to serve. */
	public record Image(String contentType, byte[] content) {
	}

	/**
	 * @return the URL of the new avatar
	 */
	@Transactional
	public String upload(StaffActor actor, long userId, byte[] content) {
		checkMayChange(actor, userId);
		AvatarImage.Checked checked = AvatarImage.check(content);
		long previous = this.avatars.versions(List.of(userId)).getOrDefault(userId, 0L);
		long version = Math.max(this.clock.millis(), previous + 1);
		this.avatars.save(userId, checked.contentType(), checked.content(), version);
		this.cache.remove(userId);
		return url(userId, version);
	}

	@Transactional
	public void remove(StaffActor actor, long userId) {
		checkMayChange(actor, userId);
		this.avatars.delete(userId);
		this.cache.remove(userId);
	}

	/** The avatar of this version, or empty (none, or since replaced). */
	public Optional<Image> image(long userId, long version) {
		return this.avatars.find(userId, version).map((a) -> new Image(a.contentType(), a.content()));
	}

	/** The avatar URL of each of the given users who has one. */
	public Map<Long, String> urls(Collection<Long> userIds) {
		long now = this.clock.millis();
		Map<Long, String> urls = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long userId : userIds) {
			Cached cached = this.cache.get(userId);
			if (cached != null && now - cached.readAt() < KEEP_MILLIS && now >= cached.readAt()) {
				if (cached.url() != null) {
					urls.put(userId, cached.url());
				}
			}
			else {
				missing.add(userId);
			}
		}
		if (!missing.isEmpty()) {
			Map<Long, Long> versions = this.avatars.versions(missing);
			for (Long userId : missing) {
				Long version = versions.get(userId);
				String url = (version != null) ? url(userId, version) : null;
				this.cache.put(userId, new Cached(url, now));
				if (url != null) {
					urls.put(userId, url);
				}
			}
		}
		return urls;
	}

	public Optional<String> url(long userId) {
		return Optional.ofNullable(urls(List.of(userId)).get(userId));
	}

	static String url(long userId, long version) {
		return "/api/v1/avatars/" + userId + "/" + version;
	}

	private void checkMayChange(StaffActor actor, long userId) {
		if (actor.id() != userId) {
			actor.require(Permission.USER_MANAGE);
		}
		this.staff.member(userId).orElseThrow(() -> ApiException.notFound("User"));
	}

	private record Cached(String url, long readAt) {
	}

}
