package dev.parley.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.parley.conversations.CustomerVisitors;
import dev.parley.customers.CustomerChanged;
import dev.parley.customers.CustomersMerged;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one customer record into another: everything the merged one had (visitors and so
 * conversations, contacts, identities, tags, attribute values, notes, channels) moves to
 * the survivor, which keeps its own values where both have one; the merged record stays
 * as a pointer to the survivor, and the merge is recorded.
 */
@Service
public class CustomerMerges {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final CustomerVisitors visitors;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CustomerEvents timeline;

	private final BlockedCustomers blocked;

	CustomerMerges(CustomerRepository customers, ContactRepository contacts, CustomerVisitors visitors, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, CustomerEvents timeline, BlockedCustomers blocked) {
		this.timeline = timeline;
		this.blocked = blocked;
		this.customers = customers;
		this.contacts = contacts;
		this.visitors = visitors;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges {@code merged} into {@code survivor}; both must be live records and differ
	 * (the caller checks, so it can say why not).
	 * @param actor the username merging; null for Parley itself
	 * @param summary what the merge moved, in a line, for the list of merges
	 */
	@Transactional
	public void merge(Customer survivor, Customer merged, String actor, String summary) {
		merge(survivor, merged, actor, null, summary);
	}

	/**
	 * As {@link #merge(Customer, Customer, String, String)}, naming the staff member on
	 * the timeline by his display name.
	 */
	@Transactional
	public void merge(Customer survivor, Customer merged, String actor, String actorName, String summary) {
		long s = survivor.id();
		long m = merged.id();
		Instant now = this.clock.instant();
		// lock both rows in id order, so two merges of the same pair cannot deadlock
		lock(Math.min(s, m));
		lock(Math.max(s, m));
		// read again under the locks: a merge of the same pair the other way round (or an
		// erasure) may have committed since the caller read them, and merging then would
		// point each record at the other and lose both
		survivor = stillLive(s);
		merged = stillLive(m);
		carryBlock(survivor, merged, now);
		this.visitors.moveVisitors(m, s);
		this.contacts.move(m, s);
		this.jdbc.sql("UPDATE customer_identity SET customer_id = ? WHERE customer_id = ?").params(s, m).update();
		moveDistinct("customer_tag", "tag", s, m);
		moveDistinct("customer_attribute_value", "attribute_id", s, m);
		moveDistinct("customer_channel", "channel_id", s, m);
		this.jdbc.sql("UPDATE customer_note SET customer_id = ? WHERE customer_id = ?").params(s, m).update();
		this.timeline.move(m, s);
		this.jdbc
			.sql("DELETE FROM customer_suggestion WHERE (customer_id = ? AND candidate_id = ?) "
					+ "OR (customer_id = ? AND candidate_id = ?)")
			.params(s, m, m, s)
			.update();
		moveDistinctSuggestions(s, m);
		this.jdbc
			.sql("UPDATE customer SET name = COALESCE(name, ?), company = COALESCE(company, ?), "
					+ "language = COALESCE(language, ?), time_zone = COALESCE(time_zone, ?), "
					+ "level_id = COALESCE(level_id, ?), updated_at = ?, version = version + 1 WHERE id = ?")
			.params(merged.name(), merged.company(), merged.language(), merged.timeZone(), merged.levelId(),
					now.toEpochMilli(), s)
			.update();
		this.customers.absorbSightings(s, merged);
		this.customers.markMerged(m, s, now);
		this.customers.activity(s, this.visitors.activity(s));
		this.jdbc
			.sql("INSERT INTO customer_merge (survivor_id, merged_id, actor, merged_at, summary) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(s, m, actor, now.toEpochMilli(), summary)
			.update();
		this.timeline.record(s, CustomerEventKind.MERGED, actorName, "#" + m
				+ ((merged.name() != null) ? " " + merged.name() : "") + ((summary != null) ? ": " + summary : ""),
				now);
		this.blocked.changed();
		this.events.publishEvent(new CustomersMerged(s, m, actor, now));
		this.events.publishEvent(new CustomerChanged(s, now));
	}

	private Customer stillLive(long id) {
		// a locking read, so that on MariaDB too it sees what committed meanwhile
		Customer customer = this.customers.findLocked(id).orElseThrow(() -> ApiException.notFound("Customer"));
		if (customer.mergedInto() != null || customer.erasedAt() != null) {
			throw ApiException.conflict("customer_merged", "Customer " + id + " was merged or erased meanwhile");
		}
		return customer;
	}

	/**
	 * A block on the merged record goes on with the survivor: the survivor's own block
	 * stays, unless it ends and the merged one's does not (a permanent block wins).
	 */
	private void carryBlock(Customer survivor, Customer merged, Instant now) {
		if (!merged.blockedAt(now)) {
			return;
		}
		if (survivor.blockedAt(now) && (survivor.blockedUntil() == null || merged.blockedUntil() != null)) {
			return;
		}
		this.jdbc
			.sql("UPDATE customer SET blocked_at = ?, blocked_until = ?, block_reason = ?, blocked_by = ? WHERE id = ?")
			.params(merged.blockedAt().toEpochMilli(),
					(merged.blockedUntil() != null) ? merged.blockedUntil().toEpochMilli() : null, merged.blockReason(),
					merged.blockedBy(), survivor.id())
			.update();
	}

	private void lock(long id) {
		this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
	}

	/**
	 * Moves rows keyed by (customer_id, {@code key}) to the survivor, except those it has
	 * already (the survivor's stay, the merged one's are deleted).
	 */
	private void moveDistinct(String table, String key, long survivor, long merged) {
		List<Object> taken = this.jdbc.sql("SELECT " + key + " FROM " + table + " WHERE customer_id = ?")
			.param(survivor)
			.query((rs, row) -> rs.getObject(1))
			.list();
		for (Object value : taken) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE customer_id = ? AND " + key + " = ?")
				.params(merged, value)
				.update();
		}
		this.jdbc.sql("UPDATE " + table + " SET customer_id = ? WHERE customer_id = ?")
			.params(survivor, merged)
			.update();
	}

	/**
	 * Points the merged customer's suggestions at the survivor; those that would then
	 * repeat one or name the survivor twice are dropped.
	 */
	private void moveDistinctSuggestions(long survivor, long merged) {
		record Suggestion(long id, long customerId, long candidateId, String reason) {
		}
		List<Suggestion> moving = this.jdbc
			.sql("SELECT id, customer_id, candidate_id, reason FROM customer_suggestion "
					+ "WHERE customer_id = ? OR candidate_id = ?")
			.params(merged, merged)
			.query((rs, row) -> new Suggestion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.list();
		for (Suggestion suggestion : moving) {
			long customer = (suggestion.customerId() == merged) ? survivor : suggestion.customerId();
			long candidate = (suggestion.candidateId() == merged) ? survivor : suggestion.candidateId();
			boolean repeats = customer == candidate || this.jdbc.sql(
					"SELECT COUNT(*) FROM customer_suggestion WHERE customer_id = ? AND candidate_id = ? AND reason = ?")
				.params(customer, candidate, suggestion.reason())
				.query(Integer.class)
				.single() > 0;
			if (repeats) {
				this.jdbc.sql("DELETE FROM customer_suggestion WHERE id = ?").param(suggestion.id()).update();
			}
			else {
				this.jdbc.sql("UPDATE customer_suggestion SET customer_id = ?, candidate_id = ? WHERE id = ?")
					.params(customer, candidate, suggestion.id())
					.update();
			}
		}
	}

}
