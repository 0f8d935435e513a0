package dev.parley.operations.web;

import java.security.Principal;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.parley.operations.BackupKind;
import dev.parley.operations.internal.backup.BackupStrategy;
import dev.parley.operations.internal.backup.StrategyService;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/** The backup strategy (R4.1) and a preview of when a schedule runs. */
@RestController
@RequestMapping("/api/v1/operations/backup-strategy")
@RequiresPermission(Permission.BACKUP_RUN)
class BackupStrategyController {

	private final StrategyService strategies;

	BackupStrategyController(StrategyService strategies) {
		this.strategies = strategies;
	}

	@GetMapping
	StrategyView get() {
		return view(this.strategies.get());
	}

	@PutMapping
	StrategyView update(@RequestBody StrategyRequest request, Principal principal) {
		if (request == null) {
			throw invalid("strategy", "must not be empty");
		}
		Map<BackupKind, String> schedules = new EnumMap<>(BackupKind.class);
		if (request.schedules() != null) {
			request.schedules().forEach((name, cron) -> {
				try {
					schedules.put(BackupKind.valueOf(name), cron);
				}
				catch (IllegalArgumentException ex) {
					throw invalid("schedules", "must name only LOGICAL, HOT and COLD");
				}
			});
		}
		BackupStrategy strategy = new BackupStrategy(request.directory(), schedules,
				given("compress", request.compress()), given("encrypt", request.encrypt()),
				given("keepDaily", request.keepDaily()), given("keepWeekly", request.keepWeekly()),
				given("keepMonthly", request.keepMonthly()), request.verifyCron());
		return view(this.strategies.update(strategy, principal.getName()));
	}

	@GetMapping("/preview")
	Preview preview(@RequestParam String cron) {
		List<ZonedDateTime> times = this.strategies.preview(cron, 5);
		return new Preview(this.strategies.zone().getId(),
				times.stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).toList());
	}

	private static <T> T given(String field, T value) {
		if (value == null) {
			throw invalid(field, "must not be empty");
		}
		return value;
	}

	private StrategyView view(BackupStrategy strategy) {
		Map<String, String> schedules = new java.util.LinkedHashMap<>();
		for (BackupKind kind : BackupKind.values()) {
			schedules.put(kind.name(), strategy.schedules().get(kind));
		}
		return new StrategyView(strategy.directory(), this.strategies.defaultDirectory().toString(), schedules,
				strategy.compress(), strategy.encrypt(), this.strategies.keyConfigured(), strategy.keepDaily(),
				strategy.keepWeekly(), strategy.keepMonthly(), strategy.verifyCron(), this.strategies.zone().getId());
	}

	/**
	 * The strategy as the console shows and sends it ({@code defaultDirectory},
	 * {@code keyConfigured} and {@code timeZone} are for reading only).
	 */
	record StrategyView(String directory, String defaultDirectory, Map<String, String> schedules, boolean compress,
			boolean encrypt, boolean keyConfigured, int keepDaily, int keepWeekly, int keepMonthly, String verifyCron,
			String timeZone) {
	}

	/**
	 * A changed strategy; a cron expression that is null or empty means "not scheduled".
	 */
	record StrategyRequest(String directory, Map<String, String> schedules, Boolean compress, Boolean encrypt,
			Integer keepDaily, Integer keepWeekly, Integer keepMonthly, String verifyCron) {
	}

	record Preview(String timeZone, List<String> next) {
	}

}
