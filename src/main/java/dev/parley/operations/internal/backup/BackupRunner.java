package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import dev.parley.administration.Settings;
import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import dev.parley.operations.BackupFinished;
import dev.parley.operations.BackupKind;
import dev.parley.operations.BackupVerified;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes backups and verifies them: the work itself, run by whoever holds the backup lease
 * (a person's request through {@link BackupJobs}, or the schedule).
 */
@Component
class BackupRunner {

	private final DataSource dataSource;

	private final BackupCatalogue catalogue;

	private final StrategyRepository strategies;

	private final BackupFiles files;

	private final Maintenance maintenance;

	private final Settings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BackupRunner(DataSource dataSource, BackupCatalogue catalogue, StrategyRepository strategies, BackupFiles files,
			Maintenance maintenance, Settings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.dataSource = dataSource;
		this.catalogue = catalogue;
		this.strategies = strategies;
		this.files = files;
		this.maintenance = maintenance;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Records a backup as running in the catalogue.
	 * @throws BackupRefused when the strategy asks for encryption and no key is
	 * configured
	 */
	BackupRun begin(BackupKind kind, boolean scheduled, String actor) {
		BackupStrategy strategy = this.strategies.get();
		if (strategy.encrypt() && this.files.cipher() == null) {
			throw new BackupRefused(BackupRefused.Reason.WRONG_KEY,
					"The strategy encrypts backups and no key is configured (parley.backup.encryption-key)");
		}
		Instant now = this.clock.instant();
		Path directory = this.files.directory(strategy);
		String engine;
		try (Connection connection = this.dataSource.getConnection()) {
			engine = Engine.of(connection).label();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database does not answer", ex);
		}
		long id = this.catalogue.started(kind, scheduled, actor, this.files.node(), engine, now, directory.toString(),
				"pending", strategy.encrypt(), strategy.compress());
		String fileName = this.files.fileName(kind, now, id);
		this.transactions.executeWithoutResult((tx) -> this.catalogue.renamed(id, fileName));
		return this.catalogue.find(id).orElseThrow();
	}

	/**
	 * Records a scheduled backup that could not even start (e.g. the strategy encrypts
	 * and the key was removed from the configuration) as failed, so it is told like any
	 * other failure instead of the schedule stopping in silence.
	 */
	void couldNotStart(BackupKind kind, String error) {
		BackupStrategy strategy = this.strategies.get();
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((tx) -> {
			long id = this.catalogue.started(kind, true, null, this.files.node(), "-", now,
					this.files.directory(strategy).toString(), "-", strategy.encrypt(), strategy.compress());
			this.catalogue.failed(id, now, error);
			this.events.publishEvent(new BackupFinished(id, kind, true, false, error));
		});
	}

	/** Takes the backup begun; records and announces how it went. */
	BackupRun run(BackupRun run) {
		try {
			Files.createDirectories(Path.of(run.directory()));
			ArchiveWriter.Written written;
			String[] version = new String[1];
			int[] tables = new int[1];
			try (Maintenance.Handle window = (run.kind() == BackupKind.COLD)
					? this.maintenance.enter(MaintenanceReason.BACKUP, null, actorOf(run)) : null;
					Connection connection = this.dataSource.getConnection()) {
				Engine engine = Engine.of(connection);
				written = DatabaseExport.copy(connection, engine, (schemaVersion, layouts) -> {
					version[0] = schemaVersion;
					tables[0] = layouts.size();
					ArchiveContents.Info info = new ArchiveContents.Info(ArchiveContents.FORMAT, this.files.version(),
							schemaVersion, engine.label(), run.kind().name(), this.clock.millis(),
							this.settings.get("organisation.name"), layouts.stream().map(TableLayout::name).toList());
					return ArchiveWriter.create(run.file(), info, run.encrypted() ? this.files.cipher() : null,
							run.compressed());
				});
			}
			Instant now = this.clock.instant();
			this.transactions.executeWithoutResult((tx) -> {
				this.catalogue.succeeded(run.id(), now, version[0], written.size(), written.sha256(), tables[0],
						written.manifest().totalRows());
				this.events.publishEvent(new BackupFinished(run.id(), run.kind(), run.scheduled(), true, null));
			});
		}
		catch (Exception ex) {
			String error = describe(ex);
			this.transactions.executeWithoutResult((tx) -> {
				this.catalogue.failed(run.id(), this.clock.instant(), error);
				this.events.publishEvent(new BackupFinished(run.id(), run.kind(), run.scheduled(), false, error));
			});
		}
		return this.catalogue.find(run.id()).orElseThrow();
	}

	/**
	 * Verifies a backup: the file's checksum re-read, then a trial restore into a scratch
	 * database compared with the manifest.
	 */
	BackupRun verify(BackupRun run) {
		this.catalogue.verification(run.id(), Verification.RUNNING, null, null);
		String detail;
		boolean passed;
		try {
			detail = trialRestore(run);
			passed = true;
		}
		catch (BackupRefused ex) {
			detail = ex.getMessage();
			passed = false;
		}
		catch (Exception ex) {
			detail = describe(ex);
			passed = false;
		}
		String outcome = detail;
		boolean result = passed;
		this.transactions.executeWithoutResult((tx) -> {
			this.catalogue.verification(run.id(), result ? Verification.PASSED : Verification.FAILED,
					this.clock.instant(), outcome);
			this.events.publishEvent(new BackupVerified(run.id(), result, outcome, this.clock.instant()));
		});
		return this.catalogue.find(run.id()).orElseThrow();
	}

	/**
	 * Re-reads the file's checksum only, recording a failure (cheap, for every kept
	 * backup).
	 */
	void verifyChecksum(BackupRun run) {
		boolean holds;
		try {
			holds = checksumHolds(run);
		}
		catch (IOException ex) {
			holds = false;
		}
		if (!holds) {
			String detail = "The file is gone or its checksum differs from the one recorded when it was written";
			this.transactions.executeWithoutResult((tx) -> {
				this.catalogue.verification(run.id(), Verification.FAILED, this.clock.instant(), detail);
				this.events.publishEvent(new BackupVerified(run.id(), false, detail, this.clock.instant()));
			});
		}
	}

	/** Re-reads the file's checksum only. */
	boolean checksumHolds(BackupRun run) throws IOException {
		return Files.isRegularFile(run.file()) && Files.size(run.file()) == run.sizeBytes()
				&& BackupFiles.sha256(run.file()).equals(run.sha256());
	}

	private String trialRestore(BackupRun run) throws IOException, SQLException {
		if (!Files.isRegularFile(run.file())) {
			throw new BackupRefused(BackupRefused.Reason.NOT_A_BACKUP, "The file " + run.file() + " is gone");
		}
		if (!checksumHolds(run)) {
			throw BackupRefused.damaged("the file's checksum differs from the one recorded when it was written");
		}
		try (ArchiveReader archive = ArchiveReader.open(run.file(), this.files.cipher());
				ScratchDatabase scratch = ScratchDatabase.create(Path.of(run.directory()),
						archive.info().schemaVersion());
				Connection connection = scratch.connect()) {
			DatabaseRestore.Result result = DatabaseRestore.replace(connection, archive, (table, index, total) -> {
			});
			return "Restored into a scratch database and checked: " + result.manifest().tables().size() + " tables, "
					+ result.report().rows() + " rows, checksums and foreign keys match";
		}
	}

	private static String actorOf(BackupRun run) {
		return (run.startedBy() != null) ? run.startedBy() : "backup schedule";
	}

	static String describe(Exception ex) {
		if (ex instanceof BackupRefused) {
			return ex.getMessage();
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
