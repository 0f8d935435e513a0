package dev.parley.customers.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.CustomerData;
import dev.parley.customers.CustomerChanged;
import dev.parley.customers.CustomerErased;
import dev.parley.customers.internal.ContactRepository;
import dev.parley.customers.internal.Customer;
import dev.parley.customers.internal.CustomerRepository;
import dev.parley.platform.ApiException;
import dev.parley.platform.PersonalData;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data subject requests about one customer: everything Parley holds about him, and its
 * erasure. Both are audited.
 */
@Service
public class DataSubjectRequests {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final CustomerData chat;

	private final JdbcClient jdbc;

	private final PersonalData personal;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DataSubjectRequests(CustomerRepository customers, ContactRepository contacts, CustomerData chat, JdbcClient jdbc,
			PersonalData personal, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.chat = chat;
		this.jdbc = jdbc;
		this.personal = personal;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return everything about the customer, as JSON-ready values
	 */
	public Map<String, Object> export(long customerId, String actor) {
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> ApiException.notFound("Customer"));
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", this.clock.instant());
		export.put("customer", customer(customer));
		export.put("contacts",
				this.contacts.of(customerId)
					.stream()
					.map((c) -> Map.of("kind", c.kind().name().toLowerCase(), "value", c.value(), "verified",
							c.verified(), "createdAt", c.createdAt()))
					.toList());
		export.put("identities",
				this.jdbc.sql("SELECT external_id FROM customer_identity WHERE customer_id = ? ORDER BY external_id")
					.param(customerId)
					.query(String.class)
					.list());
		export.put("tags",
				this.jdbc.sql("SELECT tag FROM customer_tag WHERE customer_id = ? ORDER BY tag")
					.param(customerId)
					.query(String.class)
					.list());
		export.put("attributes", attributes(customerId));
		export.put("notes", this.jdbc
			.sql("SELECT body, created_at, updated_at FROM customer_note WHERE customer_id = ? ORDER BY created_at, id")
			.param(customerId)
			.query((rs, row) -> Map.of("text", rs.getString(1), "createdAt", Instant.ofEpochMilli(rs.getLong(2)),
					"updatedAt", Instant.ofEpochMilli(rs.getLong(3))))
			.list());
		export.put("merges", this.jdbc
			.sql("SELECT survivor_id, merged_id, merged_at FROM customer_merge WHERE survivor_id = ? OR merged_id = ? "
					+ "ORDER BY merged_at, id")
			.params(customerId, customerId)
			.query((rs, row) -> Map.of("survivorId", rs.getLong(1), "mergedId", rs.getLong(2), "mergedAt",
					Instant.ofEpochMilli(rs.getLong(3))))
			.list());
		export.put("channels",
				this.jdbc
					.sql("SELECT channel_id, first_seen_at, last_seen_at FROM customer_channel WHERE customer_id = ? "
							+ "ORDER BY channel_id")
					.param(customerId)
					.query((rs, row) -> Map.of("channelId", rs.getLong(1), "firstSeenAt",
							Instant.ofEpochMilli(rs.getLong(2)), "lastSeenAt", Instant.ofEpochMilli(rs.getLong(3))))
					.list());
		export.put("visitors", this.chat.visitors(customerId));
		export.put("conversations", this.chat.transcripts(customerId));
		this.audit.record(actor, "customer.exported", "customer #" + customerId, AuditResult.SUCCESS, null);
		return export;
	}

