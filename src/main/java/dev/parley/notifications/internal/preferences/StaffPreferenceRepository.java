package dev.parley.notifications.internal.preferences;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.parley.notifications.NotificationChannel;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The choices staff members made; where there is none the default holds. */
@Repository
class StaffPreferenceRepository {

	private final NamedParameterJdbcTemplate jdbc;

	StaffPreferenceRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One stored choice. */
	record Choice(StaffEvent event, NotificationChannel channel) {
	}

	/**
	 * @return the user's stored choices (not the defaults), skipping names no longer
	 * known
	 */
	Map<Choice, Boolean> of(long userId) {
		Map<Choice, Boolean> choices = new HashMap<>();
		this.jdbc.query("SELECT event, channel, enabled FROM staff_notification_preference WHERE user_id = :user",
				Map.of("user", userId), (rs) -> {
					StaffEvent event = StaffEvent.of(rs.getString(1)).orElse(null);
					NotificationChannel channel = channel(rs.getString(2));
					if (event != null && channel != null) {
						choices.put(new Choice(event, channel), rs.getBoolean(3));
					}
				});
		return choices;
	}

	/**
	 * @return user id to the stored choice for this event and channel, for those of the
	 * users who made one
	 */
	Map<Long, Boolean> choices(Collection<Long> userIds, StaffEvent event, NotificationChannel channel) {
		Map<Long, Boolean> choices = new HashMap<>();
		if (userIds.isEmpty()) {
			return choices;
		}
		this.jdbc.query(
				"SELECT user_id, enabled FROM staff_notification_preference WHERE user_id IN (:users) "
						+ "AND event = :event AND channel = :channel",
				Map.of("users", userIds.stream().distinct().toList(), "event", event.value(), "channel",
						channel.value()),
				(rs) -> {
					choices.put(rs.getLong(1), rs.getBoolean(2));
				});
		return choices;
	}

	void replace(long userId, Map<Choice, Boolean> choices) {
		this.jdbc.update("DELETE FROM staff_notification_preference WHERE user_id = :user", Map.of("user", userId));
		choices.forEach((choice, enabled) -> this.jdbc.update(
				"INSERT INTO staff_notification_preference (user_id, event, channel, enabled) "
						+ "VALUES (:user, :event, :channel, :enabled)",
				Map.of("user", userId, "event", choice.event().value(), "channel", choice.channel().value(), "enabled",
						enabled)));
	}

	private static NotificationChannel channel(String value) {
		try {
			return NotificationChannel.of(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
