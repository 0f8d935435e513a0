package dev.parley.tickets.internal.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.customers.CustomerDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketDetails.Ref;
import dev.parley.tickets.internal.TicketNames;
import dev.parley.tickets.internal.query.TicketSort.Cursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket list for staff: a page of a filter, with the names of what rows refer to.
 */
@Component
public class TicketList {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	/** The parameters of paging and order (not filters). */
	static final Set<String> PAGING = Set.of("sort", "order", "cursor", "limit");

	private final TicketFilterParser parser;

	private final TicketQuery query;

	private final CustomerDirectory customers;

	private final StaffDirectory staff;

	private final TicketNames names;

	private final JdbcClient jdbc;

	TicketList(TicketFilterParser parser, TicketQuery query, CustomerDirectory customers, StaffDirectory staff,
			TicketNames names, JdbcClient jdbc) {
		this.parser = parser;
		this.query = query;
		this.customers = customers;
		this.staff = staff;
		this.names = names;
		this.jdbc = jdbc;
	}

	/** A ticket in the list. */
	public record Item(long id, String number, String subject, TicketStatus status, TicketPriority priority,
			TicketType type, Ref customer, Ref group, Ref assignee, Instant slaDueAt, Instant dueAt, Instant updatedAt,
			Instant createdAt, List<String> tags) {
	}

	/**
	 * @param next the cursor of the next page, or null on the last
	 */
	public record Result(List<Item> items, String next) {
	}

	/**
	 * @param params the query parameters: filters, {@code sort}, {@code order},
	 * {@code cursor}, {@code limit}
	 */
	@Transactional(readOnly = true)
	public Result page(Map<String, List<String>> params, TicketActor actor) {
		Map<String, List<String>> filters = new LinkedHashMap<>(params);
		PAGING.forEach(filters::remove);
		TicketSort sort = TicketSort.of(one(params, "sort"));
		boolean descending = sort.descending(one(params, "order"));
		String cursor = one(params, "cursor");
		Cursor after = (cursor != null) ? Cursor.decode(cursor, sort, descending) : null;
		int limit = limit(one(params, "limit"));
		TicketFilter filter = this.parser.parse(filters, actor);
		TicketQuery.Page page = this.query.page(filter, sort, descending, after, limit);
		return new Result(items(page.rows()), page.nextCursor());
	}

	private static int limit(String value) {
		if (value == null) {
			return DEFAULT_LIMIT;
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
		throw ApiException.invalid("limit", "must be 1 to 200");
	}

	private static String one(Map<String, List<String>> params, String name) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty() || values.get(0).isBlank()) {
			return null;
		}
		if (values.size() > 1) {
			throw ApiException.invalid(name, "one value only");
		}
		return values.get(0).strip();
	}

	private List<Item> items(List<TicketQuery.Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> tags = tags(rows);
		Set<Long> staffIds = new TreeSet<>();
		rows.stream().filter((r) -> r.assigneeId() != null).forEach((r) -> staffIds.add(r.assigneeId()));
		Map<Long, String> staffNames = this.staff.displayNames(staffIds);
		Map<Long, String> customerNames = this.customers
			.names(rows.stream().map(TicketQuery.Row::customerId).distinct().toList());
		Map<Long, Ref> groupRefs = new HashMap<>();
		List<Item> items = new ArrayList<>(rows.size());
		for (TicketQuery.Row r : rows) {
			Ref customer = new Ref(r.customerId(), customerNames.get(r.customerId()));
			Ref group = (r.groupId() == null) ? null
					: groupRefs.computeIfAbsent(r.groupId(), (id) -> new Ref(id, this.names.group(id).orElse(null)));
			Ref assignee = (r.assigneeId() == null) ? null : new Ref(r.assigneeId(), staffNames.get(r.assigneeId()));
			items.add(new Item(r.id(), r.number(), r.subject(), r.status(), r.priority(), r.type(), customer, group,
					assignee, r.slaDueAt(), r.dueAt(), r.updatedAt(), r.createdAt(),
					tags.getOrDefault(r.id(), List.of())));
		}
		return items;
	}

	private Map<Long, List<String>> tags(List<TicketQuery.Row> rows) {
		List<Object> ids = rows.stream().map((r) -> (Object) r.id()).toList();
		Map<Long, List<String>> tags = new HashMap<>();
		this.jdbc
			.sql("SELECT ticket_id, tag FROM ticket_tag WHERE ticket_id IN ("
					+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY ticket_id, tag")
			.params(ids)
			.query((rs, row) -> tags.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return tags;
	}

}
