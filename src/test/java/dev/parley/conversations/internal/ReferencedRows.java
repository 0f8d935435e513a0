package dev.parley.conversations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Rows that conversations refer to (staff users, agent groups, chat channels, visitors),
 * written with plain SQL so the contract tests depend on no other repository's code.
 */
final class ReferencedRows {

	private ReferencedRows() {
	}

	static long staffUser(JdbcClient jdbc, String username) {
		long role = jdbc.sql("SELECT id FROM staff_role WHERE name = 'agent'").query(Long.class).single();
		return insert(jdbc,
				"INSERT INTO staff_user (username, display_name, role_id, enabled, password_hash, "
						+ "password_changed_at, password_change_required, created_at) "
						+ "VALUES (?, ?, ?, TRUE, '{noop}x', 0, FALSE, 0)",
				username, "User " + username, role);
	}

	static long group(JdbcClient jdbc, String name) {
		return insert(jdbc, "INSERT INTO agent_group (name, routing, created_at) VALUES (?, 'least_busy', 0)", name);
	}

	static long channel(JdbcClient jdbc, String name) {
		return insert(jdbc,
				"INSERT INTO chat_channel (kind, name, channel_key, allowed_origins, color, prechat_enabled, "
						+ "prechat_fields, identity_secret, enabled, created_at) "
						+ "VALUES ('website', ?, ?, '*', '#336699', FALSE, '', 'secret', TRUE, 0)",
				name, "key-" + name);
	}

	static long visitor(JdbcClient jdbc, long channelId) {
		return insert(jdbc, "INSERT INTO visitor (channel_id, created_at, last_seen_at) VALUES (?, 0, 0)", channelId);
	}

	private static long insert(JdbcClient jdbc, String sql, Object... params) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
