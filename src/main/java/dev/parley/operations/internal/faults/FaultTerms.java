package dev.parley.operations.internal.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.parley.platform.Words;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search terms of faults ({@code fault_term}, {@link Words}): title, what was seen,
 * the fix and the cause, rewritten in the transaction that changes one of them.
 */
@Component
class FaultTerms {

	/** At most this many terms from one fault. */
	static final int MAX_TERMS = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Words words;

	FaultTerms(JdbcClient jdbc, JdbcTemplate template, Words words) {
		this.jdbc = jdbc;
		this.template = template;
		this.words = words;
	}

	/** Rewrites the terms of the fault when a text they come from changed. */
	void index(Fault before, Fault after) {
		if (before != null && Objects.equals(text(before), text(after))) {
			return;
		}
		this.jdbc.sql("DELETE FROM fault_term WHERE fault_id = ?").param(after.id()).update();
		List<Object[]> rows = new ArrayList<>();
		this.words.index(text(after), MAX_TERMS).forEach((term) -> rows.add(new Object[] { term, after.id() }));
		if (!rows.isEmpty()) {
			this.template.batchUpdate("INSERT INTO fault_term (term, fault_id) VALUES (?, ?)", rows);
		}
	}

	/**
	 * @return the terms of a text, as {@link #index} stores them
	 */
	Set<String> of(String text, int limit) {
		return this.words.index(text, limit);
	}

	List<Words.Term> query(String text) {
		return this.words.query(text);
	}

	private static String text(Fault fault) {
		return Stream.of(fault.title(), fault.observed(), fault.cause(), fault.fix())
			.filter(Objects::nonNull)
			.collect(Collectors.joining("\n"));
	}

}
