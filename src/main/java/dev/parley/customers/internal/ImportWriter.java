package dev.parley.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.customers.CustomerChanged;
import dev.parley.platform.PersonalData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes one checked row of an import: a new customer, or (when asked to) the live
 * customer who has the row's e-mail address, found by its blind index. A cell left empty
 * changes nothing; tags and contacts are added; e-mail addresses and phone numbers are
 * recorded unverified (a file proves nobody's identity). Joins the caller's transaction
 * and announces each record with {@link CustomerChanged}.
 */
@Component
class ImportWriter {

	private final JdbcClient jdbc;

	private final ContactRepository contacts;

	private final PersonalData personal;

	private final ApplicationEventPublisher events;

	ImportWriter(JdbcClient jdbc, ContactRepository contacts, PersonalData personal, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.personal = personal;
		this.events = events;
	}

	/**
	 * @return whether a customer was created (false: an existing one updated)
	 */
	boolean write(ImportRules.Row row, boolean updateExisting, long actorId, Instant at) {
		Long existing = (updateExisting && row.email() != null) ? ownerOf(row.email()) : null;
		long now = at.toEpochMilli();
		long id;
		if (existing != null) {
			id = existing;
			this.jdbc
				.sql("UPDATE customer SET name = COALESCE(?, name), company = COALESCE(?, company), "
						+ "language = COALESCE(?, language), time_zone = COALESCE(?, time_zone), "
						+ "level_id = COALESCE(?, level_id), updated_at = ?, version = version + 1 WHERE id = ?")
				.params(row.name(), row.company(), row.language(), row.timeZone(), row.levelId(), now, id)
				.update();
		}
		else {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("INSERT INTO customer (name, company, language, time_zone, level_id, first_seen_at, last_seen_at, "
						+ "conversation_count, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)")
				.params(row.name(), row.company(), row.language(), row.timeZone(), row.levelId(), now, now, now, now)
				.update(keys, "id");
			id = keys.getKeyAs(Number.class).longValue();
		}
		contact(id, existing != null, ContactKind.EMAIL, row.email(), at);
		contact(id, existing != null, ContactKind.PHONE, row.phone(), at);
		tags(id, row.tags(), existing != null);
		for (Map.Entry<ImportRules.Attribute, ImportRules.Value> value : row.attributes().entrySet()) {
			attribute(id, value.getKey(), value.getValue());
		}
		if (row.note() != null) {
			this.jdbc
				.sql("INSERT INTO customer_note (customer_id, author_id, body, created_at, updated_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(id, actorId, row.note(), now, now)
				.update();
		}
		this.events.publishEvent(new CustomerChanged(id, at));
		return existing == null;
	}

	/**
	 * Adds the contact, unverified: a new customer's at once (one statement, he has none
	 * yet), an existing one's unless he has it.
	 */
	private void contact(long id, boolean existing, ContactKind kind, String value, Instant at) {
		if (value == null) {
			return;
		}
		if (existing) {
			this.contacts.add(id, kind, value, false, at);
			return;
		}
		this.jdbc
			.sql("INSERT INTO customer_contact (customer_id, kind, value_sealed, value_index, verified, created_at) "
					+ "VALUES (?, ?, ?, ?, FALSE, ?)")
			.params(id, kind.name(), this.personal.seal(value.strip()), this.contacts.index(kind, value),
					at.toEpochMilli())
			.update();
	}

	/** The live customer who has the address, verified ones first. */
	private Long ownerOf(String email) {
		return this.jdbc
			.sql("SELECT cc.customer_id FROM customer_contact cc JOIN customer c ON c.id = cc.customer_id "
					+ "WHERE cc.kind = ? AND cc.value_index = ? AND c.merged_into IS NULL AND c.erased_at IS NULL "
					+ "ORDER BY cc.verified DESC, cc.customer_id LIMIT 1")
			.params(ContactKind.EMAIL.name(), this.contacts.index(ContactKind.EMAIL, email))
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void tags(long id, List<String> tags, boolean existing) {
		for (String tag : tags) {
			if (existing && this.jdbc.sql("SELECT COUNT(*) FROM customer_tag WHERE customer_id = ? AND tag = ?")
				.params(id, tag)
				.query(Integer.class)
				.single() > 0) {
				continue;
			}
			this.jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
	}

	private void attribute(long id, ImportRules.Attribute attribute, ImportRules.Value value) {
		this.jdbc.sql("DELETE FROM customer_attribute_value WHERE customer_id = ? AND attribute_id = ?")
			.params(id, attribute.id())
			.update();
		String text = (value.text() != null && attribute.sensitive()) ? this.personal.seal(value.text()) : value.text();
		this.jdbc
			.sql("INSERT INTO customer_attribute_value (customer_id, attribute_id, text_value, choice_value, "
					+ "number_value, date_value) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, attribute.id(), text, value.choice(), value.number(), value.day())
			.update();
	}

}
