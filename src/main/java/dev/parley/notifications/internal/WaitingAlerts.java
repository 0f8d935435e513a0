package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.agents.Teams;
import dev.parley.conversations.AgentAvailability;
import dev.parley.conversations.ConversationQueue;
import dev.parley.conversations.GroupDirectory;
import dev.parley.notifications.internal.preferences.StaffEvent;
import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells a group's supervisors when a conversation has waited in its queue longer than
 * {@code notifications.waitingAlertMinutes} and nobody who could take it is online: once
 * per longest-waiting conversation (a new one waiting as long alerts again). Checked
 * every minute on one node.
 */
@Component
class WaitingAlerts {

	private static final Logger logger = LoggerFactory.getLogger(WaitingAlerts.class);

	static final String MINUTES = "notifications.waitingAlertMinutes";

	private final ConversationQueue queue;

	private final AgentAvailability availability;

	private final Teams teams;

	private final GroupDirectory groups;

	private final StaffMails staff;

	private final Settings settings;

	private final Leases leases;

	private final Clock clock;

	WaitingAlerts(ConversationQueue queue, AgentAvailability availability, Teams teams, GroupDirectory groups,
			StaffMails staff, Settings settings, Leases leases, Clock clock) {
		this.queue = queue;
		this.availability = availability;
		this.teams = teams;
		this.groups = groups;
		this.staff = staff;
		this.settings = settings;
		this.leases = leases;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions waitingAlertSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(MINUTES, 10, 0, 1440));
	}

	@Scheduled(fixedDelayString = "${parley.notifications.waiting-check:60s}",
			initialDelayString = "${parley.notifications.waiting-check:60s}")
	void scheduled() {
		try {
			this.leases.runExclusively("notifications.waiting-alerts", Duration.ofMinutes(1), this::check);
		}
		catch (RuntimeException ex) {
			logger.warn("Checking for conversations waiting too long failed; trying again shortly", ex);
		}
	}

	/**
	 * @return how many groups' supervisors were alerted
	 */
	int check() {
		int minutes = this.settings.getInt(MINUTES);
		if (minutes == 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		int alerted = 0;
		for (ConversationQueue.QueueStats stats : this.queue.queueStats()) {
			Instant since = stats.longestWaitingSince();
			if (stats.groupId() == null || since == null || since.isAfter(now.minus(Duration.ofMinutes(minutes)))
					|| this.availability.of(stats.groupId()) != AgentAvailability.Availability.NOBODY) {
				continue;
			}
			List<Long> supervisors = this.teams.members(stats.groupId())
				.stream()
				.filter(Teams.Member::supervisor)
				.map(Teams.Member::userId)
				.toList();
			Map<String, Object> values = new HashMap<>();
			values.put("group", this.groups.name(stats.groupId()).orElse(""));
			values.put("minutes", Duration.between(since, now).toMinutes());
			values.put("waiting", stats.waiting());
			values.put("link", this.staff.link("/console/board"));
			this.staff.tell(supervisors, StaffEvent.WAITING_ALERT, TemplateKey.WAITING_ALERT,
					"waiting-alert:" + stats.groupId() + ":" + since.toEpochMilli(), values, null);
			alerted++;
		}
		return alerted;
	}

}
