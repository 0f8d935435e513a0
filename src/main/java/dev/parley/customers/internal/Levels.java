package dev.parley.customers.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer levels (categories such as VIP), defined by an administrator: a name, a
 * position in lists and an optional skill routing asks of agents for the level's
 * customers. A level some customer has cannot be deleted ({@code level_in_use}).
 */
@Service
public class Levels {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Levels(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public record Level(long id, String name, int position, String routingSkill, long customers) {
	}

	public record Form(String name, Integer position, String routingSkill) {
	}

	public List<Level> list() {
		return this.jdbc
			.sql("SELECT l.id, l.name, l.position, l.routing_skill, "
					+ "(SELECT COUNT(*) FROM customer c WHERE c.level_id = l.id AND c.merged_into IS NULL "
					+ "AND c.erased_at IS NULL) " + "FROM customer_level l ORDER BY l.position, l.name")
			.query((rs, row) -> new Level(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5)))
			.list();
	}

	public Optional<Level> find(long id) {
		return list().stream().filter((l) -> l.id() == id).findFirst();
	}

	public Level get(long id) {
		return find(id).orElseThrow(() -> ApiException.notFound("Level"));
	}

	@Transactional
	public Level create(Form form, StaffActor actor) {
		Form valid = validate(form);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("INSERT INTO customer_level (name, position, routing_skill, created_at) VALUES (?, ?, ?, ?)")
				.params(valid.name(), valid.position(), valid.routingSkill(), this.clock.millis())
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
		long id = keys.getKeyAs(Number.class).longValue();
		this.audit.record(actor.username(), "customer.level.created", valid.name(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public Level update(long id, Form form, StaffActor actor) {
		get(id);
		Form valid = validate(form);
		if (this.jdbc.sql("SELECT COUNT(*) FROM customer_level WHERE name = ? AND id <> ?")
			.params(valid.name(), id)
			.query(Integer.class)
			.single() > 0) {
			throw taken();
		}
		this.jdbc.sql("UPDATE customer_level SET name = ?, position = ?, routing_skill = ? WHERE id = ?")
			.params(valid.name(), valid.position(), valid.routingSkill(), id)
			.update();
		this.audit.record(actor.username(), "customer.level.updated", valid.name(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		Level level = get(id);
		if (this.jdbc
			.sql("SELECT COUNT(*) FROM customer WHERE level_id = ? AND merged_into IS NULL AND erased_at IS NULL")
			.param(id)
			.query(Integer.class)
			.single() > 0) {
			throw ApiException.conflict("level_in_use", "Customers have this level; give them another first")
				.with("customers", level.customers());
		}
		// merged-away and erased records are no one's customers: they let the level go
		this.jdbc
			.sql("UPDATE customer SET level_id = NULL WHERE level_id = ? "
					+ "AND (merged_into IS NOT NULL OR erased_at IS NOT NULL)")
			.param(id)
			.update();
		this.jdbc.sql("DELETE FROM customer_level WHERE id = ?").param(id).update();
		this.audit.record(actor.username(), "customer.level.deleted", level.name(), AuditResult.SUCCESS, null);
	}

	private static ApiException taken() {
		return ApiException.conflict("level_name_taken", "A level of that name exists");
	}

	private static Form validate(Form form) {
		if (form == null) {
			throw ApiException.invalid("name", "is required");
		}
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty() || name.length() > 60) {
			throw ApiException.invalid("name", "must be 1 to 60 characters");
		}
		int position = (form.position() != null) ? form.position() : 0;
		if (position < 0 || position > 10_000) {
			throw ApiException.invalid("position", "must be between 0 and 10000");
		}
		String skill = (form.routingSkill() != null && !form.routingSkill().isBlank()) ? form.routingSkill().strip()
				: null;
		if (skill != null && skill.length() > 60) {
			throw ApiException.invalid("routingSkill", "must be at most 60 characters");
		}
		return new Form(name, position, skill);
	}

}
