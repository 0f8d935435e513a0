package dev.parley.operations.web;

import java.io.IOException;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import dev.parley.operations.BackupKind;
import dev.parley.operations.internal.backup.BackupJobs;
import dev.parley.operations.internal.backup.BackupRun;
import dev.parley.operations.internal.backup.RestoreRun;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/**
 * The backup catalogue: taking, verifying, downloading, restoring and deleting backups.
 */
@RestController
@RequestMapping("/api/v1/operations")
@RequiresPermission(Permission.BACKUP_RUN)
class BackupController {

	private final BackupJobs jobs;

	BackupController(BackupJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/backups")
	Page list(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw invalid("limit", "must be between 1 and 200");
		}
		List<BackupView> items = this.jobs.page(before, limit).stream().map(BackupView::of).toList();
		Long next = (items.size() == limit) ? items.get(items.size() - 1).id() : null;
		return new Page(items, next);
	}

	@PostMapping("/backups")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BackupView start(@RequestBody StartRequest request, Principal principal) {
		if (request == null || request.kind() == null) {
			throw invalid("kind", "must be one of LOGICAL, HOT, COLD");
		}
		BackupKind kind;
		try {
			kind = BackupKind.valueOf(request.kind());
		}
		catch (IllegalArgumentException ex) {
			throw invalid("kind", "must be one of LOGICAL, HOT, COLD");
		}
		return BackupView.of(this.jobs.start(kind, principal.getName()));
	}

	@GetMapping("/backups/{id}")
	BackupView get(@PathVariable long id) {
		return BackupView.of(this.jobs.get(id));
	}

	@PostMapping("/backups/{id}/verify")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BackupView verify(@PathVariable long id, Principal principal) {
		return BackupView.of(this.jobs.verify(id, principal.getName()));
	}

	@PostMapping("/backups/{id}/restore")
	@ResponseStatus(HttpStatus.ACCEPTED)
	RestoreView restore(@PathVariable long id, @RequestBody RestoreRequest request, Principal principal) {
		if (request == null || request.confirmation() == null || request.confirmation().length() > 200) {
			throw invalid("confirmation", "must be the installation's name exactly as it is shown");
		}
		return RestoreView.of(this.jobs.restore(id, request.confirmation(), principal.getName()));
	}

	@DeleteMapping("/backups/{id}")
	BackupView delete(@PathVariable long id, Principal principal) {
		return BackupView.of(this.jobs.delete(id, principal.getName()));
	}

	/** The file as stored (encrypted if it was), to copy it elsewhere. */
	@GetMapping("/backups/{id}/file")
	ResponseEntity<Resource> download(@PathVariable long id, Principal principal) throws IOException {
		BackupRun run = this.jobs.get(id);
		if (!Files.isRegularFile(run.file())) {
			throw ApiException.notFound("backup file");
		}
		this.jobs.downloaded(run, principal.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(Files.size(run.file()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(run.fileName()).build().toString())
			.body(new FileSystemResource(run.file()));
	}

	@GetMapping("/restores")
	List<RestoreView> restores() {
		return this.jobs.recentRestores().stream().map(RestoreView::of).toList();
	}

	@GetMapping("/restores/{id}")
	RestoreView restoreRun(@PathVariable long id) {
		return RestoreView.of(this.jobs.restoreRun(id));
	}

	record StartRequest(String kind) {
	}

	record RestoreRequest(String confirmation) {
	}

	record Page(List<BackupView> items, Long nextCursor) {
	}

	record BackupView(long id, String kind, String status, boolean scheduled, String startedBy, String node,
			String engine, String schemaVersion, Instant startedAt, Instant finishedAt, Long durationMillis,
			String directory, String fileName, Long sizeBytes, String sha256, boolean encrypted, boolean compressed,
			Integer tableCount, Long rowCount, String error, String verification, Instant verifiedAt,
			String verificationDetail, Instant deletedAt, String deletedBy) {

		static BackupView of(BackupRun r) {
			return new BackupView(r.id(), r.kind().name(), r.status().name(), r.scheduled(), r.startedBy(), r.node(),
					r.engine(), r.schemaVersion(), r.startedAt(), r.finishedAt(), r.durationMillis(), r.directory(),
					r.fileName(), r.sizeBytes(), r.sha256(), r.encrypted(), r.compressed(), r.tableCount(),
					r.rowCount(), r.error(), r.verification().name(), r.verifiedAt(), r.verificationDetail(),
					r.deletedAt(), r.deletedBy());
		}

	}

	record RestoreView(long id, Long backupId, String fileName, String status, String startedBy, String node,
			Instant startedAt, Instant finishedAt, String progress, String error, String report) {

		static RestoreView of(RestoreRun r) {
			return new RestoreView(r.id(), r.backupId(), r.fileName(), r.status().name(), r.startedBy(), r.node(),
					r.startedAt(), r.finishedAt(), r.progress(), r.error(), r.report());
		}

	}

}
