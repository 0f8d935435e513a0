package dev.parley.analytics.web;

import dev.parley.analytics.internal.Rebuilds;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recomputing every figure from the transcripts (docs/api.md, "Reports"). */
@RestController
@RequiresPermission(Permission.STATISTICS_VIEW_ALL)
class RebuildController {

	private final Rebuilds rebuilds;

	RebuildController(Rebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	@PostMapping("/api/v1/reports/rebuild")
	ResponseEntity<Rebuilds.Status> start(StaffActor actor) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.rebuilds.start(actor));
	}

	@GetMapping("/api/v1/reports/rebuild")
	Rebuilds.Status status() {
		return this.rebuilds.status();
	}

}
