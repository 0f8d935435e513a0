package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.operations.BackupKind;
import dev.parley.platform.ApiException;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing the backup strategy, every value checked first. */
@Service
public class StrategyService {

	/** A schedule may not plan runs closer together than this. */
	static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(15);

	private final StrategyRepository strategies;

	private final BackupFiles files;

	private final Settings settings;

	private final AuditLog audit;

	private final Clock clock;

	StrategyService(StrategyRepository strategies, BackupFiles files, Settings settings, AuditLog audit, Clock clock) {
		this.strategies = strategies;
		this.files = files;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	public BackupStrategy get() {
		return this.strategies.get();
	}

	/** Where files go when the strategy names no directory. */
	public Path defaultDirectory() {
		return this.files.defaultDirectory();
	}

	public boolean keyConfigured() {
		return this.files.cipher() != null;
	}

	@Transactional
	public BackupStrategy update(BackupStrategy strategy, String actor) {
		String directory = directory(strategy.directory());
		Map<BackupKind, String> schedules = new EnumMap<>(BackupKind.class);
		for (BackupKind kind : BackupKind.values()) {
			schedules.put(kind, cron("schedules." + kind.name(), strategy.schedules().get(kind), zone()));
		}
		within("keepDaily", strategy.keepDaily(), 1, 366);
		within("keepWeekly", strategy.keepWeekly(), 0, 520);
		within("keepMonthly", strategy.keepMonthly(), 0, 600);
		if (strategy.encrypt() && !keyConfigured()) {
			throw ApiException.invalid("encrypt", "needs an encryption key in the configuration first");
		}
		BackupStrategy checked = new BackupStrategy(directory, schedules, strategy.compress(), strategy.encrypt(),
				strategy.keepDaily(), strategy.keepWeekly(), strategy.keepMonthly(),
				cron("verifyCron", strategy.verifyCron(), zone()));
		this.strategies.save(checked, this.clock.millis(), actor);
		this.audit.record(actor, "backup.strategy_changed", null, AuditResult.SUCCESS, null);
		return this.strategies.get();
	}

	/**
	 * The next planned times of a cron expression, in the organisation's time zone.
	 * @throws ApiException when the expression is not valid
	 */
	public List<ZonedDateTime> preview(String cron, int count) {
		String checked = cron("cron", cron, zone());
		if (checked == null) {
			throw ApiException.invalid("cron", "must not be empty");
		}
		CronExpression expression = CronExpression.parse(checked);
		List<ZonedDateTime> times = new ArrayList<>();
		ZonedDateTime next = Instant.now(this.clock).atZone(zone());
		for (int i = 0; i < count; i++) {
			next = expression.next(next);
			if (next == null) {
				break;
			}
			times.add(next);
		}
		return times;
	}

	public ZoneId zone() {
		try {
			return ZoneId.of(this.settings.get("organisation.timeZone"));
		}
		catch (RuntimeException ex) {
			return ZoneId.systemDefault();
		}
	}

	private String cron(String field, String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String cron = value.trim();
		if (cron.length() > 100) {
			throw ApiException.invalid(field, "must be at most 100 characters");
		}
		CronExpression expression;
		try {
			expression = CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(field,
					"must be a cron expression of six fields: second minute hour day month weekday");
		}
		ZonedDateTime start = Instant.now(this.clock).atZone(zone);
		ZonedDateTime previous = expression.next(start);
		if (previous == null) {
			throw ApiException.invalid(field, "never plans a run");
		}
		// every gap over the next year (at most a run every 15 minutes: 35,040 of them)
		ZonedDateTime end = start.plusYears(1);
		ZonedDateTime next = expression.next(previous);
		while (next != null && next.isBefore(end)) {
			if (Duration.between(previous, next).compareTo(SHORTEST_INTERVAL) < 0) {
				throw ApiException.invalid(field, "must not plan runs less than 15 minutes apart");
			}
			previous = next;
			next = expression.next(next);
		}
		return cron;
	}

	private static String directory(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > 1000) {
			throw ApiException.invalid("directory", "must be at most 1000 characters");
		}
		Path path;
		try {
			path = Path.of(value.trim());
		}
		catch (InvalidPathException ex) {
			throw ApiException.invalid("directory", "must be an absolute path of a directory Parley can write to");
		}
		if (!path.isAbsolute()) {
			throw ApiException.invalid("directory", "must be an absolute path of a directory Parley can write to");
		}
		try {
			Files.createDirectories(path);
			Files.delete(Files.createTempFile(path, ".write-check-", ".tmp"));
		}
		catch (IOException | RuntimeException ex) {
			throw ApiException.invalid("directory", "must be an absolute path of a directory Parley can write to");
		}
		return path.normalize().toString();
	}

	private static void within(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw ApiException.invalid(field, "must be between " + min + " and " + max);
		}
	}

}
