package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.parley.customers.internal.CustomerSort.Cursor;
import dev.parley.platform.ApiException;
import dev.parley.platform.PersonalData;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer list (docs/api.md, "Finding customers"): a filter from the request's
 * fields and a saved segment, an order, keyset pages of at most {@link #MAX_LIMIT}.
 */
@Service
public class CustomerListing {

	public static final int MAX_LIMIT = 100;

	/** The request's fields that are not filters. */
	static final Set<String> PAGING = Set.of("sort", "order", "cursor", "limit", "segment", "format");

	private final CustomerFilterParser parser;

	private final CustomerQuery query;

	private final CustomerSegments segments;

	private final JdbcClient jdbc;

	private final PersonalData personal;

	private final Clock clock;

	CustomerListing(CustomerFilterParser parser, CustomerQuery query, CustomerSegments segments, JdbcClient jdbc,
			PersonalData personal, Clock clock) {
		this.clock = clock;
		this.parser = parser;
		this.query = query;
		this.segments = segments;
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/** A request for the list: its filter fields and paging fields as sent. */
	public record Request(Map<String, List<String>> fields) {

		String one(String name) {
			List<String> values = this.fields.getOrDefault(name, List.of());
			return values.isEmpty() ? null : values.get(0);
		}

	}

	@Transactional(readOnly = true)
	public Page list(StaffActor actor, Request request) {
		CustomerSort sort = CustomerSort.of(request.one("sort"));
		boolean descending = CustomerSort.descending(request.one("order"));
		int limit = limit(request.one("limit"));
		String cursor = request.one("cursor");
		Cursor after = (cursor != null && !cursor.isBlank()) ? Cursor.decode(cursor, sort, descending) : null;
		CustomerQuery.Page page = this.query.page(filter(actor, request), sort, descending, after, limit);
		return new Page(items(page.customers(), false), (page.next() != null) ? page.next().encode() : null);
	}

	/**
	 * Hands every customer of the list to the consumer, a page at a time (exports).
	 * @param unmasked whether e-mail addresses and phone numbers are given in full
	 */
	@Transactional(readOnly = true)
	public void each(StaffActor actor, Request request, boolean unmasked, Consumer<List<Item>> pages) {
		CustomerSort sort = CustomerSort.of(request.one("sort"));
		boolean descending = CustomerSort.descending(request.one("order"));
		CustomerNarrowing.Plan plan = this.query.plan(filter(actor, request));
		Cursor after = null;
		do {
			CustomerQuery.Page page = this.query.page(plan, sort, descending, after, 500);
			pages.accept(items(page.customers(), unmasked));
			after = page.next();
		}
		while (after != null);
	}

	/**
	 * @return the request's filter (with its segment's), refused when a field is bad
	 */
	public CustomerFilter filter(StaffActor actor, Request request) {
		Map<String, List<String>> fields = new LinkedHashMap<>(request.fields());
		PAGING.forEach(fields::remove);
		CustomerFilter filter = this.parser.parse(fields);
		String segment = request.one("segment");
		if (segment != null && !segment.isBlank()) {
			long id;
			try {
				id = Long.parseLong(segment);
			}
			catch (NumberFormatException ex) {
				throw ApiException.invalid("segment", "not an id");
			}
			filter = filter.and(this.parser.parse(this.segments.get(actor, id).filter()));
		}
		return filter;
	}

	private static int limit(String value) {
		if (value == null || value.isBlank()) {
			return 50;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ApiException.invalid("limit", "1 to " + MAX_LIMIT);
	}

	private List<Item> items(List<Customer> customers, boolean unmasked) {
		if (customers.isEmpty()) {
			return List.of();
		}
		List<Long> ids = customers.stream().map(Customer::id).toList();
		String in = CustomerFilterParser.marks(ids.size());
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		this.jdbc.sql("SELECT customer_id, tag FROM customer_tag WHERE customer_id IN (" + in + ") ORDER BY tag")
			.params(new ArrayList<>(ids))
			.query((rs, row) -> tags.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, List<String>> emails = new LinkedHashMap<>();
		Map<Long, List<String>> phones = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT customer_id, kind, value_sealed FROM customer_contact WHERE customer_id IN (" + in
					+ ") ORDER BY id")
			.params(new ArrayList<>(ids))
			.query((rs, row) -> {
				ContactKind kind = ContactKind.valueOf(rs.getString(2));
				String value = this.personal.open(rs.getString(3));
				String shown = unmasked ? value : ContactMasks.mask(kind, value);
				return ((kind == ContactKind.EMAIL) ? emails : phones)
					.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(shown);
			})
			.list();
		Map<Long, String> levels = new LinkedHashMap<>();
		this.jdbc.sql("SELECT id, name FROM customer_level")
			.query((rs, row) -> levels.put(rs.getLong(1), rs.getString(2)))
			.list();
		Instant now = this.clock.instant();
		return customers.stream()
			.map((c) -> new Item(c.id(), c.name(), c.company(), c.language(), c.timeZone(),
					(c.levelId() != null) ? new Level(c.levelId(), levels.get(c.levelId())) : null,
					tags.getOrDefault(c.id(), List.of()), emails.getOrDefault(c.id(), List.of()),
					phones.getOrDefault(c.id(), List.of()), c.firstSeenAt(), c.lastSeenAt(), c.lastConversationAt(),
					c.conversationCount(), c.lastRating(), c.blockedAt(now), c.createdAt()))
			.toList();
	}

	public record Page(List<Item> items, String nextCursor) {
	}

	/**
	 * A customer in the list; e-mail addresses and phone numbers masked unless an export
	 * for someone allowed to see them.
	 */
	public record Item(long id, String name, String company, String language, String timeZone, Level level,
			List<String> tags, List<String> emails, List<String> phones, Instant firstSeenAt, Instant lastSeenAt,
			Instant lastConversationAt, int conversationCount, Integer lastRating, boolean blocked, Instant createdAt) {
	}

	public record Level(long id, String name) {
	}

}
