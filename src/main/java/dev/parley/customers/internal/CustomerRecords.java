package dev.parley.customers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.ChannelDirectory;
import dev.parley.conversations.CustomerVisitors;
import dev.parley.customers.internal.CustomerView.BlockView;
import dev.parley.customers.internal.CustomerView.ChannelRef;
import dev.parley.customers.internal.CustomerView.ContactView;
import dev.parley.customers.internal.CustomerView.LevelRef;
import dev.parley.customers.internal.CustomerView.NoteView;
import dev.parley.customers.internal.CustomerView.SuggestionView;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a customer record whole (profile, contacts, tags, attributes, notes, open
 * suggestions), following merges to the survivor, and revealing his contact details.
 */
@Service
public class CustomerRecords {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final AttributeDefinitions definitions;

	private final AttributeValues values;

	private final Levels levels;

	private final ChannelDirectory channels;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final CustomerVisitors visitors;

	CustomerRecords(CustomerRepository customers, ContactRepository contacts, AttributeDefinitions definitions,
			AttributeValues values, Levels levels, ChannelDirectory channels, StaffDirectory staff, AuditLog audit,
			JdbcClient jdbc, java.time.Clock clock, CustomerVisitors visitors) {
		this.clock = clock;
		this.visitors = visitors;
		this.customers = customers;
		this.contacts = contacts;
		this.definitions = definitions;
		this.values = values;
		this.levels = levels;
		this.channels = channels;
		this.staff = staff;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** A new, empty customer record (filled in by an edit in the same transaction). */
	long insert(Instant at) {
		return this.customers.insert(null, null, at);
	}

	/**
	 * @return the live record (the survivor of a merged one)
	 * @throws ApiException not_found for an unknown id
	 */
	public Customer live(long id) {
		this.customers.findById(id).orElseThrow(() -> ApiException.notFound("Customer"));
		return this.customers.findLive(id).orElseThrow(() -> ApiException.notFound("Customer"));
	}

	/**
	 * @return the record itself, refusing a merged one ({@code customer_merged}, 409,
	 * naming the survivor): changes go to the survivor knowingly
	 */
	public Customer forChange(long id) {
		Customer asked = this.customers.findById(id).orElseThrow(() -> ApiException.notFound("Customer"));
		if (asked.mergedInto() != null) {
			throw ApiException.conflict("customer_merged", "This record was merged into another")
				.with("mergedInto", live(id).id());
		}
		return asked;
	}

	public CustomerView view(long id) {
		Customer c = live(id);
		return view(c, (c.id() != id) ? c.id() : null);
	}

	CustomerView view(Customer c, Long mergedInto) {
		LevelRef level = (c.levelId() != null)
				? this.levels.find(c.levelId()).map((l) -> new LevelRef(l.id(), l.name())).orElse(null) : null;
		List<Long> channelIds = this.jdbc
			.sql("SELECT channel_id FROM customer_channel WHERE customer_id = ? ORDER BY first_seen_at, channel_id")
			.param(c.id())
			.query(Long.class)
			.list();
		Map<Long, String> channelNames = channelIds.isEmpty() ? Map.of() : this.channels.names(channelIds);
		List<ChannelRef> channelRefs = channelIds.stream()
			.map((cid) -> new ChannelRef(cid, channelNames.get(cid)))
			.toList();
		List<NoteView> notes = notes(c.id());
		BlockView block = c.blockedAt(this.clock.instant())
				? new BlockView(c.blockedAt(), c.blockedUntil(), c.blockReason(), c.blockedBy()) : null;
		List<ContactView> contacts = this.contacts.of(c.id())
			.stream()
			.map((k) -> new ContactView(k.id(), k.kind(), Masking.mask(k.kind(), k.value()), k.verified(),
					k.createdAt()))
			.toList();
		return new CustomerView(c.id(), mergedInto, c.version(), c.name(), c.company(), c.language(), c.timeZone(),
				level, c.firstSeenAt(), c.lastSeenAt(), c.lastConversationAt(), c.conversationCount(), c.lastRating(),
				channelRefs, block, c.erasedAt(), contacts, tags(c.id()),
				this.values.of(c.id(), this.definitions.list(), false), notes, suggestions(c.id()), c.createdAt(),
				c.updatedAt());
	}

	List<String> tags(long customerId) {
		return this.jdbc.sql("SELECT tag FROM customer_tag WHERE customer_id = ? ORDER BY tag")
			.param(customerId)
			.query(String.class)
			.list();
	}

	private List<NoteView> notes(long customerId) {
		record Row(long id, String body, Long authorId, Instant createdAt, Instant updatedAt) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT id, body, author_id, created_at, updated_at FROM customer_note WHERE customer_id = ? "
					+ "ORDER BY created_at DESC, id DESC")
			.param(customerId)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
			.list();
		List<Long> authors = rows.stream().map(Row::authorId).filter(Objects::nonNull).distinct().toList();
		Map<Long, String> names = authors.isEmpty() ? Map.of() : this.staff.displayNames(authors);
		return rows.stream()
			.map((r) -> new NoteView(r.id(), r.body(), r.authorId(),
					(r.authorId() != null) ? names.get(r.authorId()) : null, r.createdAt(), r.updatedAt()))
			.toList();
	}

