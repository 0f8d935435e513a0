package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import dev.parley.operations.BackupKind;
import dev.parley.platform.InstallationState;
import dev.parley.platform.Maintenance;
import dev.parley.platform.RunsDuringMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs the strategy: every scheduled backup at its planned times, retention after each,
 * and verification at its own times. A planned time is taken by one node of a cluster (a
 * compare-and-set on the schedule's last slot, under the backup lease), so it runs once;
 * a time missed while every node was down runs once when one comes back.
 */
@Component
class BackupScheduler {

	private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

	private final StrategyRepository strategies;

	private final BackupCatalogue catalogue;

	private final RestoreLog restores;

	private final BackupRunner runner;

	private final BackupLease lease;

	private final StrategyService strategyService;

	private final InstallationState installation;

	private final Maintenance maintenance;

	private final Clock clock;

	BackupScheduler(StrategyRepository strategies, BackupCatalogue catalogue, RestoreLog restores, BackupRunner runner,
			BackupLease lease, StrategyService strategyService, InstallationState installation, Maintenance maintenance,
			Clock clock) {
		this.strategies = strategies;
		this.catalogue = catalogue;
		this.restores = restores;
		this.runner = runner;
		this.lease = lease;
		this.strategyService = strategyService;
		this.installation = installation;
		this.maintenance = maintenance;
		this.clock = clock;
	}

	/**
	 * Exempt from the pause of scheduled work in maintenance mode so that a scheduled
	 * cold backup may enter maintenance itself (a counted job could not), and so that it
	 * does not hold up an operator's maintenance; it starts nothing while maintenance is
	 * on.
	 */
	@Scheduled(fixedDelayString = "${parley.backup.schedule-check:20s}",
			initialDelayString = "${parley.backup.schedule-check:20s}")
	@RunsDuringMaintenance
	void scheduled() {
		if (this.installation.isInstalled() && !this.maintenance.active()) {
			tick();
		}
	}

	/**
	 * Looks at the schedules once: runs what is due, on this node if it gets the lease.
	 */
	void tick() {
		if (!this.lease.take()) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			// nothing runs without the lease, so a run still marked running was cut off
			this.catalogue.abandoned(now);
			this.restores.abandoned(now);
			BackupStrategy strategy = this.strategies.get();
			ZoneId zone = this.strategyService.zone();
			for (BackupKind kind : BackupKind.values()) {
				String cron = strategy.schedules().get(kind);
				if (cron != null && takeSlot(kind, cron, zone, now)) {
					BackupRun begun;
					try {
						begun = this.runner.begin(kind, true, null);
					}
					catch (BackupRefused ex) {
						this.runner.couldNotStart(kind, ex.getMessage());
						continue;
					}
					BackupRun run = this.runner.run(begun);
					if (run.status() == BackupStatus.SUCCEEDED) {
						applyRetention(strategy, zone);
					}
				}
			}
			if (strategy.verifyCron() != null && takeVerifySlot(strategy.verifyCron(), zone, now)) {
				verifyAll();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Scheduled backup work failed", ex);
		}
		finally {
			this.lease.release();
		}
	}

	private boolean takeSlot(BackupKind kind, String cron, ZoneId zone, Instant now) {
		Long last = this.strategies.lastSlot(kind);
		if (last == null) {
			// a new schedule counts from now: it does not run at once
			this.strategies.takeSlot(kind, null, now.toEpochMilli());
			return false;
		}
		Instant due = latestPlannedTime(cron, zone, Instant.ofEpochMilli(last), now);
		return due != null && this.strategies.takeSlot(kind, last, due.toEpochMilli());
	}

	private boolean takeVerifySlot(String cron, ZoneId zone, Instant now) {
		Long last = this.strategies.verifySlot();
		if (last == null) {
			this.strategies.takeVerifySlot(null, now.toEpochMilli());
			return false;
		}
		Instant due = latestPlannedTime(cron, zone, Instant.ofEpochMilli(last), now);
		return due != null && this.strategies.takeVerifySlot(last, due.toEpochMilli());
	}

	/**
	 * @return the latest planned time after {@code after} and not after {@code now}, or
	 * null when none is due
	 */
	static Instant latestPlannedTime(String cron, ZoneId zone, Instant after, Instant now) {
		CronExpression expression = CronExpression.parse(cron);
		ZonedDateTime from = after.atZone(zone);
		ZonedDateTime limit = now.atZone(zone);
		// a long outage: look back a week at most, it runs once anyway
		if (from.isBefore(limit.minusDays(7))) {
			from = limit.minusDays(7);
		}
		ZonedDateTime latest = null;
		ZonedDateTime next = expression.next(from);
		while (next != null && !next.isAfter(limit)) {
			latest = next;
			next = expression.next(next);
		}
		return (latest != null) ? latest.toInstant() : null;
	}

	/** Removes the files of scheduled backups retention no longer keeps. */
	void applyRetention(BackupStrategy strategy, ZoneId zone) {
		List<BackupRun> scheduled = this.catalogue.kept().stream().filter(BackupRun::scheduled).toList();
		Set<Long> keep = Retention.keep(scheduled, strategy, zone);
		for (BackupRun run : scheduled) {
			if (!keep.contains(run.id())) {
				try {
					Files.deleteIfExists(run.file());
					this.catalogue.deleted(run.id(), this.clock.instant(), null);
				}
				catch (IOException ex) {
					log.warn("Retention could not delete {}: {}", run.file(), ex.getMessage());
				}
			}
		}
	}

	/**
	 * The scheduled verification: the newest backup gets a trial restore; every other
	 * kept one has its checksum re-read.
	 */
	void verifyAll() {
		List<BackupRun> kept = this.catalogue.kept();
		for (int i = 0; i < kept.size(); i++) {
			BackupRun run = kept.get(i);
			if (i == 0) {
				this.runner.verify(run);
			}
			else {
				this.runner.verifyChecksum(run);
			}
		}
	}

}
