package dev.parley.notifications.internal.preferences;

import java.util.List;
import java.util.Map;

import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.internal.preferences.StaffPreferenceRepository.Choice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff notification choices on every supported database, on the real migrations, each
 * test in a transaction rolled back at its end.
 */
@Transactional
abstract class StaffPreferenceRepositoryContract {

	@Autowired
	StaffPreferenceRepository preferences;

	@Autowired
	JdbcClient jdbc;

	@Test
	void replacesAndReadsChoicesPerUserEventAndChannel() {
		long ann = user("pref.ann");
		long bob = user("pref.bob");
		this.preferences.replace(ann, Map.of(new Choice(StaffEvent.MENTION, NotificationChannel.SMS), true,
				new Choice(StaffEvent.LEFT_MESSAGE, NotificationChannel.EMAIL), false));
		this.preferences.replace(bob, Map.of(new Choice(StaffEvent.MENTION, NotificationChannel.SMS), false));
		assertThat(this.preferences.of(ann)).containsOnly(
				Map.entry(new Choice(StaffEvent.MENTION, NotificationChannel.SMS), true),
				Map.entry(new Choice(StaffEvent.LEFT_MESSAGE, NotificationChannel.EMAIL), false));
		assertThat(this.preferences.choices(List.of(ann, bob, ann), StaffEvent.MENTION, NotificationChannel.SMS))
			.containsOnly(Map.entry(ann, true), Map.entry(bob, false));
		assertThat(this.preferences.choices(List.of(), StaffEvent.MENTION, NotificationChannel.SMS)).isEmpty();

		this.preferences.replace(ann, Map.of(new Choice(StaffEvent.ASSIGNED, NotificationChannel.EMAIL), true));
		assertThat(this.preferences.of(ann))
			.containsOnlyKeys(new Choice(StaffEvent.ASSIGNED, NotificationChannel.EMAIL));

		this.jdbc
			.sql("INSERT INTO staff_notification_preference (user_id, event, channel, enabled) VALUES (?, ?, ?, ?)")
			.params(ann, "retired_event", "email", true)
			.update();
		assertThat(this.preferences.of(ann)).as("names no longer known are skipped").hasSize(1);

		this.jdbc.sql("DELETE FROM staff_user WHERE id = ?").param(bob).update();
		assertThat(this.preferences.of(bob)).as("gone with the account").isEmpty();
	}

	private long user(String username) {
		long role = this.jdbc.sql("SELECT id FROM staff_role WHERE name = 'agent'").query(Long.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO staff_user (username, display_name, role_id, enabled, password_hash, password_changed_at, "
						+ "password_change_required, session_version, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, 0, 0)")
			.params(username, username, role, true, "{noop}x", false)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
