package dev.parley.notifications.internal.preferences;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.internal.preferences.StaffPreferenceRepository.Choice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channels reach a staff member for which event: their own choice, else the default
 * (e-mail on, text messages off). Ask before enqueueing a staff notification.
 */
@Service
public class StaffPreferences {

	private final StaffPreferenceRepository repository;

	private final AuditLog auditLog;

	StaffPreferences(StaffPreferenceRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	/** One event and channel, switched on or off. */
	public record Preference(StaffEvent event, NotificationChannel channel, boolean enabled) {
	}

	/** What holds where a staff member has not chosen: e-mail on, SMS off. */
	public static boolean byDefault(NotificationChannel channel) {
		return channel == NotificationChannel.EMAIL;
	}

	/**
	 * @return whether the user wants to hear of the event through the channel
	 */
	public boolean wants(long userId, StaffEvent event, NotificationChannel channel) {
		return wanting(List.of(userId), event, channel).contains(userId);
	}

	/**
	 * @return those of the users who want to hear of the event through the channel, in
	 * the order given (one query for all)
	 */
	public Set<Long> wanting(Collection<Long> userIds, StaffEvent event, NotificationChannel channel) {
		Map<Long, Boolean> chosen = this.repository.choices(userIds, event, channel);
		Set<Long> wanting = new LinkedHashSet<>();
		for (Long userId : userIds) {
			if (chosen.getOrDefault(userId, byDefault(channel))) {
				wanting.add(userId);
			}
		}
		return wanting;
	}

	/**
	 * @return every event and channel for the user, with the choice or the default, in
	 * declaration order
	 */
	public List<Preference> of(long userId) {
		Map<Choice, Boolean> chosen = this.repository.of(userId);
		List<Preference> all = new ArrayList<>();
		for (StaffEvent event : StaffEvent.values()) {
			for (NotificationChannel channel : NotificationChannel.values()) {
				all.add(new Preference(event, channel,
						chosen.getOrDefault(new Choice(event, channel), byDefault(channel))));
			}
		}
		return all;
	}

	/**
	 * Changes the given choices; those not given stay as they were.
	 * @param username who changes their own preferences, for the audit log
	 * @return every event and channel after the change
	 */
	@Transactional
	public List<Preference> change(long userId, String username, Collection<Preference> changes) {
		Map<Choice, Boolean> chosen = new HashMap<>(this.repository.of(userId));
		List<String> changed = new ArrayList<>();
		for (Preference change : changes) {
			Choice choice = new Choice(change.event(), change.channel());
			boolean before = chosen.getOrDefault(choice, byDefault(change.channel()));
			if (before != change.enabled()) {
				changed.add(change.event().value() + "/" + change.channel().value() + " "
						+ (change.enabled() ? "on" : "off"));
			}
			chosen.put(choice, change.enabled());
		}
		if (!changed.isEmpty()) {
			this.repository.replace(userId, chosen);
			this.auditLog.record(username, "notification.preferences.changed", username, AuditResult.SUCCESS,
					String.join(", ", changed));
		}
		return of(userId);
	}

}
