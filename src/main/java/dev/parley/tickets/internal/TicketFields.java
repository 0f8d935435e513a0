package dev.parley.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields of tickets an administrator defines: a key (what the API uses), a
 * label, a type, the choices of a CHOICE field, whether it is required and its position.
 * The key and type stay as created (values are stored by them); deleting a field deletes
 * its values. Every change is audited.
 */
@Service
public class TicketFields {

	static final int CHOICES_MAX = 50;

	static final int CHOICE_MAX = 100;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	TicketFields(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The types of a custom field. */
	public enum FieldType {

		TEXT, NUMBER, DATE, CHOICE, CHECKBOX

	}

	/** A custom field. */
	public record Field(long id, String key, String label, FieldType type, List<String> choices, boolean required,
			int position) {
	}

	/** What an administrator sends. */
	public record Form(String key, String label, String type, List<String> choices, Boolean required,
			Integer position) {
	}

	public List<Field> list() {
		return this.jdbc
			.sql("SELECT id, field_key, label, type, choices, required, position FROM ticket_field "
					+ "ORDER BY position, id")
			.query(TicketFields::map)
			.list();
	}

	public Optional<Field> find(long id) {
		return this.jdbc
			.sql("SELECT id, field_key, label, type, choices, required, position FROM ticket_field WHERE id = ?")
			.param(id)
			.query(TicketFields::map)
			.optional();
	}

	@Transactional
	public Field create(Form form, StaffActor actor) {
		if (form == null) {
			throw ApiException.invalid("key", "is required");
		}
		String key = key(form.key());
		FieldType type = type(form.type());
		String label = label(form.label());
		List<String> choices = choices(type, form.choices());
		int position = position(form.position(), 0);
		if (this.jdbc.sql("SELECT COUNT(*) FROM ticket_field WHERE field_key = ?")
			.param(key)
			.query(Integer.class)
			.single() > 0) {
			throw ApiException.conflict("field_exists", "A custom field with this key is already there");
		}
		GeneratedKeyHolder id = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_field (field_key, label, type, choices, required, position, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(key, label, type.name(), joined(choices), Boolean.TRUE.equals(form.required()), position,
					this.clock.millis())
			.update(id, "id");
		this.audit.record(actor.username(), "ticket.field.created", key, AuditResult.SUCCESS,
				type.name() + " " + label);
		return find(id.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	@Transactional
	public Field update(long id, Form form, StaffActor actor) {
		Field before = find(id).orElseThrow(() -> ApiException.notFound("Field"));
		if (form == null) {
			throw ApiException.invalid("label", "is required");
		}
		if (form.key() != null && !form.key().equals(before.key())) {
			throw ApiException.invalid("key", "cannot be changed");
		}
		if (form.type() != null && !form.type().equals(before.type().name())) {
			throw ApiException.invalid("type", "cannot be changed");
		}
		String label = (form.label() != null) ? label(form.label()) : before.label();
		List<String> choices = (form.choices() != null || before.type() != FieldType.CHOICE)
				? choices(before.type(), form.choices()) : before.choices();
		boolean required = (form.required() != null) ? form.required() : before.required();
		int position = position(form.position(), before.position());
		this.jdbc.sql("UPDATE ticket_field SET label = ?, choices = ?, required = ?, position = ? WHERE id = ?")
			.params(label, joined(choices), required, position, id)
			.update();
		this.audit.record(actor.username(), "ticket.field.updated", before.key(), AuditResult.SUCCESS, label);
		return find(id).orElseThrow();
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		Field field = find(id).orElseThrow(() -> ApiException.notFound("Field"));
		int values = this.jdbc.sql("DELETE FROM ticket_field_value WHERE field_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM ticket_field WHERE id = ?").param(id).update();
		this.audit.record(actor.username(), "ticket.field.deleted", field.key(), AuditResult.SUCCESS,
				values + " values");
	}

	private static String key(String key) {
		if (key == null || !key.matches("[a-z][a-z0-9_]{0,39}")) {
			throw ApiException.invalid("key", "must be 1-40 lower-case letters, digits or _, starting with a letter");
		}
		return key;
	}

	private static FieldType type(String type) {
		if (type != null) {
			try {
				return FieldType.valueOf(type.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// refused below
			}
		}
		throw ApiException.invalid("type", "must be one of TEXT, NUMBER, DATE, CHOICE, CHECKBOX");
	}

	private static String label(String label) {
		if (label == null || label.isBlank()) {
			throw ApiException.invalid("label", "is required");
		}
		String value = label.strip();
		if (value.length() > 80) {
			throw ApiException.invalid("label", "must be at most 80 characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("label", "must be on one line");
		}
		return value;
	}

	private static List<String> choices(FieldType type, List<String> choices) {
		if (type != FieldType.CHOICE) {
			if (choices != null && !choices.isEmpty()) {
				throw ApiException.invalid("choices", "are only for a CHOICE field");
			}
			return List.of();
		}
		if (choices == null || choices.isEmpty() || choices.size() > CHOICES_MAX) {
			throw ApiException.invalid("choices", "must be 1 to 50 choices");
		}
		Set<String> out = new LinkedHashSet<>();
		for (String choice : choices) {
			if (choice == null || choice.isBlank() || choice.strip().length() > CHOICE_MAX
					|| choice.chars().anyMatch(Character::isISOControl)) {
				throw ApiException.invalid("choices", "must be one-line texts of at most 100 characters");
			}
			out.add(choice.strip());
		}
		return new ArrayList<>(out);
	}

	private static int position(Integer position, int otherwise) {
		if (position == null) {
			return otherwise;
		}
		if (position < 0 || position > 10_000) {
			throw ApiException.invalid("position", "must be 0 to 10000");
		}
		return position;
	}

	private static String joined(List<String> choices) {
		return choices.isEmpty() ? null : String.join("\n", choices);
	}

	static Field map(ResultSet rs, int row) throws SQLException {
		String choices = rs.getString("choices");
		return new Field(rs.getLong("id"), rs.getString("field_key"), rs.getString("label"),
				FieldType.valueOf(rs.getString("type")),
				(choices == null || choices.isEmpty()) ? List.of() : List.of(choices.split("\n")),
				rs.getBoolean("required"), rs.getInt("position"));
	}

}