	private List<SuggestionView> suggestions(long customerId) {
		record Row(long id, long other, String reason, Instant at) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT s.id, s.customer_id, s.candidate_id, s.reason, s.created_at FROM customer_suggestion s "
					+ "WHERE (s.customer_id = ? OR s.candidate_id = ?) AND s.dismissed_at IS NULL ORDER BY s.id")
			.params(customerId, customerId)
			.query((rs, row) -> new Row(rs.getLong(1), (rs.getLong(2) == customerId) ? rs.getLong(3) : rs.getLong(2),
					rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
			.list();
		List<SuggestionView> found = new ArrayList<>();
		for (Row r : rows) {
			this.customers.findById(r.other())
				.filter((o) -> o.mergedInto() == null)
				.ifPresent((o) -> found.add(new SuggestionView(r.id(), o.id(), o.name(), r.reason(), r.at())));
		}
		return found;
	}

	/** A customer in short, for the inbox. */
	public record Summary(long id, String name, LevelRef level, List<String> tags, int conversationCount,
			BlockView blocked) {
	}

	public Summary summaryOfConversation(long conversationId) {
		long customerId = this.visitors.customerOfConversation(conversationId)
			.orElseThrow(() -> ApiException.notFound("Customer"));
		Customer c = live(customerId);
		LevelRef level = (c.levelId() != null)
				? this.levels.find(c.levelId()).map((l) -> new LevelRef(l.id(), l.name())).orElse(null) : null;
		BlockView block = c.blockedAt(this.clock.instant())
				? new BlockView(c.blockedAt(), c.blockedUntil(), c.blockReason(), c.blockedBy()) : null;
		return new Summary(c.id(), c.name(), level, tags(c.id()), c.conversationCount(), block);
	}

	/** The customer's contact details and sensitive attribute values in clear. */
	public record Revealed(long id, List<ContactView> contacts, List<AttributeValues.Value> attributes) {
	}

	/** Shows the contact details in clear to a holder of customer.pii.view, audited. */
	@Transactional
	public Revealed reveal(long id, StaffActor actor) {
		Customer c = live(id);
		List<ContactView> contacts = this.contacts.of(c.id())
			.stream()
			.map((k) -> new ContactView(k.id(), k.kind(), k.value(), k.verified(), k.createdAt()))
			.toList();
		List<AttributeValues.Value> sensitive = this.values.of(c.id(), this.definitions.list(), true)
			.stream()
			.filter(AttributeValues.Value::sensitive)
			.toList();
		this.audit.record(actor.username(), "customer.pii.revealed", "customer " + c.id(), AuditResult.SUCCESS, null);
		return new Revealed(c.id(), contacts, sensitive);
	}

}
