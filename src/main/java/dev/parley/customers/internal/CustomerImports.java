package dev.parley.customers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.customers.internal.ImportUploads.Upload;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from a CSV file in four steps: the upload (kept in the data
 * directory, its encoding and delimiter detected: {@link ImportUploads}), a preview
 * ({@link ImportPreviews}), the check of every row against a column mapping (a report of
 * the bad rows: {@link ImportChecks}), and the import itself: all rows in one
 * transaction, so an error leaves nothing half-imported. The file is read one record at a
 * time in each step, never whole into memory. The file is deleted when the import is done
 * or abandoned, and an upload left alone for a day is abandoned.
 */
@Service
public class CustomerImports {

	private final JdbcClient jdbc;

	private final ImportUploads uploads;

	private final ImportPreviews previews;

	private final ImportChecks checks;

	private final ImportWriter writer;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final ImportProperties properties;

	CustomerImports(JdbcClient jdbc, ImportUploads uploads, ImportPreviews previews, ImportChecks checks,
			ImportWriter writer, TransactionTemplate transactions, AuditLog audit, Clock clock,
			ImportProperties properties) {
		this.jdbc = jdbc;
		this.uploads = uploads;
		this.previews = previews;
		this.checks = checks;
		this.writer = writer;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * An upload as the preview shows it.
	 *
	 * @param attributeLabels each attribute's label by its key (an {@code attr.KEY}
	 * target)
	 */
	public record Preview(long id, String fileName, long sizeBytes, String encoding, String delimiter,
			List<String> header, List<List<String>> rows, List<String> targets, Map<String, String> attributeLabels,
			List<String> suggested, String state) {
	}

	/** How the columns are read: a target (or null) per column. */
	public record Mapping(List<String> columns, Boolean updateExisting) {
	}

	/**
	 * The check of every row: how many, and what is wrong (the first 200 problems).
	 *
	 * @param maxRows the most rows one import writes
	 */
	public record Report(long rows, long validRows, long problemCount, List<ImportRules.Problem> problems,
			int maxRows) {
	}

	/** A finished import. */
	public record Result(long id, long created, long updated) {
	}

	/**
	 * Keeps the file and detects how it is written.
	 * @throws ApiException 400 for an empty, binary or unreadable file, 413 for one too
	 * large
	 */
	public Preview upload(String fileName, long size, InputStream content, StaffActor actor) throws IOException {
		Upload upload = this.uploads.keep(fileName, size, content, actor);
		try {
			Preview preview = this.previews.of(upload);
			if (preview.header().isEmpty()) {
				this.uploads.abandon(upload.id());
				throw ApiException.badRequest("import_empty", "The file has no header row");
			}
			return preview;
		}
		catch (RuntimeException ex) {
			this.uploads.delete(upload);
			throw ex;
		}
	}

	public Preview preview(long id) {
		return this.previews.of(this.uploads.find(id));
	}

	/** Checks every row against the mapping, reading the file once. */
	public Report validate(long id, Mapping mapping) {
		return this.checks.check(this.uploads.uploaded(id), ImportRules.read(this.jdbc), mapping, null);
	}

	/**
	 * Imports every row in one transaction, after checking them all.
	 * @throws ApiException 409 when a row is wrong (nothing imported) or the import ran
	 * already
	 */
	public Result run(long id, Mapping mapping, StaffActor actor) {
		Upload upload = this.uploads.uploaded(id);
		ImportRules rules = ImportRules.read(this.jdbc);
		Report report = this.checks.check(upload, rules, mapping, null);
		if (report.problemCount() > 0) {
			throw ApiException.conflict("import_invalid_rows", report.problemCount() + " problems in the file")
				.with("problemCount", report.problemCount());
		}
		if (report.rows() > this.properties.maxRows()) {
			throw ApiException
				.badRequest("import_too_many_rows",
						"At most " + this.properties.maxRows() + " rows are imported at once; split the file")
				.with("maxRows", this.properties.maxRows());
		}
		boolean updateExisting = Boolean.TRUE.equals(mapping.updateExisting());
		Instant at = this.clock.instant();
		long[] counts = new long[2];
		this.transactions.executeWithoutResult((tx) -> {
			this.uploads.lockUploaded(id);
			this.checks.check(upload, rules, mapping, (row) -> {
				boolean created = this.writer.write(row, updateExisting, actor.id(), at);
				counts[created ? 0 : 1]++;
			});
			this.uploads.imported(id, counts[0], counts[1]);
			this.audit.record(actor.username(), "customer.imported", upload.fileName(), AuditResult.SUCCESS,
					counts[0] + " created, " + counts[1] + " updated");
		});
		this.uploads.delete(upload);
		return new Result(id, counts[0], counts[1]);
	}

	/** Forgets an upload: its file is deleted. */
	public void abandon(long id) {
		this.uploads.abandon(id);
	}

}
