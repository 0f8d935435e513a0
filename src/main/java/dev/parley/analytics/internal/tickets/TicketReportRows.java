package dev.parley.analytics.internal.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.parley.analytics.internal.ReportRange;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.TicketFigures.SlaOutcome;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;

import org.springframework.stereotype.Service;

/**
 * The tickets behind a figure of the tickets report, newest first: created or solved in
 * the period, open at its end, or created in it with an SLA target breached.
 */
@Service
public class TicketReportRows {

	static final int MAX_PAGE = 200;

	private final TicketReport report;

	private final TicketFactRepository facts;

	private final GroupDirectory groups;

	private final StaffDirectory staff;

	private final Clock clock;

	TicketReportRows(TicketReport report, TicketFactRepository facts, GroupDirectory groups, StaffDirectory staff,
			Clock clock) {
		this.report = report;
		this.facts = facts;
		this.groups = groups;
		this.staff = staff;
		this.clock = clock;
	}

	/** Which tickets a figure counts. */
	public enum Only {

		CREATED("created_at >= :start AND created_at < :end"),

		SOLVED("finished_at >= :start AND finished_at < :end"),

		OPEN("created_at < :end AND (finished_at IS NULL OR finished_at >= :end)"),

		BREACHED("created_at >= :start AND created_at < :end AND (sla_first = 'BREACHED' "
				+ "OR sla_resolution = 'BREACHED' OR (sla_first = 'RUNNING' AND sla_first_due < :now) "
				+ "OR (sla_resolution = 'RUNNING' AND sla_resolution_due < :now))");

		final String condition;

		Only(String condition) {
			this.condition = condition;
		}

		static Only of(String value) {
			if (value == null || value.isBlank()) {
				return CREATED;
			}
			for (Only only : values()) {
				if (only.name().equalsIgnoreCase(value.strip())) {
					return only;
				}
			}
			throw ApiException.invalid("only", "must be created, solved, open or breached");
		}

	}

	/**
	 * A ticket with its figures; durations in milliseconds, in calendar time or business
	 * hours as asked.
	 */
	public record Row(long ticketId, String number, TicketPriority priority, TicketOrigin origin, Long groupId,
			String group, Long assigneeId, String assignee, TicketStatus status, Instant createdAt, Instant finishedAt,
			Long firstResponse, Long resolution, SlaOutcome firstResponseSla, SlaOutcome resolutionSla) {
	}

	public record Page(List<Row> items, String next) {
	}

	public Page page(StaffActor actor, TicketReport.Query query, String only, String cursor, Integer limit) {
		int max = (limit != null) ? limit : 50;
		if (max < 1 || max > MAX_PAGE) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
		}
		Selection selection = select(actor, query, only);
		long[] after = cursor(cursor);
		List<TicketFact> found = this.facts.page(selection.only.condition, selection.params, selection.scope, after,
				max + 1);
		String next = null;
		if (found.size() > max) {
			found = found.subList(0, max);
			TicketFact last = found.get(max - 1);
			next = last.createdAt() + "." + last.ticketId();
		}
		return new Page(rows(found, selection), next);
	}

	/** Every ticket of the selection, newest first, for an export. */
	void each(Selection selection, int limit, Consumer<Row> sink) {
		List<TicketFact> found = this.facts.page(selection.only.condition, selection.params, selection.scope, null,
				limit);
		rows(found, selection).forEach(sink);
	}

	/** What a figure selects, checked (range, filters, scope) before anything is read. */
	record Selection(ReportRange range, Only only, TicketScope scope, Map<String, Object> params, long now) {
	}

	Selection select(StaffActor actor, TicketReport.Query query, String only) {
		ReportRange range = this.report.range(query);
		Only which = Only.of(only);
		TicketScope scope = this.report.scope(actor, query);
		Window w = Window.of(range);
		long now = this.clock.millis();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", w.start());
		params.put("end", w.end());
		if (which == Only.BREACHED) {
			params.put("now", now);
		}
		return new Selection(range, which, scope, params, now);
	}

	private List<Row> rows(List<TicketFact> found, Selection selection) {
		Set<Long> people = new HashSet<>();
		found.forEach((f) -> {
			if (f.assigneeId() != null) {
				people.add(f.assigneeId());
			}
		});
		Map<Long, String> names = people.isEmpty() ? Map.of() : this.staff.displayNames(people);
		Map<Long, String> groupNames = new LinkedHashMap<>();
		boolean business = selection.range().business();
		return found.stream()
			.map((f) -> new Row(f.ticketId(), f.number(), f.priority(), f.origin(), f.groupId(),
					(f.groupId() != null)
							? groupNames.computeIfAbsent(f.groupId(), (id) -> this.groups.name(id).orElse(null)) : null,
					f.assigneeId(), (f.assigneeId() != null) ? names.get(f.assigneeId()) : null, f.status(),
					Instant.ofEpochMilli(f.createdAt()),
					(f.finishedAt() != null) ? Instant.ofEpochMilli(f.finishedAt()) : null, f.firstResponse(business),
					f.resolution(business), f.firstResponseAt(selection.now()), f.resolutionAt(selection.now())))
			.toList();
	}

	private static long[] cursor(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		int dot = text.indexOf('.');
		try {
			return new long[] { Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)) };
		}
		catch (RuntimeException ex) {
			throw ApiException.invalid("cursor", "must be the next value of a page");
		}
	}

}
