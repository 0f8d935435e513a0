package dev.parley.customers.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.customers.internal.CustomerFilter.Condition;
import dev.parley.platform.ApiException;
import dev.parley.platform.Words;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a customer list filter from its fields (the list's query parameters, or a saved
 * segment's JSON), refusing an unknown field or a bad value with a {@code
 * validation_failed} problem that names it. Fields and their values are in docs/api.md
 * ("Finding customers"); dates may be relative ({@code this-week}), resolved now in the
 * organisation's time zone, so a segment "this week" stays this week.
 */
@Component
public class CustomerFilterParser {

	static final int MAX_VALUES = 50;

	/**
	 * A search uses its first this many terms (a long Chinese sentence has one per pair).
	 */
	static final int MAX_TERMS = 8;

	private final JdbcClient jdbc;

	private final Words words;

	private final ContactRepository contacts;

	private final Settings settings;

	private final Clock clock;

	private final AttributeFilters attributes;

	CustomerFilterParser(JdbcClient jdbc, Words words, ContactRepository contacts, Settings settings, Clock clock) {
		this.attributes = new AttributeFilters(jdbc);
		this.jdbc = jdbc;
		this.words = words;
		this.contacts = contacts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param fields field to its values (one or more)
	 */
	public CustomerFilter parse(Map<String, List<String>> fields) {
		List<Condition> conditions = new ArrayList<>();
		DateValues dates = new DateValues(zone(), this.clock.instant());
		for (Map.Entry<String, List<String>> field : fields.entrySet()) {
			String name = field.getKey();
			List<String> values = field.getValue().stream().map(String::strip).filter((v) -> !v.isEmpty()).toList();
			if (values.isEmpty()) {
				continue;
			}
			if (values.size() > MAX_VALUES) {
				throw ApiException.invalid(name, "at most " + MAX_VALUES + " values");
			}
			if (name.startsWith("attr.")) {
				conditions.add(this.attributes.condition(name, values, dates));
			}
			else if (name.equals("tag")) {
				conditions.addAll(tags(name, values));
			}
			else if (name.equals("q")) {
				conditions.addAll(text(name, single(name, values)));
			}
			else {
				conditions.add(field(name, values, dates));
			}
		}
		return new CustomerFilter(conditions);
	}

	private Condition field(String name, List<String> values, DateValues dates) {
		return switch (name) {
			case "name", "company" -> Condition.of("LOWER(c." + name + ") LIKE ? ESCAPE '!'",
					"%" + escape(single(name, values).toLowerCase(Locale.ROOT)) + "%");
			case "email" -> contact(name, ContactKind.EMAIL, single(name, values));
			case "phone" -> contact(name, ContactKind.PHONE, single(name, values));
			case "language" -> oneOf("c.language", checked(name, values, 35));
			case "timeZone" -> oneOf("c.time_zone", zones(name, values));
			case "level" -> {
				List<Long> levels = levels(name, values);
				yield Condition.indexed("level_id", "IN (" + marks(levels.size()) + ")", new ArrayList<>(levels));
			}
			case "channel" -> Condition.set("customer_channel WHERE channel_id IN (" + marks(values.size()) + ")",
					new ArrayList<>(ids(name, values)));
			case "blocked" -> blocked(name, single(name, values), dates);
			case "firstSeen.from", "lastSeen.from", "lastConversation.from", "created.from" ->
				Condition.of(column(name) + " >= ?", dates.from(name, single(name, values)).toEpochMilli());
			case "firstSeen.to", "lastSeen.to", "lastConversation.to", "created.to" ->
				Condition.of(column(name) + " < ?", dates.to(name, single(name, values)).toEpochMilli());
			case "conversations.min", "rating.min" -> Condition.of(column(name) + " >= ?", integer(name, values));
			case "conversations.max", "rating.max" -> Condition.of(column(name) + " <= ?", integer(name, values));
			default -> throw ApiException.invalid(name, "unknown filter");
		};
	}

	private static String column(String name) {
		return switch (name.substring(0, name.indexOf('.'))) {
			case "firstSeen" -> "c.first_seen_at";
			case "lastSeen" -> "c.last_seen_at";
			case "lastConversation" -> "c.last_conversation_at";
			case "created" -> "c.created_at";
			case "conversations" -> "c.conversation_count";
			default -> "c.last_rating";
		};
	}

	private List<Condition> text(String name, String q) {
		if (q.length() > 200) {
			throw ApiException.invalid(name, "at most 200 characters");
		}
		if (q.contains("@")) {
			return List.of(contact(name, ContactKind.EMAIL, q));
		}
		List<Words.Term> terms = this.words.query(q);
		if (terms.isEmpty()) {
			throw ApiException.invalid(name, "no word to search for");
		}
		// each word a set of its own: CustomerNarrowing reads the smallest first
		terms = terms.subList(0, Math.min(terms.size(), MAX_TERMS));
		List<Condition> words = new ArrayList<>();
		for (Words.Term term : terms) {
			List<Object> params = new ArrayList<>();
			words.add(Condition.set("customer_term WHERE " + term(term, params), params));
		}
		if (looksLikePhone(q)) {
			CustomerFilter all = new CustomerFilter(words);
			List<Object> params = new ArrayList<>(all.params());
			params.add(this.contacts.index(ContactKind.PHONE, q));
			String each = String.join(" AND ", words.stream().map(Condition::sql).toList());
			return List.of(new Condition("(" + each + ") OR c.id IN (SELECT customer_id FROM customer_contact "
					+ "WHERE kind = 'PHONE' AND value_index = ?)", params));
		}
		return words;
	}

	/** Whether a search text is (also) looked up as a phone number. */
	static boolean looksLikePhone(String q) {
		String digits = ContactKind.PHONE.normalize(q);
		return digits.replace("+", "").length() >= 6 && digits.length() * 2 >= q.strip().length();
	}

	private static String term(Words.Term term, List<Object> params) {
		params.add(term.text());
		if (!term.prefix()) {
			return "term = ?";
		}
		params.add(upper(term.text()));
		params.add(escape(term.text()) + "%");
		return "term >= ? AND term < ? AND term LIKE ? ESCAPE '!'";
	}

	/**
	 * @return the smallest string after every string beginning with the prefix
	 */
	static String upper(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last))
				+ new String(Character.toChars(last + 1));
	}

	private Condition contact(String name, ContactKind kind, String value) {
		boolean valid = (kind == ContactKind.EMAIL) ? value.matches("[^@\\s]+@[^@\\s]+")
				: kind.normalize(value).replace("+", "").length() >= 3;
		if (!valid || value.length() > 320) {
			throw ApiException.invalid(name,
					(kind == ContactKind.EMAIL) ? "not an e-mail address" : "not a phone number");
		}
		return Condition.set("customer_contact WHERE kind = ? AND value_index = ?",
				List.of(kind.name(), this.contacts.index(kind, value)));
	}

	private static List<Condition> tags(String name, List<String> values) {
		return checked(name, values, 50).stream()
			.map((tag) -> Condition.set("customer_tag WHERE tag = ?", List.of(tag)))
			.toList();
	}

	private Condition blocked(String name, String value, DateValues dates) {
		long now = dates.now().toEpochMilli();
		String blocked = "c.blocked_at IS NOT NULL AND (c.blocked_until IS NULL OR c.blocked_until > ?)";
		return switch (value) {
			case "true" -> Condition.of(blocked, now);
			case "false" -> Condition.of("NOT (" + blocked + ")", now);
			default -> throw ApiException.invalid(name, "true or false");
		};
	}

	private static int integer(String field, List<String> values) {
		try {
			return Integer.parseInt(single(field, values));
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(field, "not a whole number");
		}
	}

	private List<Long> levels(String name, List<String> values) {
		List<Long> ids = ids(name, values);
		List<Long> known = this.jdbc.sql("SELECT id FROM customer_level WHERE id IN (" + marks(ids.size()) + ")")
			.params(new ArrayList<>(ids))
			.query(Long.class)
			.list();
		ids.stream().filter((id) -> !known.contains(id)).findFirst().ifPresent((id) -> {
			throw ApiException.invalid(name, "unknown level " + id);
		});
		return ids;
	}

	private static List<Long> ids(String name, List<String> values) {
		try {
			return values.stream().map(Long::parseLong).toList();
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid(name, "not an id");
		}
	}

	private static List<String> zones(String name, List<String> values) {
		for (String value : values) {
			try {
				ZoneId.of(value);
			}
			catch (DateTimeException ex) {
				throw ApiException.invalid(name, "unknown time zone " + value);
			}
		}
		return values;
	}

	private static List<String> checked(String name, List<String> values, int maxLength) {
		values.stream().filter((v) -> v.length() > maxLength).findFirst().ifPresent((v) -> {
			throw ApiException.invalid(name, "at most " + maxLength + " characters");
		});
		return values;
	}

	private static Condition oneOf(String column, List<?> values) {
		return new Condition(column + " IN (" + marks(values.size()) + ")", new ArrayList<>(values));
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	static String single(String name, List<String> values) {
		if (values.size() != 1) {
			throw ApiException.invalid(name, "one value only");
		}
		return values.get(0);
	}

	static String escape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(this.settings.get("organisation.timeZone"));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

}
