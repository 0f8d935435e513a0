package dev.parley.customers.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.parley.platform.ApiException;
import org.apache.commons.csv.CSVRecord;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a row of an import must be: the column mapping checked against the attribute
 * definitions and levels there are, and each row checked against them. Read once per
 * import (levels and attribute definitions are short lists); rows are checked one at a
 * time as they stream by.
 */
final class ImportRules {

	static final List<String> FIELDS = List.of("name", "email", "phone", "company", "language", "timeZone", "level",
			"tags", "note");

	static final String ATTRIBUTE = "attr.";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

	private static final Pattern TAG = Pattern.compile("[^\\p{Cntrl}]{1,50}");

	/** An attribute an administrator defined. */
	record Attribute(long id, String key, String type, List<String> choices, Pattern pattern, Integer maxLength,
			BigDecimal min, BigDecimal max, boolean sensitive, String label) {
	}

	/** A value of an attribute, in the column of its type. */
	record Value(String text, String choice, BigDecimal number, Integer day) {
	}

	/** A row that passed the checks. */
	record Row(int number, String name, String email, String phone, String company, String language, String timeZone,
			Long levelId, List<String> tags, String note, Map<Attribute, Value> attributes) {
	}

	/** What is wrong with one cell. */
	record Problem(long row, String column, String reason, String message) {
	}

	private final Map<String, Attribute> attributes;

	private final Map<String, Long> levels;

	private ImportRules(Map<String, Attribute> attributes, Map<String, Long> levels) {
		this.attributes = attributes;
		this.levels = levels;
	}

	static ImportRules read(JdbcClient jdbc) {
		Map<String, Attribute> attributes = new LinkedHashMap<>();
		jdbc.sql("SELECT id, attr_key, attr_type, choices, pattern, max_length, min_value, max_value, is_sensitive, "
				+ "label " + "FROM customer_attribute ORDER BY position, id")
			.query((rs) -> {
				String pattern = rs.getString(5);
				Pattern compiled = null;
				try {
					compiled = (pattern != null && !pattern.isBlank()) ? Pattern.compile(pattern) : null;
				}
				catch (PatternSyntaxException ex) {
					// checked where it is defined; an unreadable one checks nothing
				}
				String choices = rs.getString(4);
				attributes.put(rs.getString(2), new Attribute(rs.getLong(1), rs.getString(2), rs.getString(3),
						(choices != null) ? choices.lines().map(String::strip).filter((c) -> !c.isEmpty()).toList()
								: List.of(),
						compiled, rs.getObject(6, Integer.class), rs.getBigDecimal(7), rs.getBigDecimal(8),
						rs.getBoolean(9), rs.getString(10)));
			});
		Map<String, Long> levels = new HashMap<>();
		jdbc.sql("SELECT id, name FROM customer_level").query((rs) -> {
			levels.put(rs.getString(2).strip().toLowerCase(Locale.ROOT), rs.getLong(1));
		});
		return new ImportRules(attributes, levels);
	}

