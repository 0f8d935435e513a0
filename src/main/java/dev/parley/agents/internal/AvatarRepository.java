package dev.parley.agents.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff members' avatars, one per user, with the version that names it in URLs. */
@Repository
class AvatarRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	AvatarRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	record StoredAvatar(String contentType, byte[] content, long version) {
	}

	/**
	 * Replaces the user's avatar (there is at most one); of two uploads at once the later
	 * write wins, neither fails.
	 */
	void save(long userId, String contentType, byte[] content, long version) {
		if (replace(userId, contentType, content, version)) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO agent_avatar (user_id, content_type, content, version) VALUES (?, ?, ?, ?)")
				.params(userId, contentType, content, version)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another upload inserted the row in between
			replace(userId, contentType, content, version);
		}
	}

	private boolean replace(long userId, String contentType, byte[] content, long version) {
		return this.jdbc.sql("UPDATE agent_avatar SET content_type = ?, content = ?, version = ? WHERE user_id = ?")
			.params(contentType, content, version, userId)
			.update() > 0;
	}

	boolean delete(long userId) {
		return this.jdbc.sql("DELETE FROM agent_avatar WHERE user_id = ?").param(userId).update() > 0;
	}

	/** The avatar of this version (nothing is read for any other). */
	Optional<StoredAvatar> find(long userId, long version) {
		return this.jdbc
			.sql("SELECT content_type, content, version FROM agent_avatar WHERE user_id = ? AND version = ?")
			.params(userId, version)
			.query((rs, row) -> new StoredAvatar(rs.getString("content_type"), rs.getBytes("content"),
					rs.getLong("version")))
			.optional();
	}

	/** The version of each of the given users' avatars, for those who have one. */
	Map<Long, Long> versions(Collection<Long> userIds) {
		Map<Long, Long> versions = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.named.query("SELECT user_id, version FROM agent_avatar WHERE user_id IN (:ids)",
					Map.of("ids", userIds.stream().distinct().toList()),
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> versions.put(rs.getLong("user_id"),
							rs.getLong("version")));
		}
		return versions;
	}

}
