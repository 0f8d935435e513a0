package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.parley.platform.Databases;
import dev.parley.tickets.internal.query.TicketFilter.Condition;
import javax.sql.DataSource;

/**
 * How a set of up to {@link TicketQuery#DRIVE} ids is written into the page's statement,
 * each the fastest measured on its database at a million tickets (a due-soon set of 4,326
 * ids, docs/performance.md).
 */
enum TicketIdList {

	/**
	 * PostgreSQL: one array parameter, {@code t.id = ANY(?)}: planned once whatever its
	 * length (16 ms; a literal list 21-24 ms, 8,192 marks 5 ms more).
	 */
	ARRAY,

	/**
	 * H2: the ids written out ({@code IN (1, 2, ...)}, numbers read from the database,
	 * never a client's text), which H2 tests with a hash set: 13 ms; an array or marks
	 * are searched through per ticket (43 and 54 ms), and a list of marks of a new length
	 * is planned anew (150 ms).
	 */
	LITERALS,

	/**
	 * MariaDB (no array parameters): marks padded to the next power of two with -1, so a
	 * few statement texts serve every size.
	 */
	MARKS;

	static TicketIdList of(DataSource dataSource) {
		return Databases.isH2(dataSource) ? LITERALS : Databases.isMariaDb(dataSource) ? MARKS : ARRAY;
	}

	Condition in(Set<Long> ids) {
		return switch (this) {
			case ARRAY -> Condition.of("t.id = ANY(?)", (Object) ids.toArray(Long[]::new));
			case LITERALS -> Condition
				.of("t.id IN (" + String.join(", ", ids.stream().map(String::valueOf).toList()) + ")", List.of());
			case MARKS -> idIn(ids);
		};
	}

	/**
	 * {@code t.id IN (...)} with as many marks as the next power of two (64 at least),
	 * the rest -1 (no ticket): a few statement texts for every set size, each planned
	 * once.
	 */
	static Condition idIn(Set<Long> ids) {
		int marks = Math.max(64, Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1);
		List<Object> params = new ArrayList<>(ids);
		params.addAll(Collections.nCopies(marks - ids.size(), -1L));
		return Condition.of("t.id IN (" + String.join(", ", Collections.nCopies(marks, "?")) + ")", params);
	}

}
