package dev.parley.operations.web;

import java.time.Instant;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.AllowedDuringMaintenance;
import dev.parley.platform.ApiException;
import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintenance mode over HTTP: its state for anyone (the console's banner, the widget),
 * and the switch for upgrades that cannot be rolled node by node, guarded by
 * {@code system.upgrade} and audited. Both switch endpoints stay open during maintenance.
 */
@RestController
class MaintenanceController {

	private final Maintenance maintenance;

	private final AuditLog audit;

	MaintenanceController(Maintenance maintenance, AuditLog audit) {
		this.maintenance = maintenance;
		this.audit = audit;
	}

	/** Public: whether maintenance is active, why and since when (not who began it). */
	@GetMapping("/api/v1/maintenance")
	MaintenanceView state() {
		return MaintenanceView.of(this.maintenance.current().orElse(null), false);
	}

	/** The same for the System screen, with who began it. */
	@GetMapping("/api/v1/operations/maintenance")
	@RequiresPermission(Permission.SYSTEM_UPGRADE)
	MaintenanceView operatorState() {
		return MaintenanceView.of(this.maintenance.current().orElse(null), true);
	}

	@PostMapping("/api/v1/operations/maintenance")
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.SYSTEM_UPGRADE)
	@AllowedDuringMaintenance
	MaintenanceView enter(@RequestBody(required = false) EnterRequest request, StaffActor actor) {
		String message = (request != null) ? request.message() : null;
		if (message != null && message.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
			throw ApiException.invalid("message", "must not contain control characters");
		}
		try {
			this.maintenance.enter(MaintenanceReason.UPGRADE, message, actor.username());
		}
		catch (ApiException ex) {
			if ("maintenance_not_confirmed".equals(ex.code())) {
				this.audit.record(actor.username(), "maintenance.entered", null, AuditResult.FAILURE, ex.getMessage());
			}
			throw ex;
		}
		this.audit.record(actor.username(), "maintenance.entered", null, AuditResult.SUCCESS, message);
		return operatorState();
	}

	/**
	 * Ends a manual maintenance; one a backup or restore began only with {@code force}
	 * (when that job died and left it on).
	 */
	@DeleteMapping("/api/v1/operations/maintenance")
	@RequiresPermission(Permission.SYSTEM_UPGRADE)
	@AllowedDuringMaintenance
	MaintenanceView end(@RequestParam(defaultValue = "false") boolean force, StaffActor actor) {
		Maintenance.Notice notice = this.maintenance.current()
			.orElseThrow(() -> ApiException.conflict("maintenance_not_active", "Maintenance is not active"));
		if (notice.reason() != MaintenanceReason.UPGRADE && !force) {
			throw ApiException.conflict("maintenance_not_manual", "This maintenance belongs to a running "
					+ notice.reason().name().toLowerCase() + "; it ends itself");
		}
		if (!this.maintenance.end(actor.username())) {
			throw ApiException.conflict("maintenance_not_active", "Maintenance is not active");
		}
		this.audit.record(actor.username(), "maintenance.ended", notice.reason().name(), AuditResult.SUCCESS,
				force ? "forced" : null);
		return operatorState();
	}

	/** An operator's message to the people waiting; optional. */
	record EnterRequest(String message) {
	}

	/**
	 * @param by who began it; only for those who may switch it
	 */
	record MaintenanceView(boolean active, String reason, String message, Instant since, String by,
			Integer retryAfterSeconds) {

		static MaintenanceView of(Maintenance.Notice notice, boolean withWho) {
			if (notice == null) {
				return new MaintenanceView(false, null, null, null, null, null);
			}
			return new MaintenanceView(true, notice.reason().name(), notice.message(), notice.since(),
					withWho ? notice.by() : null, 60);
		}

	}

}
