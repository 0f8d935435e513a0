package dev.parley.agents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Rows of other modules that the agents' tables refer to (staff users, chat channels),
 * written with plain SQL so the contract tests depend on no other module's code.
 */
final class ReferencedRows {

	private ReferencedRows() {
	}

	static long staffUser(JdbcClient jdbc, String username) {
		long role = jdbc.sql("SELECT id FROM staff_role WHERE name = 'agent'").query(Long.class).single();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff_user (username, display_name, role_id, enabled, password_hash, "
				+ "password_changed_at, password_change_required, created_at) "
				+ "VALUES (?, ?, ?, TRUE, '{noop}x', 0, FALSE, 0)")
			.params(username, "User " + username, role)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	static void deleteStaffUser(JdbcClient jdbc, long id) {
		jdbc.sql("DELETE FROM staff_user WHERE id = ?").param(id).update();
	}

	static long channel(JdbcClient jdbc, String name) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO chat_channel (kind, name, channel_key, allowed_origins, color, prechat_enabled, "
				+ "prechat_fields, identity_secret, enabled, created_at) "
				+ "VALUES ('website', ?, ?, '*', '#336699', FALSE, '', 'secret', TRUE, 0)")
			.params(name, "key-" + name)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
