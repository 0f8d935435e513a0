package dev.parley.tickets.internal.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.administration.Settings;
import dev.parley.platform.ApiException;
import dev.parley.platform.Words;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import dev.parley.tickets.internal.TicketAccess;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketFilter.Condition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the ticket list's query parameters (or a saved view's filter) into a
 * {@link TicketFilter}, the reader's visibility included. Anything it does not know or
 * cannot read is refused (400), never ignored.
 */
@Component
public class TicketFilterParser {

	/** The parameters of a filter (and {@code field.<key>}). */
	static final Set<String> FIELDS = Set.of("view", "status", "priority", "type", "assignee", "group", "tag",
			"customer", "category", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "q");

	static final String UNFINISHED = "t.status IN ('NEW', 'OPEN', 'PENDING')";

	private static final int MAX_VALUES = 50;

	private static final int MAX_WORDS = 8;

	/** A ticket's number as people say it: T-2026-000123. */
	private static final Pattern NUMBER = Pattern.compile("(?i)t-(\\d{4})-(\\d{6,12})");

	/** Its digits alone: 000123. */
	private static final Pattern DIGITS = Pattern.compile("\\d{6,12}");

	private final JdbcClient jdbc;

	private final Words words;

	private final Settings settings;

	private final Clock clock;

	private final TicketAccess access;

	TicketFilterParser(JdbcClient jdbc, Words words, Settings settings, Clock clock, TicketAccess access) {
		this.jdbc = jdbc;
		this.words = words;
		this.settings = settings;
		this.clock = clock;
		this.access = access;
	}

	/**
	 * @param fields parameter to its values (one or more; a value may list several,
	 * comma-separated)
	 * @return the filter, with the reader's visibility
	 */
	public TicketFilter parse(Map<String, List<String>> fields, TicketActor actor) {
		List<Long> groups = this.access.myGroups(actor);
		List<Condition> conditions = new ArrayList<>(TicketVisibility.conditions(actor, groups));
		Instant now = this.clock.instant();
		boolean statusGiven = fields.containsKey("status") && !values(fields.get("status")).isEmpty();
		String view = "all";
		for (Map.Entry<String, List<String>> field : fields.entrySet()) {
			String name = field.getKey();
			List<String> values = values(field.getValue());
			if (!FIELDS.contains(name) && !name.startsWith("field.")) {
				throw ApiException.invalid(name, "is not a filter of the ticket list");
			}
			if (values.isEmpty()) {
				continue;
			}
			if (values.size() > MAX_VALUES) {
				throw ApiException.invalid(name, "at most " + MAX_VALUES + " values");
			}
			if (name.startsWith("field.")) {
				conditions.add(customField(name, single(name, values)));
				continue;
			}
			switch (name) {
				case "view" -> view = single(name, values);
				case "status" -> conditions.add(oneOf("t.status", names(name, values, TicketStatus.class)));
				case "priority" -> conditions.add(oneOf("t.priority",
						names(name, values, TicketPriority.class).stream()
							.map((p) -> TicketPriority.valueOf((String) p))
							.map((p) -> (Object) p.rank())
							.toList()));
				case "type" -> conditions.add(oneOf("t.type", names(name, values, TicketType.class)));
				// each an index's range: a set the planner may read by id (a customer's
				// tickets), not a condition a walk of the whole order tests
				case "assignee" -> conditions.add(idsOrNone("assignee_id", name, mine(values, actor)));
				case "group" -> conditions.add(idsOrNone("group_id", name, values));
				case "customer" -> conditions.add(indexed("customer_id", ids(name, values)));
				case "category" -> conditions.add(idsOrNone("category_id", name, values));
				case "tag" -> values.forEach((tag) -> {
					if (tag.length() > 40) {
						throw ApiException.invalid(name, "at most 40 characters");
					}
					// tags are stored in lower case (TicketInput.tags)
					conditions.add(Condition.set("ticket_tag WHERE tag = ?",
							List.of(tag.strip().toLowerCase(java.util.Locale.ROOT))));
				});
				case "createdFrom" -> conditions.add(Condition.of("t.created_at >= ?", date(name, values, false)));
				case "createdTo" -> conditions.add(Condition.of("t.created_at < ?", date(name, values, true)));
				case "updatedFrom" -> conditions.add(Condition.of("t.updated_at >= ?", date(name, values, false)));
				case "updatedTo" -> conditions.add(Condition.of("t.updated_at < ?", date(name, values, true)));
				case "q" -> conditions.addAll(text(name, String.join(" ", values)));
				default -> throw new IllegalStateException(name);
			}
		}
		conditions.addAll(view(view, statusGiven, actor, groups, now));
		return new TicketFilter(conditions);
	}

	/**
	 * The conditions of a standard view ({@link TicketView#conditions}), its "due soon"
	 * from the setting.
	 */
	List<Condition> view(String view, boolean statusGiven, TicketActor actor, List<Long> groups, Instant now) {
		long soon = now.toEpochMilli() + 60_000L * this.settings.getInt(TicketView.DUE_SOON_SETTING);
		return TicketView.of(view).conditions(statusGiven, actor, groups, now.toEpochMilli(), soon);
	}

