package dev.parley.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.customers.CustomerChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges asked for by staff (two records that are one person), the list of merges, and
 * dismissing a suggested duplicate.
 */
@Service
public class MergeRequests {

	private final CustomerRecords records;

	private final CustomerMerges merges;

	private final CustomerEvents timeline;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	MergeRequests(CustomerRecords records, CustomerMerges merges, CustomerEvents timeline, AuditLog audit,
			JdbcClient jdbc, ApplicationEventPublisher events, java.time.Clock clock) {
		this.records = records;
		this.merges = merges;
		this.timeline = timeline;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges {@code otherId} into {@code survivorId}.
	 * @throws ApiException 400 {@code merge_with_itself}; 404 for an unknown record; 409
	 * {@code customer_merged} for one merged already
	 */
	@Transactional
	public CustomerView merge(long survivorId, Long otherId, StaffActor actor) {
		if (otherId == null) {
			throw ApiException.invalid("otherId", "is required");
		}
		if (otherId == survivorId) {
			throw ApiException.badRequest("merge_with_itself", "A customer cannot be merged with himself");
		}
		Customer survivor = this.records.forChange(survivorId);
		Customer other = this.records.forChange(otherId);
		String summary = summary(other);
		this.merges.merge(survivor, other, actor.username(), actor.displayName(), summary);
		this.audit.record(actor.username(), "customer.merged", "customer " + other.id() + " into " + survivor.id(),
				AuditResult.SUCCESS, summary);
		return this.records.view(survivor.id());
	}

	private String summary(Customer other) {
		int contacts = count("customer_contact", other.id());
		int notes = count("customer_note", other.id());
		int tags = count("customer_tag", other.id());
		return other.conversationCount() + " conversation(s), " + contacts + " contact(s), " + tags + " tag(s), "
				+ notes + " note(s)";
	}

	private int count(String table, long customerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?")
			.param(customerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * @param actor the username; null when Parley merged an anonymous record itself
	 */
	public record MergeView(long id, long survivorId, String survivorName, long mergedId, String mergedName,
			String actor, Instant mergedAt, String summary) {
	}

	public record MergePage(List<MergeView> items, String nextCursor) {
	}

	/** The merges, newest first, keyset paged by merge id. */
	public MergePage list(String after, int limit) {
		int size = Math.max(1, Math.min(limit, 100));
		long before;
		try {
			before = (after != null && !after.isEmpty()) ? Long.parseLong(after) : Long.MAX_VALUE;
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid("after", "is not a cursor of this list");
		}
		List<MergeView> items = this.jdbc
			.sql("SELECT m.id, m.survivor_id, s.name, m.merged_id, d.name, m.actor, m.merged_at, m.summary "
					+ "FROM customer_merge m JOIN customer s ON s.id = m.survivor_id JOIN customer d ON d.id = m.merged_id "
					+ "WHERE m.id < ? ORDER BY m.id DESC LIMIT " + (size + 1))
			.param(before)
			.query((rs, row) -> new MergeView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)))
			.list();
		String next = (items.size() > size) ? String.valueOf(items.get(size - 1).id()) : null;
		return new MergePage(items.subList(0, Math.min(size, items.size())), next);
	}

	/** Dismisses a suggested duplicate of the customer: it is no longer shown. */
	@Transactional
	public CustomerView dismiss(long customerId, long suggestionId, StaffActor actor) {
		Customer c = this.records.forChange(customerId);
		Map<String, Object> row = this.jdbc
			.sql("SELECT customer_id, candidate_id FROM customer_suggestion WHERE id = ? AND dismissed_at IS NULL")
			.param(suggestionId)
			.query((rs, n) -> Map.<String, Object>of("customer", rs.getLong(1), "candidate", rs.getLong(2)))
			.list()
			.stream()
			.filter((r) -> Objects.equals(r.get("customer"), c.id()) || Objects.equals(r.get("candidate"), c.id()))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Suggestion"));
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE customer_suggestion SET dismissed_at = ? WHERE id = ?")
			.params(now.toEpochMilli(), suggestionId)
			.update();
		long other = Objects.equals(row.get("customer"), c.id()) ? (Long) row.get("candidate")
				: (Long) row.get("customer");
		this.timeline.record(c.id(), CustomerEventKind.SUGGESTION_DISMISSED, actor.displayName(), "#" + other, now);
		this.events.publishEvent(new CustomerChanged(c.id(), now));
		return this.records.view(c.id());
	}

}
