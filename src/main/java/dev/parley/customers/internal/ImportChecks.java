package dev.parley.customers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import dev.parley.customers.internal.CustomerImports.Mapping;
import dev.parley.customers.internal.CustomerImports.Report;
import dev.parley.customers.internal.ImportUploads.Upload;
import dev.parley.platform.ApiException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * The check of every row of an upload against a column mapping, by the import rules: how
 * many rows, how many good, the first {@value #REPORTED_PROBLEMS} problems. The import
 * runs the same check and writes each good row as it goes. The file is read one record at
 * a time, never whole into memory.
 */
@Component
class ImportChecks {

	static final int REPORTED_PROBLEMS = 200;

	private final ImportUploads uploads;

	private final ImportProperties properties;

	ImportChecks(ImportUploads uploads, ImportProperties properties) {
		this.uploads = uploads;
		this.properties = properties;
	}

	/**
	 * Reads every data row, checks it and hands each good one to the sink (when given).
	 */
	Report check(Upload upload, ImportRules rules, Mapping mapping, Consumer<ImportRules.Row> sink) {
		if (mapping == null) {
			throw ApiException.invalid("columns", "give one target (or null) for each of the columns");
		}
		List<ImportRules.Problem> problems = new ArrayList<>();
		long[] problemCount = { 0 };
		long rows = 0;
		long valid = 0;
		try (CSVParser parser = this.uploads.open(upload)) {
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
			throw ImportUploads.unreadable(ex);
		}
		return new Report(rows, valid, problemCount[0], problems, this.properties.maxRows());
	}

}
