package dev.parley.notifications.internal;

import java.time.Clock;
import java.time.Duration;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what was sent and read long ago: notifications that are done (sent, failed,
 * suppressed) and the inbound mail log, after {@code notifications.retentionDays}. They
 * hold customers' addresses and words; the conversations keep what matters. Once an hour,
 * on one node.
 */
@Component
class NotificationRetention {

	private static final Logger logger = LoggerFactory.getLogger(NotificationRetention.class);

	static final String DAYS = "notifications.retentionDays";

	private final JdbcClient jdbc;

	private final Settings settings;

	private final Leases leases;

	private final Clock clock;

	NotificationRetention(JdbcClient jdbc, Settings settings, Leases leases, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.leases = leases;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions notificationRetentionSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(DAYS, 90, 1, 3650));
	}

	@Scheduled(fixedDelayString = "${parley.notifications.retention-sweep:1h}",
			initialDelayString = "${parley.notifications.retention-sweep:1h}")
	void scheduled() {
		try {
			this.leases.runExclusively("notifications.retention", Duration.ofMinutes(10), this::purge);
		}
		catch (RuntimeException ex) {
			logger.warn("Forgetting old notifications failed; trying again later", ex);
		}
	}

	/**
	 * @return how many rows were deleted
	 */
	int purge() {
		long before = this.clock.instant().minus(Duration.ofDays(this.settings.getInt(DAYS))).toEpochMilli();
		int notifications = this.jdbc
			.sql("DELETE FROM notification WHERE created_at < ? AND status IN ('SENT', 'FAILED', 'SUPPRESSED')")
			.param(before)
			.update();
		int inbound = this.jdbc.sql("DELETE FROM inbound_mail WHERE received_at < ?").param(before).update();
		return notifications + inbound;
	}

}
