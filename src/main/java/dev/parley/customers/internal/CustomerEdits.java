package dev.parley.customers.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.customers.CustomerChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of a customer record by staff: the profile (name, company, language, time zone,
 * level), contacts, tags and attribute values, in one change under optimistic locking
 * ({@code version}; a stale one is {@code stale_version}, 409). Every field is checked
 * before anything is stored; a change publishes {@link CustomerChanged} and writes the
 * timeline.
 *
 * <p>
 * The body is a JSON merge patch: a field left out stays, a field given as null clears
 * it.
 */
@Service
public class CustomerEdits {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,30}");

	private static final int MAX_TAGS = 50;

	private final CustomerRecords records;

	private final ContactRepository contacts;

	private final AttributeDefinitions definitions;

	private final AttributeValues values;

	private final Levels levels;

	private final CustomerEvents timeline;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	CustomerEdits(CustomerRecords records, ContactRepository contacts, AttributeDefinitions definitions,
			AttributeValues values, Levels levels, CustomerEvents timeline, JdbcClient jdbc,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.records = records;
		this.contacts = contacts;
		this.definitions = definitions;
		this.values = values;
		this.levels = levels;
		this.timeline = timeline;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	private record NewContact(ContactKind kind, String value) {
	}

	/**
	 * Creates a customer by hand (a caller who never used the chat): the fields of an
	 * edit but {@code version} and {@code removeContacts}, checked as an edit checks
	 * them; a refusal stores nothing. Contacts added so are unverified.
	 */
	@Transactional
	public CustomerView create(JsonNode body, StaffActor actor) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("name", "is required");
		}
		for (String field : body.propertyNames()) {
			if (field.equals("version") || field.equals("removeContacts")) {
				throw ApiException.invalid(field, "is not a field of a customer");
			}
		}
		if (!body.hasNonNull("name") && !body.hasNonNull("addContacts")) {
			throw ApiException.invalid("name", "is required");
		}
		tools.jackson.databind.node.ObjectNode patch = ((tools.jackson.databind.node.ObjectNode) body).deepCopy();
		patch.put("version", 0);
		long id = this.records.insert(this.clock.instant());
		return update(id, patch, actor);
	}

	@Transactional
	public CustomerView update(long id, JsonNode patch, StaffActor actor) {
		if (patch == null || !patch.isObject()) {
			throw ApiException.invalid("version", "is required");
		}
		Customer c = this.records.forChange(id);
		JsonNode version = patch.path("version");
		if (!version.isIntegralNumber()) {
			throw ApiException.invalid("version", "is required (the version you edited)");
		}
		for (String field : patch.propertyNames()) {
			if (!Set
				.of("version", "name", "company", "language", "timeZone", "levelId", "tags", "attributes",
						"addContacts", "removeContacts")
				.contains(field)) {
				throw ApiException.invalid(field, "is not a field of a customer");
			}
		}
		// check everything first: a refusal changes nothing
		List<String> profile = new ArrayList<>();
		String name = patch.has("name") ? text(patch, "name", 100) : c.name();
		String company = patch.has("company") ? text(patch, "company", 200) : c.company();
		String language = patch.has("language") ? language(patch) : c.language();
		String timeZone = patch.has("timeZone") ? timeZone(patch) : c.timeZone();
		Long levelId = patch.has("levelId") ? level(patch) : c.levelId();
		diff(profile, "name", c.name(), name);
		diff(profile, "company", c.company(), company);
		diff(profile, "language", c.language(), language);
		diff(profile, "timeZone", c.timeZone(), timeZone);
		diff(profile, "level", c.levelId(), levelId);
		List<String> tags = patch.has("tags") ? tags(patch.get("tags")) : null;
		List<AttributeValues.Checked> attributes = patch.has("attributes")
				? this.values.check(patch.get("attributes"), this.definitions.list()) : List.of();
		List<NewContact> added = patch.has("addContacts") ? newContacts(patch.get("addContacts")) : List.of();
		List<Long> removed = patch.has("removeContacts") ? removed(patch.get("removeContacts"), c.id()) : List.of();

		Instant now = this.clock.instant();
		int bumped = this.jdbc.sql(
				"UPDATE customer SET name = ?, company = ?, language = ?, time_zone = ?, level_id = ?, updated_at = ?, "
						+ "version = version + 1 WHERE id = ? AND version = ? AND merged_into IS NULL")
			.params(name, company, language, timeZone, levelId, now.toEpochMilli(), c.id(), version.asInt())
			.update();
		if (bumped == 0) {
			throw ApiException.conflict("stale_version", "Someone changed this customer meanwhile; reload it")
				.with("version", c.version());
		}
		String by = actor.displayName();
		if (!profile.isEmpty()) {
			this.timeline.record(c.id(), CustomerEventKind.PROFILE_CHANGED, by, String.join(", ", profile), now);
		}
		for (NewContact contact : added) {
			if (this.contacts.add(c.id(), contact.kind(), contact.value(), false, now)) {
				this.timeline.record(c.id(), CustomerEventKind.CONTACT_ADDED, by,
						contact.kind().name() + " " + Masking.mask(contact.kind(), contact.value()), now);
			}
		}
		for (Long contactId : removed) {
			Contact gone = this.contacts.of(c.id())
				.stream()
				.filter((k) -> k.id() == contactId)
				.findFirst()
				.orElseThrow();
			this.contacts.remove(c.id(), contactId);
			this.timeline.record(c.id(), CustomerEventKind.CONTACT_REMOVED, by,
					gone.kind().name() + " " + Masking.mask(gone.kind(), gone.value()), now);
		}
		if (tags != null) {
			List<String> before = this.records.tags(c.id());
			if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(tags))) {
				this.jdbc.sql("DELETE FROM customer_tag WHERE customer_id = ?").param(c.id()).update();
				for (String tag : tags) {
					this.jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)")
						.params(c.id(), tag)
						.update();
				}
				this.timeline.record(c.id(), CustomerEventKind.TAGS_CHANGED, by, String.join(", ", tags), now);
			}
		}
		if (!attributes.isEmpty()) {
			this.values.store(c.id(), attributes);
			this.timeline.record(c.id(), CustomerEventKind.ATTRIBUTES_CHANGED, by,
					String.join(", ", attributes.stream().map((a) -> a.definition().label()).toList()), now);
		}
		this.events.publishEvent(new CustomerChanged(c.id(), now));
		return this.records.view(c.id());
	}

	private static void diff(List<String> changed, String field, Object before, Object after) {
		if (!java.util.Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static String text(JsonNode patch, String field, int max) {
		JsonNode node = patch.get(field);
		if (node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.invalid(field, "must be text");
		}
		String value = node.asString().strip();
		if (value.length() > max) {
			throw ApiException.invalid(field, "must be at most " + max + " characters");
		}
		return value.isEmpty() ? null : value;
	}

	private static String language(JsonNode patch) {
		String value = text(patch, "language", 35);
		if (value == null) {
			return null;
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(value).build();
			if (locale.getLanguage().isEmpty()) {
				throw ApiException.invalid("language", "must be a BCP 47 language tag such as zh-CN");
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw ApiException.invalid("language", "must be a BCP 47 language tag such as zh-CN");
		}
	}

	private static String timeZone(JsonNode patch) {
		String value = text(patch, "timeZone", 64);
		if (value == null) {
			return null;
		}
		try {
			return ZoneId.of(value).getId();
		}
		catch (DateTimeException ex) {
			throw ApiException.invalid("timeZone", "must be a time zone such as Asia/Shanghai");
		}
	}

	private Long level(JsonNode patch) {
		JsonNode node = patch.get("levelId");
		if (node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || this.levels.find(node.asLong()).isEmpty()) {
			throw ApiException.invalid("levelId", "is not a level");
		}
		return node.asLong();
	}

	static List<String> tags(JsonNode node) {
		if (!node.isArray()) {
			throw ApiException.invalid("tags", "must be a list of tags");
		}
		LinkedHashSet<String> tags = new LinkedHashSet<>();
		for (JsonNode tag : node) {
			String value = tag.isString() ? tag.asString().strip() : "";
			if (value.isEmpty() || value.length() > 50) {
				throw ApiException.invalid("tags", "each tag must be 1 to 50 characters");
			}
			tags.add(value);
		}
		if (tags.size() > MAX_TAGS) {
			throw ApiException.invalid("tags", "at most " + MAX_TAGS + " tags");
		}
		return List.copyOf(tags);
	}

	private static List<NewContact> newContacts(JsonNode node) {
		if (!node.isArray() || node.size() > 20) {
			throw ApiException.invalid("addContacts", "must be a list of at most 20 contacts");
		}
		List<NewContact> added = new ArrayList<>();
		for (JsonNode contact : node) {
			String kind = contact.path("kind").asString("");
			String value = contact.path("value").isString() ? contact.path("value").asString().strip() : "";
			if ("EMAIL".equals(kind)) {
				if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
					throw ApiException.invalid("addContacts.value", "is not an e-mail address");
				}
				added.add(new NewContact(ContactKind.EMAIL, value));
			}
			else if ("PHONE".equals(kind)) {
				long digits = value.chars().filter(Character::isDigit).count();
				if (!PHONE.matcher(value).matches() || digits < 5 || digits > 20) {
					throw ApiException.invalid("addContacts.value", "is not a phone number");
				}
				added.add(new NewContact(ContactKind.PHONE, value));
			}
			else {
				throw ApiException.invalid("addContacts.kind", "must be EMAIL or PHONE");
			}
		}
		return added;
	}

	private List<Long> removed(JsonNode node, long customerId) {
		if (!node.isArray()) {
			throw ApiException.invalid("removeContacts", "must be a list of contact ids");
		}
		Set<Long> his = new java.util.HashSet<>(this.contacts.of(customerId).stream().map(Contact::id).toList());
		List<Long> ids = new ArrayList<>();
		for (JsonNode id : node) {
			if (!id.isIntegralNumber() || !his.contains(id.asLong())) {
				throw ApiException.invalid("removeContacts", "names a contact this customer does not have");
			}
			ids.add(id.asLong());
		}
		return ids;
	}

}