	/** Each attribute's label by its key, for the mapping list. */
	Map<String, String> attributeLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		this.attributes.values().forEach((attribute) -> labels.put(attribute.key(), attribute.label()));
		return labels;
	}

	/** Every target a column may be mapped to. */
	List<String> targets() {
		List<String> targets = new ArrayList<>(FIELDS);
		this.attributes.keySet().forEach((key) -> targets.add(ATTRIBUTE + key));
		return targets;
	}

	/**
	 * Checks a mapping: one target (or none) per column, each target at most once, every
	 * attribute one that exists.
	 * @throws ApiException 400 for a mapping that is not one
	 */
	List<String> checkMapping(List<String> columns, int width) {
		if (columns == null || columns.size() != width) {
			ApiException problem = ApiException.invalid("columns",
					"give one target (or null) for each of the " + width + " columns");
			throw problem.with("width", width);
		}
		List<String> clean = new ArrayList<>();
		for (String column : columns) {
			String target = (column != null && !column.isBlank()) ? column.strip() : null;
			if (target != null && !FIELDS.contains(target) && !(target.startsWith(ATTRIBUTE)
					&& this.attributes.containsKey(target.substring(ATTRIBUTE.length())))) {
				ApiException problem = ApiException.invalid("columns",
						"'" + target + "' is not a field or a known attribute");
				throw problem.with("target", target);
			}
			if (target != null && clean.contains(target)) {
				ApiException problem = ApiException.invalid("columns", "'" + target + "' is mapped twice");
				throw problem.with("target", target);
			}
			clean.add(target);
		}
		if (clean.stream().allMatch((target) -> target == null)) {
			throw ApiException.invalid("columns", "map at least one column");
		}
		return clean;
	}

	/**
	 * Checks one row, telling each problem.
	 * @return the row, or null when something is wrong with it
	 */
	Row check(CSVRecord record, List<String> mapping, List<String> header, Consumer<Problem> problems) {
		int number = (int) record.getRecordNumber();
		int before = problemCount;
		Map<String, String> cells = new HashMap<>();
		for (int i = 0; i < mapping.size(); i++) {
			String target = mapping.get(i);
			if (target != null && i < record.size()) {
				String value = record.get(i).strip();
				if (!value.isEmpty()) {
					cells.put(target, value);
				}
			}
		}
		Consumer<Problem> counting = (problem) -> {
			problemCount++;
			problems.accept(problem);
		};
		String name = length(number, header, mapping, cells, "name", 100, counting);
		String company = length(number, header, mapping, cells, "company", 200, counting);
		String note = length(number, header, mapping, cells, "note", 4000, counting);
		String email = cells.get("email");
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			counting.accept(problem(number, header, mapping, "email", "invalid_email", "not an e-mail address"));
		}
		String phone = cells.get("phone");
		if (phone != null && (!PHONE.matcher(phone).matches() || ContactKind.PHONE.normalize(phone).length() < 5)) {
			counting.accept(problem(number, header, mapping, "phone", "invalid_phone", "not a phone number"));
		}
		String language = cells.get("language");
		if (language != null && (language.length() > 35 || !LANGUAGE.matcher(language).matches())) {
			counting.accept(problem(number, header, mapping, "language", "invalid_language",
					"not a language tag such as zh-CN"));
		}
		String timeZone = cells.get("timeZone");
		if (timeZone != null) {
			try {
				timeZone = ZoneId.of(timeZone).getId();
			}
			catch (DateTimeException ex) {
				counting.accept(problem(number, header, mapping, "timeZone", "invalid_time_zone",
						"not a time zone such as Asia/Shanghai"));
			}
		}
		Long levelId = null;
		if (cells.containsKey("level")) {
			levelId = this.levels.get(cells.get("level").toLowerCase(Locale.ROOT));
			if (levelId == null) {
				counting.accept(problem(number, header, mapping, "level", "unknown_level", "no level with that name"));
			}
		}
		List<String> tags = new ArrayList<>();
		if (cells.containsKey("tags")) {
			for (String part : cells.get("tags").split("[;|]")) {
				String tag = part.strip();
				if (tag.isEmpty()) {
					continue;
				}
				if (!TAG.matcher(tag).matches()) {
					counting
						.accept(problem(number, header, mapping, "tags", "invalid_tag", "a tag is 1-50 characters"));
				}
				else if (!tags.contains(tag)) {
					tags.add(tag);
				}
			}
		}
		Map<Attribute, Value> values = new LinkedHashMap<>();
		for (Map.Entry<String, String> cell : cells.entrySet()) {
			if (cell.getKey().startsWith(ATTRIBUTE)) {
				Attribute attribute = this.attributes.get(cell.getKey().substring(ATTRIBUTE.length()));
				Value value = value(attribute, cell.getValue(), (reason, message) -> counting
					.accept(problem(number, header, mapping, cell.getKey(), reason, message)));
				if (value != null) {
					values.put(attribute, value);
				}
			}
		}
		if (problemCount != before) {
			return null;
		}
		return new Row(number, name, email, phone, company, language, timeZone, levelId, tags, note, values);
	}

	private int problemCount;

	private static Value value(Attribute attribute, String raw, java.util.function.BiConsumer<String, String> problem) {
		switch (attribute.type()) {
			case "NUMBER" -> {
				BigDecimal number;
				try {
					number = new BigDecimal(raw.replace(",", ""));
				}
				catch (NumberFormatException ex) {
					problem.accept("attribute_type", "not a number");
					return null;
				}
				if ((attribute.min() != null && number.compareTo(attribute.min()) < 0)
						|| (attribute.max() != null && number.compareTo(attribute.max()) > 0)
						|| number.abs().compareTo(new BigDecimal("1e15")) >= 0) {
					problem.accept("attribute_range", "outside the allowed range");
					return null;
				}
				return new Value(null, null, number, null);
			}
			case "DATE" -> {
				try {
					return new Value(null, null, null, (int) LocalDate.parse(raw).toEpochDay());
				}
				catch (DateTimeException ex) {
					problem.accept("attribute_type", "not a date (YYYY-MM-DD)");
					return null;
				}
			}
			case "CHOICE" -> {
				if (!attribute.choices().contains(raw)) {
					problem.accept("attribute_choice", "not one of the choices");
					return null;
				}
				return new Value(null, raw, null, null);
			}
			default -> {
				int max = (attribute.maxLength() != null) ? Math.min(attribute.maxLength(), 1000) : 1000;
				if (raw.length() > max) {
					problem.accept("too_long", "longer than " + max + " characters");
					return null;
				}
				if (attribute.pattern() != null && !attribute.pattern().matcher(raw).matches()) {
					problem.accept("attribute_pattern", "does not match the attribute's pattern");
					return null;
				}
				return new Value(raw, null, null, null);
			}
		}
	}

	private static String length(int number, List<String> header, List<String> mapping, Map<String, String> cells,
			String field, int max, Consumer<Problem> problems) {
		String value = cells.get(field);
		if (value != null && value.length() > max) {
			problems.accept(problem(number, header, mapping, field, "too_long", "longer than " + max + " characters"));
			return null;
		}
		return value;
	}

	/** A problem named by the column's heading in the file. */
	private static Problem problem(long row, List<String> header, List<String> mapping, String target, String reason,
			String message) {
		int index = mapping.indexOf(target);
		String column = (index >= 0 && index < header.size() && !header.get(index).isBlank()) ? header.get(index)
				: target;
		return new Problem(row, column, reason, message);
	}

}
