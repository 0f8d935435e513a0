package dev.parley.operations.internal.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy run by the clock: each planned time once, none while another node holds
 * the lease, a missed time caught up once, retention after each, verification at its own
 * times.
 */
class BackupScheduleTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path directory;

	@Autowired
	BackupScheduler scheduler;

	@Autowired
	BackupCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StrategyService strategies;

	private Instant before;

	@org.junit.jupiter.api.BeforeEach
	void noScheduledBackupsOfOtherTests() {
		// retention keeps the newest scheduled backups of the whole catalogue; the tests
		// here move the clock to different years
		this.jdbc.sql("UPDATE backup_run SET status = 'DELETED' WHERE scheduled = TRUE").update();
	}

	@AfterEach
	void noSchedulesAfterwards() {
		if (this.before != null) {
			this.clock.set(this.before);
		}
		strategy(Map.of(), null, 7);
	}

	@Test
	void eachPlannedTimeRunsOnceAndRetentionKeepsTheNewest() throws Exception {
		this.before = this.clock.instant();
		this.clock.set(ZonedDateTime.of(2031, 3, 3, 10, 0, 0, 0, SHANGHAI).toInstant());
		strategy(Map.of("LOGICAL", "0 0 2 * * *"), null, 2);
		this.scheduler.tick();
		assertThat(scheduled()).as("a new schedule does not run at once").isEmpty();

		this.clock.set(ZonedDateTime.of(2031, 3, 4, 2, 0, 30, 0, SHANGHAI).toInstant());
		this.scheduler.tick();
		this.scheduler.tick();
		assertThat(scheduled()).hasSize(1);
		BackupRun first = scheduled().get(0);
		assertThat(first.status()).isEqualTo(BackupStatus.SUCCEEDED);
		assertThat(first.startedBy()).isNull();

		// another node holds the lease: nothing runs here
		this.clock.set(ZonedDateTime.of(2031, 3, 5, 2, 1, 0, 0, SHANGHAI).toInstant());
		holdLeaseElsewhere();
		this.scheduler.tick();
		assertThat(scheduled()).hasSize(1);
		releaseLease();
		// two planned times missed: caught up once
		this.clock.set(ZonedDateTime.of(2031, 3, 6, 9, 0, 0, 0, SHANGHAI).toInstant());
		this.scheduler.tick();
		this.scheduler.tick();
		assertThat(scheduled()).hasSize(2);

		this.clock.set(ZonedDateTime.of(2031, 3, 7, 2, 0, 5, 0, SHANGHAI).toInstant());
		this.scheduler.tick();
		List<BackupRun> all = scheduled();
		assertThat(all).hasSize(3);
		assertThat(all.stream().filter((run) -> run.status() == BackupStatus.SUCCEEDED)).hasSize(2);
		BackupRun oldest = this.catalogue.find(first.id()).orElseThrow();
		assertThat(oldest.status()).isEqualTo(BackupStatus.DELETED);
		assertThat(oldest.deletedBy()).isNull();
		assertThat(Files.exists(oldest.file())).isFalse();
		assertThat(all.stream().filter((run) -> run.status() == BackupStatus.SUCCEEDED))
			.allMatch((run) -> Files.exists(run.file()));
	}

	@Test
	void verificationRunsAtItsOwnTimes() {
		this.before = this.clock.instant();
		this.clock.set(ZonedDateTime.of(2032, 5, 3, 10, 0, 0, 0, SHANGHAI).toInstant());
		strategy(Map.of("HOT", "0 0 */6 * * *"), "0 30 4 * * *", 7);
		this.scheduler.tick();
		this.clock.set(ZonedDateTime.of(2032, 5, 3, 12, 0, 1, 0, SHANGHAI).toInstant());
		this.scheduler.tick();
		BackupRun hot = scheduled().stream().filter((run) -> run.kind().name().equals("HOT")).findFirst().orElseThrow();
		assertThat(hot.verification()).isEqualTo(Verification.NOT_VERIFIED);
		this.clock.set(ZonedDateTime.of(2032, 5, 4, 4, 30, 10, 0, SHANGHAI).toInstant());
		this.scheduler.tick();
		// the backup planned for midnight ran first; the newest gets the trial restore
		List<BackupRun> runs = scheduled();
		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).verification()).isEqualTo(Verification.PASSED);
		assertThat(runs.get(0).verificationDetail()).contains("scratch database");
		assertThat(this.catalogue.find(hot.id()).orElseThrow().verification()).isEqualTo(Verification.NOT_VERIFIED);
	}

	@Test
	void plannedTimesFollowTheCronExpressionInTheOrganisationsZone() {
		Instant after = ZonedDateTime.of(2031, 1, 1, 1, 0, 0, 0, SHANGHAI).toInstant();
		Instant now = ZonedDateTime.of(2031, 1, 3, 3, 0, 0, 0, SHANGHAI).toInstant();
		assertThat(BackupScheduler.latestPlannedTime("0 0 2 * * *", SHANGHAI, after, now))
			.isEqualTo(ZonedDateTime.of(2031, 1, 3, 2, 0, 0, 0, SHANGHAI).toInstant());
		assertThat(BackupScheduler.latestPlannedTime("0 0 2 * * *", SHANGHAI, now, now.plus(Duration.ofHours(1))))
			.isNull();
	}

	private List<BackupRun> scheduled() {
		return this.catalogue.page(null, 200)
			.stream()
			.filter(BackupRun::scheduled)
			.filter((run) -> run.directory().equals(this.directory.toString()))
			.toList();
	}

	private void strategy(Map<String, String> schedules, String verifyCron, int keepDaily) {
		Map<dev.parley.operations.BackupKind, String> byKind = new java.util.EnumMap<>(
				dev.parley.operations.BackupKind.class);
		schedules.forEach((kind, cron) -> byKind.put(dev.parley.operations.BackupKind.valueOf(kind), cron));
		this.strategies.update(
				new BackupStrategy(this.directory.toString(), byKind, true, false, keepDaily, 0, 0, verifyCron), ADMIN);
	}

	private void holdLeaseElsewhere() {
		releaseLease();
		this.jdbc.sql("INSERT INTO node_lease (name, holder, expires_at) VALUES ('backup', 'another-node', ?)")
			.param(this.clock.millis() + 3_600_000L)
			.update();
	}

	private void releaseLease() {
		this.jdbc.sql("DELETE FROM node_lease WHERE name = 'backup'").update();
	}

}
