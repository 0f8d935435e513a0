package dev.parley.customers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The files uploaded for import and their rows in {@code customer_import}: keeps a file
 * in the data directory (its encoding and delimiter detected), finds and reads it again,
 * and marks it imported or abandoned; the file is deleted then. An upload left alone for
 * longer than configured is abandoned.
 */
@Component
class ImportUploads {

	private static final Logger logger = LoggerFactory.getLogger(ImportUploads.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Path directory;

	private final ImportProperties properties;

	ImportUploads(JdbcClient jdbc, Clock clock, @Value("${parley.data-dir}") String dataDir,
			ImportProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.directory = Path.of(dataDir, "imports");
		this.properties = properties;
	}

	/** An uploaded file as its row describes it. */
	record Upload(long id, String fileName, String storedName, long sizeBytes, ImportFile.Encoding encoding,
			char delimiter, String state) {

		boolean uploaded() {
			return this.state.equals(ImportState.UPLOADED.name());
		}

	}

	/** Where an upload stands. */
	enum ImportState {

		UPLOADED, IMPORTED, ABANDONED

	}

	/**
	 * Keeps the file and detects how it is written.
	 * @throws ApiException 400 for an empty, binary or unreadable file, 413 for one too
	 * large
	 */
	Upload keep(String fileName, long size, InputStream content, StaffActor actor) throws IOException {
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
			return find(keys.getKeyAs(Number.class).longValue());
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * @throws ApiException 404 for an unknown upload
	 */
	Upload find(long id) {
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

	/**
	 * @throws ApiException 409 when the upload was imported or abandoned already
	 */
	Upload uploaded(long id) {
		Upload upload = find(id);
		if (!upload.uploaded()) {
			throw done();
		}
		return upload;
	}

	/**
	 * Locks the upload's row for the caller's transaction, so that one import runs once.
	 * @throws ApiException 409 when it was imported or abandoned already
	 */
	void lockUploaded(long id) {
		String state = this.jdbc.sql("SELECT state FROM customer_import WHERE id = ? FOR UPDATE")
			.param(id)
			.query(String.class)
			.single();
		if (!state.equals(ImportState.UPLOADED.name())) {
			throw done();
		}
	}

	/** A parser over the file that reads one record at a time. */
	CSVParser open(Upload upload) throws IOException {
		return ImportFile.parser(this.directory.resolve(upload.storedName()), upload.encoding(), upload.delimiter());
	}

	/** Marks the upload imported, in the caller's transaction. */
	void imported(long id, long created, long updated) {
		this.jdbc
			.sql("UPDATE customer_import SET state = ?, finished_at = ?, rows_created = ?, rows_updated = ? "
					+ "WHERE id = ?")
			.params(ImportState.IMPORTED.name(), this.clock.millis(), created, updated, id)
			.update();
	}

	/** Forgets an upload: its file is deleted. */
	void abandon(long id) {
		Upload upload = find(id);
		if (upload.uploaded()) {
			this.jdbc.sql("UPDATE customer_import SET state = ?, finished_at = ? WHERE id = ? AND state = ?")
				.params(ImportState.ABANDONED.name(), this.clock.millis(), id, ImportState.UPLOADED.name())
				.update();
		}
		delete(upload);
	}

	/** Abandons the uploads left alone for longer than configured. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
	void abandonForgotten() {
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
	 * Deletes the upload's file (a file that cannot be deleted is logged, not thrown).
	 */
	void delete(Upload upload) {
		try {
			Files.deleteIfExists(this.directory.resolve(upload.storedName()));
		}
		catch (IOException ex) {
			logger.warn("Could not delete the imported file {}", upload.storedName(), ex);
		}
	}

	/** The 400 for a file that does not read as CSV. */
	static ApiException unreadable(Exception ex) {
		return ApiException.badRequest("import_unreadable", "The file is not readable CSV: " + ex.getMessage());
	}

	private static ApiException done() {
		return ApiException.conflict("import_done", "This file was imported or abandoned already");
	}

	private static String clip(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