	/**
	 * Erases the customer's personal data, and that of every record merged into him.
	 * @param confirmation his id or his name, typed by the one who asks
	 */
	public CustomerData.Anonymised erase(long customerId, String confirmation, String actor) {
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> ApiException.notFound("Customer"));
		String typed = (confirmation != null) ? confirmation.strip() : "";
		if (typed.isEmpty()) {
			throw ApiException.invalid("confirm", "must not be blank");
		}
		if (!typed.equals(String.valueOf(customerId)) && !typed.equals(customer.name())) {
			throw ApiException.invalid("confirm", "must be the customer's id or name");
		}
		if (customer.mergedInto() != null) {
			throw ApiException.conflict("customer_merged",
					"This record was merged into customer " + customer.mergedInto() + ": erase that one");
		}
		if (customer.erasedAt() != null) {
			throw ApiException.conflict("customer_erased", "This customer's data was erased already");
		}
		CustomerData.Anonymised done = erase(customerId, actor);
		this.audit.record(actor, "customer.erased", "customer #" + customerId, AuditResult.SUCCESS,
				done.visitors() + " visitors, " + done.conversations() + " conversations, " + done.messages()
						+ " messages, " + done.files() + " files");
		return done;
	}

	/**
	 * Erases without asking (retention): in one transaction.
	 */
	public CustomerData.Anonymised erase(long customerId, String actor) {
		return this.transactions.execute((tx) -> {
			Instant now = this.clock.instant();
			int visitors = 0;
			int conversations = 0;
			int messages = 0;
			int files = 0;
			for (long id : withMerged(customerId)) {
				CustomerData.Anonymised done = this.chat.anonymise(id);
				visitors += done.visitors();
				conversations += done.conversations();
				messages += done.messages();
				files += done.files();
				empty(id, now);
				this.events.publishEvent(new CustomerChanged(id, now));
			}
			this.events.publishEvent(new CustomerErased(customerId, actor, now));
			return new CustomerData.Anonymised(visitors, conversations, messages, files);
		});
	}

	/** The customer and every record merged into him, at any depth. */
	private List<Long> withMerged(long customerId) {
		List<Long> all = new ArrayList<>(List.of(customerId));
		for (int i = 0; i < all.size(); i++) {
			for (Long merged : this.jdbc.sql("SELECT id FROM customer WHERE merged_into = ? ORDER BY id")
				.param(all.get(i))
				.query(Long.class)
				.list()) {
				if (!all.contains(merged)) {
					all.add(merged);
				}
			}
		}
		return all;
	}

	private void empty(long id, Instant now) {
		for (String table : List.of("customer_contact", "customer_tag", "customer_attribute_value", "customer_note",
				"customer_identity", "customer_channel")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE customer_id = ?").param(id).update();
		}
		this.jdbc.sql("DELETE FROM customer_suggestion WHERE customer_id = ? OR candidate_id = ?")
			.params(id, id)
			.update();
		this.jdbc.sql("UPDATE customer_merge SET summary = NULL WHERE survivor_id = ? OR merged_id = ?")
			.params(id, id)
			.update();
		// the timeline keeps what happened and when, not what was written (notes, tags,
		// reasons, names)
		this.jdbc.sql("UPDATE customer_event SET detail = NULL WHERE customer_id = ?").param(id).update();
		// his portal account goes: nobody signs in to an erased record
		this.jdbc
			.sql("DELETE FROM customer_account_token WHERE account_id IN "
					+ "(SELECT id FROM customer_account WHERE customer_id = ?)")
			.param(id)
			.update();
		this.jdbc.sql("DELETE FROM customer_account WHERE customer_id = ?").param(id).update();
		// his visitors are unlinked, so his conversations are no longer his: the count
		// (and
		// the date of the last one) go with them, as the page's list of his conversations
		// does
		this.jdbc
			.sql("UPDATE customer SET name = NULL, company = NULL, language = NULL, time_zone = NULL, level_id = NULL, "
					+ "block_reason = NULL, last_rating = NULL, conversation_count = 0, last_conversation_at = NULL, "
					+ "erased_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now.toEpochMilli(), now.toEpochMilli(), id)
			.update();
	}

	private Map<String, Object> customer(Customer c) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", c.id());
		record.put("name", c.name());
		record.put("company", c.company());
		record.put("language", c.language());
		record.put("timeZone", c.timeZone());
		record.put("level",
				(c.levelId() != null) ? this.jdbc.sql("SELECT name FROM customer_level WHERE id = ?")
					.param(c.levelId())
					.query(String.class)
					.optional()
					.orElse(null) : null);
		record.put("firstSeenAt", c.firstSeenAt());
		record.put("lastSeenAt", c.lastSeenAt());
		record.put("conversationCount", c.conversationCount());
		record.put("lastRating", c.lastRating());
		record.put("blockedAt", c.blockedAt());
		record.put("blockedUntil", c.blockedUntil());
		record.put("blockReason", c.blockReason());
		record.put("mergedInto", c.mergedInto());
		record.put("erasedAt", c.erasedAt());
		record.put("createdAt", c.createdAt());
		return record;
	}

	private List<Map<String, Object>> attributes(long customerId) {
		return this.jdbc
			.sql("SELECT a.attr_key, a.label, a.attr_type, v.text_value, v.choice_value, v.number_value, "
					+ "v.date_value FROM customer_attribute_value v JOIN customer_attribute a ON a.id = v.attribute_id "
					+ "WHERE v.customer_id = ? ORDER BY a.position, a.id")
			.param(customerId)
			.query((rs, row) -> {
				Object value = switch (rs.getString(3)) {
					case "NUMBER" -> rs.getBigDecimal(6);
					case "DATE" ->
						(rs.getObject(7) != null) ? java.time.LocalDate.ofEpochDay(rs.getLong(7)).toString() : null;
					case "CHOICE" -> rs.getString(5);
					default -> {
						String text = rs.getString(4);
						yield (text != null && text.startsWith("pd1:")) ? this.personal.open(text) : text;
					}
				};
				Map<String, Object> attribute = new LinkedHashMap<>();
				attribute.put("key", rs.getString(1));
				attribute.put("label", rs.getString(2));
				attribute.put("value", value);
				return attribute;
			})
			.list();
	}

}
