package dev.parley.operations.internal.faults;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;
import dev.parley.platform.ApiException;
import dev.parley.platform.Words;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding faults: the list with its filters (newest start first, paged by a cursor), the
 * known issues (reviewed faults) and the known issues like a fault being reported.
 */
@Component
public class FaultSearch {

	static final int MAX_LIMIT = 200;

	/** A suggestion shares at least this many search terms with the draft. */
	static final int MIN_SHARED_TERMS = 2;

	private final JdbcClient jdbc;

	private final FaultTerms terms;

	FaultSearch(JdbcClient jdbc, FaultTerms terms) {
		this.jdbc = jdbc;
		this.terms = terms;
	}

	/**
	 * The list's filters, as given (each may be null).
	 *
	 * @param before the cursor: the list continues after this fault
	 */
	public record Filter(String q, String status, String faultClass, String severity, String from, String to,
			Long before, Integer limit) {
	}

	/**
	 * @param next the cursor of the next page, or null on the last
	 */
	public record Page(List<Fault> items, String next) {
	}

	@Transactional(readOnly = true)
	public Page list(Filter filter) {
		return page(filter, false);
	}

	/** Reviewed faults only: symptom (what was seen), cause, fix. */
	@Transactional(readOnly = true)
	public Page knownIssues(Filter filter) {
		return page(filter, true);
	}

	/**
	 * @return the reviewed faults sharing the most search terms with the draft, most
	 * alike first (at most {@code limit})
	 */
	@Transactional(readOnly = true)
	public List<Fault> like(String title, String observed, int limit) {
		String text = FaultInput.text("observed",
				((title != null) ? FaultInput.text("title", title) : "") + "\n" + ((observed != null) ? observed : ""));
		if (text == null) {
			return List.of();
		}
		// single Chinese characters match too much to mean anything alike
		List<Object> words = new ArrayList<>(
				this.terms.of(text, 200).stream().filter((term) -> term.codePointCount(0, term.length()) > 1).toList());
		if (words.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(words);
		params.add(FaultStatus.REVIEWED.name());
		params.add(MIN_SHARED_TERMS);
		params.add(limit);
		return this.jdbc
			.sql("SELECT " + prefixed() + " FROM fault f JOIN (SELECT fault_id, COUNT(*) AS hits "
					+ "FROM fault_term WHERE term IN (" + String.join(", ", Collections.nCopies(words.size(), "?"))
					+ ") GROUP BY fault_id) t ON t.fault_id = f.id WHERE f.status = ? AND t.hits >= ? "
					+ "ORDER BY t.hits DESC, f.id DESC LIMIT ?")
			.params(params)
			.query(FaultRepository::fault)
			.list();
	}

	private Page page(Filter filter, boolean reviewedOnly) {
		int limit = limit(filter.limit());
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (reviewedOnly) {
			where.add("f.status = ?");
			params.add(FaultStatus.REVIEWED.name());
		}
		else if (filter.status() != null && !filter.status().isBlank()) {
			where.add("f.status = ?");
			params.add(FaultInput.choice("status", filter.status(), FaultStatus.class).name());
		}
		if (filter.faultClass() != null && !filter.faultClass().isBlank()) {
			where.add("f.fault_class = ?");
			params.add(FaultInput.choice("class", filter.faultClass(), FaultClass.class).name());
		}
		if (filter.severity() != null && !filter.severity().isBlank()) {
			where.add("f.severity = ?");
			params.add(FaultInput.choice("severity", filter.severity(), FaultSeverity.class).name());
		}
		Instant from = instant("from", filter.from());
		Instant to = instant("to", filter.to());
		if (from != null) {
			where.add("f.started_at >= ?");
			params.add(from.toEpochMilli());
		}
		if (to != null) {
			where.add("f.started_at < ?");
			params.add(to.toEpochMilli());
		}
		if (filter.before() != null) {
			where.add("f.id < ?");
			params.add(filter.before());
		}
		String q = (filter.q() != null) ? filter.q().strip() : "";
		if (q.length() > 200) {
			throw ApiException.invalid("q", "must be at most 200 characters");
		}
		for (Words.Term term : this.terms.query(q)) {
			if (term.prefix()) {
				where.add("f.id IN (SELECT fault_id FROM fault_term WHERE term LIKE ? ESCAPE '!')");
				params.add(term.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
			}
			else {
				where.add("f.id IN (SELECT fault_id FROM fault_term WHERE term = ?)");
				params.add(term.text());
			}
		}
		params.add(limit + 1);
		List<Fault> rows = this.jdbc
			.sql("SELECT " + prefixed() + " FROM fault f"
					+ (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY f.id DESC LIMIT ?")
			.params(params)
			.query(FaultRepository::fault)
			.list();
		boolean more = rows.size() > limit;
		List<Fault> items = more ? rows.subList(0, limit) : rows;
		return new Page(items, more ? String.valueOf(items.get(items.size() - 1).id()) : null);
	}

	private static String prefixed() {
		return "f." + String.join(", f.", Set.of(FaultRepository.COLUMNS.split(", ")));
	}

	private static int limit(Integer limit) {
		if (limit == null) {
			return 50;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.invalid("limit", "must be 1 to " + MAX_LIMIT);
		}
		return limit;
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be a time such as 2026-12-07T09:30:00Z");
		}
	}

}
