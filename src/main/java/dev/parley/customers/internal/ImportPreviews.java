package dev.parley.customers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import dev.parley.customers.internal.CustomerImports.Preview;
import dev.parley.customers.internal.ImportUploads.Upload;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the preview of an upload shows before anyone maps its columns: the header, the
 * first rows, the targets a column can be read into, and a target suggested for each
 * heading that names one.
 */
@Component
class ImportPreviews {

	static final int PREVIEW_ROWS = 10;

	private final JdbcClient jdbc;

	private final ImportUploads uploads;

	ImportPreviews(JdbcClient jdbc, ImportUploads uploads) {
		this.jdbc = jdbc;
		this.uploads = uploads;
	}

	/** The preview; an upload imported or abandoned already shows no rows. */
	Preview of(Upload upload) {
		List<String> header = List.of();
		List<List<String>> rows = new ArrayList<>();
		if (upload.uploaded()) {
			try (CSVParser parser = this.uploads.open(upload)) {
				Iterator<CSVRecord> records = parser.iterator();
				header = records.hasNext() ? records.next().toList() : List.of();
				while (records.hasNext() && rows.size() < PREVIEW_ROWS) {
					rows.add(records.next().toList());
				}
			}
			catch (IOException | UncheckedIOException ex) {
				throw ImportUploads.unreadable(ex);
			}
		}
		ImportRules rules = ImportRules.read(this.jdbc);
		return new Preview(upload.id(), upload.fileName(), upload.sizeBytes(), upload.encoding().label,
				String.valueOf(upload.delimiter()), header, rows, rules.targets(), rules.attributeLabels(),
				suggest(header, rules.targets()), upload.state());
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

}
