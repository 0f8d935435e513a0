package dev.parley.customers.internal;

import java.time.Instant;

import dev.parley.customers.CustomerChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a customer (staff only, never shown to him). Anyone with customer.edit adds
 * one; its author edits or deletes it, and so does a holder of customer.manage.
 */
@Service
public class CustomerNotes {

	private static final int MAX = 4000;

	private final CustomerRecords records;

	private final CustomerEvents timeline;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	CustomerNotes(CustomerRecords records, CustomerEvents timeline, JdbcClient jdbc, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.records = records;
		this.timeline = timeline;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CustomerView add(long customerId, String body, StaffActor actor) {
		String text = body(body);
		Customer c = this.records.forChange(customerId);
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"INSERT INTO customer_note (customer_id, author_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(c.id(), actor.id(), text, now.toEpochMilli(), now.toEpochMilli())
			.update();
		changed(c.id(), CustomerEventKind.NOTE_ADDED, actor, text, now);
		return this.records.view(c.id());
	}

	@Transactional
	public CustomerView edit(long customerId, long noteId, String body, StaffActor actor) {
		String text = body(body);
		Customer c = this.records.forChange(customerId);
		mayChange(c.id(), noteId, actor);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE customer_note SET body = ?, updated_at = ? WHERE id = ?")
			.params(text, now.toEpochMilli(), noteId)
			.update();
		changed(c.id(), CustomerEventKind.NOTE_EDITED, actor, text, now);
		return this.records.view(c.id());
	}

	@Transactional
	public CustomerView delete(long customerId, long noteId, StaffActor actor) {
		Customer c = this.records.forChange(customerId);
		mayChange(c.id(), noteId, actor);
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM customer_note WHERE id = ?").param(noteId).update();
		changed(c.id(), CustomerEventKind.NOTE_DELETED, actor, null, now);
		return this.records.view(c.id());
	}

	private void changed(long customerId, CustomerEventKind kind, StaffActor actor, String text, Instant now) {
		this.jdbc.sql("UPDATE customer SET updated_at = ? WHERE id = ?")
			.params(now.toEpochMilli(), customerId)
			.update();
		this.timeline.record(customerId, kind, actor.displayName(),
				(text != null && text.length() > 120) ? text.substring(0, 120) + "…" : text, now);
		this.events.publishEvent(new CustomerChanged(customerId, now));
	}

	private void mayChange(long customerId, long noteId, StaffActor actor) {
		Long author = this.jdbc.sql("SELECT author_id FROM customer_note WHERE id = ? AND customer_id = ?")
			.params(noteId, customerId)
			.query((rs, row) -> (Long) rs.getObject(1, Long.class))
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Note"));
		if ((author == null || author != actor.id()) && !actor.can(Permission.CUSTOMER_MANAGE)) {
			throw ApiException.forbidden(Permission.CUSTOMER_MANAGE.code());
		}
	}

	private static String body(String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty() || text.length() > MAX) {
			throw ApiException.invalid("body", "must be 1 to " + MAX + " characters");
		}
		return text;
	}

}
