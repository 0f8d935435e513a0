package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import dev.parley.operations.BackupKind;
import dev.parley.operations.DatabaseRestored;
import dev.parley.platform.ApiException;
import dev.parley.platform.ReadCaches;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with backups: take one now, verify one, restore one, delete one. Backups
 * and restores hold the backup lease, so at most one runs at a time in the whole cluster
 * ({@link BackupLease}; a second is refused at once); the work runs in the background and
 * its state is read from the catalogue and the restore log.
 */
@Service
public class BackupJobs {

	private final BackupRunner runner;

	private final BackupCatalogue catalogue;

	private final RestoreLog restores;

	private final BackupFiles files;

	private final BackupLease lease;

	private final Maintenance maintenance;

	private final DataSource dataSource;

	private final Settings settings;

	private final AuditLog audit;

	private final ReadCaches caches;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Executor background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "backup");
		thread.setDaemon(true);
		return thread;
	});

	BackupJobs(BackupRunner runner, BackupCatalogue catalogue, RestoreLog restores, BackupFiles files,
			BackupLease lease, Maintenance maintenance, DataSource dataSource, Settings settings, AuditLog audit,
			ReadCaches caches, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.runner = runner;
		this.catalogue = catalogue;
		this.restores = restores;
		this.files = files;
		this.lease = lease;
		this.maintenance = maintenance;
		this.dataSource = dataSource;
		this.settings = settings;
		this.audit = audit;
		this.caches = caches;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Starts a backup now, in the background. */
	public BackupRun start(BackupKind kind, String actor) {
		takeLease();
		try {
			BackupRun run = this.runner.begin(kind, false, actor);
			this.audit.record(actor, "backup.started", run.fileName(), AuditResult.SUCCESS, kind.name());
			this.background.execute(() -> {
				try {
					this.runner.run(run);
				}
				finally {
					this.lease.release();
				}
			});
			return run;
		}
		catch (RuntimeException ex) {
			this.lease.release();
			throw ex;
		}
	}

	/** Verifies a backup in the background (a trial restore needs no lease). */
	public BackupRun verify(long id, String actor) {
		BackupRun run = kept(id);
		if (run.verification() == Verification.RUNNING) {
			throw new ApiException(HttpStatus.CONFLICT, "backup_busy", "This backup is being verified already");
		}
		this.catalogue.verification(id, Verification.RUNNING, null, null);
		this.audit.record(actor, "backup.verify", run.fileName(), AuditResult.SUCCESS, null);
		this.background.execute(() -> this.runner.verify(run));
		return this.catalogue.find(id).orElseThrow();
	}

	/**
	 * Restores a backup into this installation's database, in maintenance mode, in the
	 * background.
	 * @param confirmation the installation's name, typed by the person
	 */
	public RestoreRun restore(long id, String confirmation, String actor) {
		BackupRun run = kept(id);
		if (confirmation == null || !confirmation.equals(this.settings.get("organisation.name"))) {
			throw ApiException.invalid("confirmation", "must be the installation's name exactly as it is shown");
		}
		checkReadable(run);
		takeLease();
		try {
			long restoreId = this.restores.started(id, run.fileName(), actor, this.files.node(), this.clock.instant());
			this.background.execute(() -> {
				try {
					restoreNow(run, restoreId, actor);
				}
				finally {
					this.lease.release();
				}
			});
			return this.restores.find(restoreId).orElseThrow();
		}
		catch (RuntimeException ex) {
			this.lease.release();
			throw ex;
		}
	}

	private void restoreNow(BackupRun run, long restoreId, String actor) {
		try (Maintenance.Handle window = this.maintenance.enter(MaintenanceReason.RESTORE, null, actor);
				Connection connection = this.dataSource.getConnection();
				ArchiveReader archive = ArchiveReader.open(run.file(), this.files.cipher())) {
			// a backup of this installation keeps everyone signed in (keys are never
			// given out
			// twice, so a session's account is the same person); one from elsewhere ends
			// every
			// session
			boolean elsewhere = !this.settings.get("organisation.name").equals(archive.info().installation());
			DatabaseRestore.Result result = DatabaseRestore.replace(connection, archive,
					(table, index, total) -> this.restores.progress(restoreId, index + "/" + total + " " + table),
					elsewhere);
			String report = RowCodec.json().writeValueAsString(result.report());
			this.transactions.executeWithoutResult((tx) -> {
				this.restores.finished(restoreId, RestoreRun.RestoreStatus.SUCCEEDED, this.clock.instant(), null,
						report);
				this.audit.record(actor, "backup.restored", run.fileName(), AuditResult.SUCCESS,
						result.report().rows() + " rows");
				this.events.publishEvent(new DatabaseRestored(run.id(), restoreId, actor));
			});
			this.caches.changedAll();
		}
		catch (Exception ex) {
			String error = BackupRunner.describe(ex);
			this.transactions.executeWithoutResult((tx) -> {
				this.restores.finished(restoreId, RestoreRun.RestoreStatus.FAILED, this.clock.instant(), error, null);
				this.audit.record(actor, "backup.restored", run.fileName(), AuditResult.FAILURE, error);
			});
		}
	}

	/**
	 * Notes a download of a backup's file (a copy of every customer's data) in the audit
	 * log.
	 */
	public void downloaded(BackupRun run, String actor) {
		this.audit.record(actor, "backup.downloaded", run.fileName(), AuditResult.SUCCESS, null);
	}

	/** Deletes a backup's file; its entry stays in the catalogue as history. */
	public BackupRun delete(long id, String actor) {
		BackupRun run = kept(id);
		try {
			Files.deleteIfExists(run.file());
		}
		catch (IOException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "backup_file",
					"The file could not be deleted: " + ex.getMessage());
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.catalogue.deleted(id, this.clock.instant(), actor);
			this.audit.record(actor, "backup.deleted", run.fileName(), AuditResult.SUCCESS, null);
		});
		return this.catalogue.find(id).orElseThrow();
	}

	public BackupRun get(long id) {
		return this.catalogue.find(id).orElseThrow(BackupJobs::notFound);
	}

	public List<BackupRun> page(Long before, int limit) {
		return this.catalogue.page(before, limit);
	}

	public RestoreRun restoreRun(long id) {
		return this.restores.find(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "There is no such restore"));
	}

	public List<RestoreRun> recentRestores() {
		return this.restores.recent(20);
	}

	private BackupRun kept(long id) {
		BackupRun run = get(id);
		if (run.status() != BackupStatus.SUCCEEDED) {
			throw new ApiException(HttpStatus.CONFLICT, "backup_unusable",
					"Only a backup that succeeded and was not deleted can be used");
		}
		return run;
	}

	/** Refuses a file that cannot be restored before anything else happens. */
	private void checkReadable(BackupRun run) {
		try {
			if (!this.runner.checksumHolds(run)) {
				throw BackupRefused.damaged("the file differs from the one written (size or SHA-256)");
			}
		}
		catch (IOException ex) {
			throw refused(BackupRefused.damaged(ex.getMessage()));
		}
		catch (BackupRefused ex) {
			throw refused(ex);
		}
		try (ArchiveReader archive = ArchiveReader.open(run.file(), this.files.cipher())) {
			if (run.encrypted() && !archive.header().encrypted()) {
				throw BackupRefused.damaged("it was written encrypted and is not");
			}
		}
		catch (BackupRefused ex) {
			throw refused(ex);
		}
		catch (IOException ex) {
			throw refused(BackupRefused.damaged(ex.getMessage()));
		}
	}

	/**
	 * The refusal as a problem: a fixed sentence per reason (translated like every
	 * problem); the technical detail stays in the catalogue and the log.
	 */
	static ApiException refused(BackupRefused ex) {
		switch (ex.reason()) {
			case WRONG_KEY:
				return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "backup_key",
						"The backup file is encrypted with a key that is not configured here");
			case FOREIGN_VERSION:
				return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "backup_version",
						"The backup was written by a Parley with another database schema");
			case NOT_A_BACKUP:
				return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "backup_damaged",
						"The file is missing or is not a Parley backup");
			default:
				return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "backup_damaged",
						"The backup file is damaged or incomplete; nothing was changed");
		}
	}

	private void takeLease() {
		if (!this.lease.take()) {
			throw new ApiException(HttpStatus.CONFLICT, "backup_busy",
					"A backup or a restore is running; try again when it has finished");
		}
	}

	private static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "not_found", "There is no such backup");
	}

}