	/**
	 * The search: a ticket's number (T-2026-000123) finds that ticket; its digits alone
	 * (000123) find it or a ticket with that word; else every word must be found (each a
	 * set of {@code ticket_term}).
	 */
	private List<Condition> text(String name, String q) {
		String text = q.strip();
		if (text.length() > 200) {
			throw ApiException.invalid(name, "at most 200 characters");
		}
		Matcher number = NUMBER.matcher(text);
		if (number.matches()) {
			return List.of(Condition.own("t.number = ?", "SELECT id FROM ticket WHERE number = ?",
					List.of(text.toUpperCase(Locale.ROOT))));
		}
		if (DIGITS.matcher(text).matches()) {
			return List.of(Condition.set("ticket_term WHERE term IN (?, ?)",
					List.of(TicketIndex.numberTerm(Long.parseLong(text)), text)));
		}
		List<Words.Term> terms = this.words.query(text);
		if (terms.isEmpty()) {
			throw ApiException.invalid(name, "no word to search for");
		}
		List<Condition> sets = new ArrayList<>();
		for (Words.Term term : terms.subList(0, Math.min(terms.size(), MAX_WORDS))) {
			if (term.prefix()) {
				sets.add(Condition.set("ticket_term WHERE term >= ? AND term < ? AND term LIKE ? ESCAPE '!'",
						List.of(term.text(), upper(term.text()), escape(term.text()) + "%")));
			}
			else {
				sets.add(Condition.set("ticket_term WHERE term = ?", List.of(term.text())));
			}
		}
		return sets;
	}

	/**
	 * {@code field.<key>=value}: a custom field's value, exactly (numbers as numbers).
	 */
	private Condition customField(String name, String value) {
		String key = name.substring("field.".length());
		List<Object[]> field = this.jdbc.sql("SELECT id, type FROM ticket_field WHERE field_key = ?")
			.param(key)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		if (field.isEmpty()) {
			throw ApiException.invalid(name, "is not a custom field");
		}
		if ("NUMBER".equals(field.get(0)[1])) {
			try {
				return Condition.set("ticket_field_value WHERE field_id = ? AND number_value = ?",
						List.of(field.get(0)[0], new BigDecimal(value)));
			}
			catch (NumberFormatException ex) {
				throw ApiException.invalid(name, "not a number");
			}
		}
		if (value.length() > 500) {
			throw ApiException.invalid(name, "at most 500 characters");
		}
		return Condition.set("ticket_field_value WHERE field_id = ? AND text_value = ?",
				List.of(field.get(0)[0], value));
	}

	private static List<String> values(List<String> raw) {
		List<String> values = new ArrayList<>();
		for (String value : raw) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					values.add(part.strip());
				}
			}
		}
		return values;
	}

	private static <E extends Enum<E>> List<Object> names(String name, List<String> values, Class<E> type) {
		List<Object> names = new ArrayList<>();
		for (String value : values) {
			try {
				names.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)).name());
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid(name, "unknown value " + value);
			}
		}
		return names;
	}

	/** {@code me} is the reader himself (a shared saved view "assigned to me"). */
	private static List<String> mine(List<String> values, TicketActor actor) {
		return values.stream()
			.map((v) -> (v.equals("me") && actor.staffId() != null) ? String.valueOf(actor.staffId()) : v)
			.toList();
	}

	private static Condition idsOrNone(String column, String name, List<String> values) {
		boolean none = values.contains("none");
		List<Object> ids = ids(name, values.stream().filter((v) -> !v.equals("none")).toList());
		if (ids.isEmpty()) {
			return Condition.own("t." + column + " IS NULL", "SELECT id FROM ticket WHERE " + column + " IS NULL",
					List.of());
		}
		Condition in = indexed(column, ids);
		return none ? Condition.own("t." + column + " IS NULL OR " + in.sql(),
				"SELECT id FROM ticket WHERE " + column + " IS NULL UNION ALL " + in.ids(), in.params()) : in;
	}

	/** {@code t.column IN (...)} as a set of the column's index. */
	private static Condition indexed(String column, List<Object> values) {
		String in = " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
		return Condition.own("t." + column + in, "SELECT id FROM ticket WHERE " + column + in, values);
	}

	private static List<Object> ids(String name, List<String> values) {
		try {
			return values.stream().map((v) -> (Object) Long.parseLong(v)).toList();
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(name, "not an id");
		}
	}

	private static Condition oneOf(String column, List<Object> values) {
		return Condition.of(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
				values);
	}

	/**
	 * A date (the organisation's day: from its start; "to" up to its end) or an instant.
	 */
	private long date(String name, List<String> values, boolean end) {
		String value = single(name, values);
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (end ? day.plusDays(1) : day).atStartOfDay(zone()).toInstant().toEpochMilli();
			}
			return Instant.parse(value).toEpochMilli();
		}
		catch (DateTimeException ex) {
			throw ApiException.invalid(name, "not a date (2026-12-31) or an instant (2026-12-31T08:00:00Z)");
		}
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(this.settings.get("organisation.timeZone"));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

	private static String single(String name, List<String> values) {
		if (values.size() != 1) {
			throw ApiException.invalid(name, "one value only");
		}
		return values.get(0);
	}

	/**
	 * @return the smallest string after every string beginning with the prefix
	 */
	static String upper(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last))
				+ new String(Character.toChars(last + 1));
	}

	static String escape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
