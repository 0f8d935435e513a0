package dev.parley.customers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from a CSV file in four steps: the upload (kept in the data
 * directory, its encoding and delimiter detected), a preview, the check of every row
 * against a column mapping (a report of the bad rows), and the import itself: all rows in
 * one transaction, so an error leaves nothing half-imported. The file is read one record
 * at a time in each step, never whole into memory. The file is deleted when the import is
 * done or abandoned, and an upload left alone for a day is abandoned.
 */
@Service
public class CustomerImports {

	private static final Logger logger = LoggerFactory.getLogger(CustomerImports.class);

	static final int PREVIEW_ROWS = 10;

	static final int REPORTED_PROBLEMS = 200;

	private final JdbcClient jdbc;

	private final ImportWriter writer;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final Path directory;

	private final ImportProperties properties;

	CustomerImports(JdbcClient jdbc, ImportWriter writer, TransactionTemplate transactions, AuditLog audit, Clock clock,
			@Value("${parley.data-dir}") String dataDir, ImportProperties properties) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.directory = Path.of(dataDir, "imports");
		this.properties = properties;
	}

	/** An upload as the preview shows it. */
	public record Preview(long id, String fileName, long sizeBytes, String encoding, String delimiter,
			List<String> header, List<List<String>> rows, List<String> targets, List<String> suggested, String state) {
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

	private record Upload(long id, String fileName, String storedName, long sizeBytes, ImportFile.Encoding encoding,
			char delimiter, String state) {
	}

	/**
	 * Keeps the file and detects how it is written.
	 * @throws ApiException 400 for an empty, binary or unreadable file, 413 for one too
	 * large
	 */
	public Preview upload(String fileName, long size, InputStream content, StaffActor actor) throws IOException {
		if (size <= 0) {
			throw ApiException.badRequest("import_empty", "The file is empty");
		}
		if (size > this.properties.maxSize().toBytes()) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "import_too_large",
					"The file is larger than " + this.properties.maxSize());
		}
		Files.createDirectories(this.directory);
		String storedName = UUID.randomUUID() + ".csv";
		Path file = this.directory.resolve(storedName);
		Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		try {
			ImportFile.Encoding encoding = ImportFile.detect(file);
			char delimiter = ImportFile.delimiter(file, encoding);
			String name = clip((fileName != null && !fileName.isBlank()) ? Path.of(fileName).getFileName().toString()
					: "customers.csv", 255);
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql(
					"INSERT INTO customer_import (file_name, stored_name, size_bytes, encoding, delimiter_char, state, "
							+ "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(name, storedName, Files.size(file), encoding.label, String.valueOf(delimiter),
						ImportState.UPLOADED.name(), actor.username(), this.clock.millis())
				.update(keys, "id");
			Preview preview = preview(keys.getKeyAs(Number.class).longValue());
			if (preview.header().isEmpty()) {
				abandon(preview.id());
				throw ApiException.badRequest("import_empty", "The file has no header row");
			}
			return preview;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	public Preview preview(long id) {
		Upload upload = find(id);
		List<String> header = List.of();
		List<List<String>> rows = new ArrayList<>();
		if (upload.state().equals(ImportState.UPLOADED.name())) {
			try (CSVParser parser = open(upload)) {
				Iterator<CSVRecord> records = parser.iterator();
				header = records.hasNext() ? records.next().toList() : List.of();
				while (records.hasNext() && rows.size() < PREVIEW_ROWS) {
					rows.add(records.next().toList());
				}
			}
			catch (IOException | UncheckedIOException ex) {
				throw unreadable(ex);
			}
		}
		ImportRules rules = ImportRules.read(this.jdbc);
		return new Preview(upload.id(), upload.fileName(), upload.sizeBytes(), upload.encoding().label,
				String.valueOf(upload.delimiter()), header, rows, rules.targets(), suggest(header, rules.targets()),
				upload.state());
	}

	/** Checks every row against the mapping, reading the file once. */
	public Report validate(long id, Mapping mapping) {
		Upload upload = uploaded(id);
		ImportRules rules = ImportRules.read(this.jdbc);
		return check(upload, rules, mapping, null);
	}

	/**
	 * Imports every row in one transaction, after checking them all.
	 * @throws ApiException 409 when a row is wrong (nothing imported) or the import ran
	 * already
	 */
	public Result run(long id, Mapping mapping, StaffActor actor) {
		Upload upload = uploaded(id);
		ImportRules rules = ImportRules.read(this.jdbc);
		Report report = check(upload, rules, mapping, null);
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
			String state = this.jdbc.sql("SELECT state FROM customer_import WHERE id = ? FOR UPDATE")
				.param(id)
				.query(String.class)
				.single();
			if (!state.equals(ImportState.UPLOADED.name())) {
				throw ApiException.conflict("import_done", "This file was imported or abandoned already");
			}
			check(upload, rules, mapping, (row) -> {
				boolean created = this.writer.write(row, updateExisting, actor.id(), at);
				counts[created ? 0 : 1]++;
			});
			this.jdbc
				.sql("UPDATE customer_import SET state = ?, finished_at = ?, rows_created = ?, rows_updated = ? "
						+ "WHERE id = ?")
				.params(ImportState.IMPORTED.name(), this.clock.millis(), counts[0], counts[1], id)
				.update();
			this.audit.record(actor.username(), "customer.imported", upload.fileName(), AuditResult.SUCCESS,
					counts[0] + " created, " + counts[1] + " updated");
		});
		deleteFile(upload);
		return new Result(id, counts[0], counts[1]);
	}

	/** Forgets an upload: its file is deleted. */
	public void abandon(long id) {
		Upload upload = find(id);
		if (upload.state().equals(ImportState.UPLOADED.name())) {
			this.jdbc.sql("UPDATE customer_import SET state = ?, finished_at = ? WHERE id = ? AND state = ?")
				.params(ImportState.ABANDONED.name(), this.clock.millis(), id, ImportState.UPLOADED.name())
				.update();
		}
		deleteFile(upload);
	}

	/** Abandons the uploads left alone for longer than configured. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
	public void abandonForgotten() {
		long before = this.clock.millis() - this.properties.keepFor().toMillis();
		for (Long id : this.jdbc.sql("SELECT id FROM customer_import WHERE state = ? AND created_at < ?")
			.params(ImportState.UPLOADED.name(), before)
			.query(Long.class)
			.list()) {
			logger.info("Customer import {} left alone since before {}; abandoned, file deleted", id,
					Instant.ofEpochMilli(before));
			abandon(id);
		}
	}

	/**
	 * Reads every data row, checks it and hands each good one to the sink (when given).
	 */
	private Report check(Upload upload, ImportRules rules, Mapping mapping,
			java.util.function.Consumer<ImportRules.Row> sink) {
		if (mapping == null) {
			throw ApiException.invalid("columns", "give one target (or null) for each of the columns");
		}
		List<ImportRules.Problem> problems = new ArrayList<>();
		long[] problemCount = { 0 };
		long rows = 0;
		long valid = 0;
		try (CSVParser parser = open(upload)) {
			Iterator<CSVRecord> records = parser.iterator();
			List<String> header = records.hasNext() ? records.next().toList() : List.of();
			List<String> columns = rules.checkMapping(mapping.columns(), header.size());
			while (records.hasNext()) {
				CSVRecord record = records.next();
				rows++;
				ImportRules.Row row = rules.check(record, columns, header, (problem) -> {
					problemCount[0]++;
					if (problems.size() < REPORTED_PROBLEMS) {
						problems.add(problem);
					}
				});
				if (row != null) {
					valid++;
					if (sink != null) {
						sink.accept(row);
					}
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw unreadable(ex);
		}
		return new Report(rows, valid, problemCount[0], problems, this.properties.maxRows());
	}

	private CSVParser open(Upload upload) throws IOException {
		return ImportFile.parser(this.directory.resolve(upload.storedName()), upload.encoding(), upload.delimiter());
	}

	private Upload find(long id) {
		return this.jdbc
			.sql("SELECT id, file_name, stored_name, size_bytes, encoding, delimiter_char, state FROM customer_import "
					+ "WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					ImportFile.Encoding.of(rs.getString(5)), rs.getString(6).charAt(0), rs.getString(7)))
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Import"));
	}

	private Upload uploaded(long id) {
		Upload upload = find(id);
		if (!upload.state().equals(ImportState.UPLOADED.name())) {
			throw ApiException.conflict("import_done", "This file was imported or abandoned already");
		}
		return upload;
	}

	private void deleteFile(Upload upload) {
		try {
			Files.deleteIfExists(this.directory.resolve(upload.storedName()));
		}
		catch (IOException ex) {
			logger.warn("Could not delete the imported file {}", upload.storedName(), ex);
		}
	}

	private static ApiException unreadable(Exception ex) {
		return ApiException.badRequest("import_unreadable", "The file is not readable CSV: " + ex.getMessage());
	}

	/** A target for each heading that names one (in English or Chinese), else null. */
	static List<String> suggest(List<String> header, List<String> targets) {
		List<String> suggested = new ArrayList<>();
		for (String heading : header) {
			String h = heading.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
			String target = switch (h) {
				case "name", "fullname", "姓名", "名字", "客户名称", "客戶名稱" -> "name";
				case "email", "e-mail", "mail", "邮箱", "电子邮件", "郵箱", "電子郵件" -> "email";
				case "phone", "mobile", "tel", "telephone", "电话", "手机", "電話", "手機" -> "phone";
				case "company", "organisation", "organization", "公司" -> "company";
				case "language", "lang", "语言", "語言" -> "language";
				case "timezone", "时区", "時區" -> "timeZone";
				case "level", "category", "等级", "等級" -> "level";
				case "tags", "tag", "标签", "標籤" -> "tags";
				case "note", "notes", "备注", "備註" -> "note";
				default -> targets.contains(ImportRules.ATTRIBUTE + heading.strip())
						? ImportRules.ATTRIBUTE + heading.strip() : null;
			};
			suggested.add((target != null && !suggested.contains(target)) ? target : null);
		}
		return suggested;
	}

	private static String clip(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	/** Where an upload stands. */
	enum ImportState {

		UPLOADED, IMPORTED, ABANDONED

	}

}
