package dev.parley.tickets.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories an administrator defines (Billing, Billing &gt; Refunds): one level of
 * parent, names unique under one parent, a category in use by a ticket or with
 * subcategories cannot be deleted. Every change is audited.
 */
@Service
public class TicketCategories {

	static final int NAME_MAX = 80;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	TicketCategories(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A category; {@code parentId} null for a top-level one. */
	public record Category(long id, String name, Long parentId, int position) {
	}

	/** What an administrator sends. */
	public record Form(String name, Long parentId, Integer position) {
	}

	public List<Category> list() {
		return this.jdbc.sql("SELECT id, name, parent_id, position FROM ticket_category ORDER BY position, name, id")
			.query((rs, row) -> new Category(rs.getLong(1), rs.getString(2),
					TicketRepository.longOrNull(rs, "parent_id"), rs.getInt(4)))
			.list();
	}

	public Category get(long id) {
		return this.jdbc.sql("SELECT id, name, parent_id, position FROM ticket_category WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Category(rs.getLong(1), rs.getString(2),
					TicketRepository.longOrNull(rs, "parent_id"), rs.getInt(4)))
			.optional()
			.orElseThrow(() -> ApiException.notFound("Category"));
	}

	@Transactional
	public Category create(Form form, StaffActor actor) {
		String name = check(form, null);
		int position = (form.position() != null) ? form.position() : 0;
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO ticket_category (name, parent_id, position, created_at) VALUES (?, ?, ?, ?)")
			.params(name, form.parentId(), position, this.clock.millis())
			.update(key, "id");
		Category created = get(key.getKeyAs(Number.class).longValue());
		this.audit.record(actor.username(), "ticket.category.created", name, AuditResult.SUCCESS, path(created));
		return created;
	}

	@Transactional
	public Category update(long id, Form form, StaffActor actor) {
		Category before = get(id);
		String name = check(form, before);
		int position = (form.position() != null) ? form.position() : before.position();
		this.jdbc.sql("UPDATE ticket_category SET name = ?, parent_id = ?, position = ? WHERE id = ?")
			.params(name, form.parentId(), position, id)
			.update();
		Category after = get(id);
		this.audit.record(actor.username(), "ticket.category.updated", name, AuditResult.SUCCESS,
				path(before) + " -> " + path(after));
		return after;
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		Category category = get(id);
		if (count("SELECT COUNT(*) FROM ticket_category WHERE parent_id = ?", id) > 0) {
			throw ApiException.conflict("category_has_subcategories",
					"The category has subcategories; delete or move them first");
		}
		int tickets = count("SELECT COUNT(*) FROM ticket WHERE category_id = ?", id);
		if (tickets > 0) {
			throw ApiException.conflict("category_in_use", "Tickets are in this category; move them first")
				.with("tickets", tickets);
		}
		this.jdbc.sql("DELETE FROM ticket_category WHERE id = ?").param(id).update();
		this.audit.record(actor.username(), "ticket.category.deleted", category.name(), AuditResult.SUCCESS,
				path(category));
	}

	private String check(Form form, Category before) {
		if (form == null || form.name() == null || form.name().isBlank()) {
			throw ApiException.invalid("name", "is required");
		}
		String name = form.name().strip();
		if (name.length() > NAME_MAX) {
			throw ApiException.invalid("name", "must be at most 80 characters");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("name", "must be on one line");
		}
		if (form.position() != null && (form.position() < 0 || form.position() > 10_000)) {
			throw ApiException.invalid("position", "must be 0 to 10000");
		}
		Long parentId = form.parentId();
		if (parentId != null) {
			if (before != null && parentId == before.id()) {
				throw ApiException.invalid("parentId", "cannot be the category itself");
			}
			Category parent = this.jdbc.sql("SELECT id, name, parent_id, position FROM ticket_category WHERE id = ?")
				.param(parentId)
				.query((rs, row) -> new Category(rs.getLong(1), rs.getString(2),
						TicketRepository.longOrNull(rs, "parent_id"), rs.getInt(4)))
				.optional()
				.orElseThrow(() -> ApiException.invalid("parentId", "is not a category"));
			if (parent.parentId() != null) {
				throw ApiException.invalid("parentId", "must be a top-level category");
			}
			if (before != null && count("SELECT COUNT(*) FROM ticket_category WHERE parent_id = ?", before.id()) > 0) {
				throw ApiException.invalid("parentId", "cannot be set on a category with subcategories");
			}
		}
		boolean same = before != null && before.name().equals(name) && Objects.equals(before.parentId(), parentId);
		if (!same && nameTaken(name, parentId, (before != null) ? before.id() : 0)) {
			throw ApiException.conflict("category_exists", "A category of this name is already there");
		}
		return name;
	}

	private boolean nameTaken(String name, Long parentId, long except) {
		// the unique constraint does not hold for top-level names (null parent) on every
		// engine: checked here too
		return (parentId == null)
				? count2("SELECT COUNT(*) FROM ticket_category WHERE parent_id IS NULL AND name = ? AND id <> ?", name,
						except) > 0
				: count3("SELECT COUNT(*) FROM ticket_category WHERE parent_id = ? AND name = ? AND id <> ?", parentId,
						name, except) > 0;
	}

	private String path(Category category) {
		if (category.parentId() == null) {
			return category.name();
		}
		return this.jdbc.sql("SELECT name FROM ticket_category WHERE id = ?")
			.param(category.parentId())
			.query(String.class)
			.optional()
			.map((parent) -> parent + " > " + category.name())
			.orElse(category.name());
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Integer.class).single();
	}

	private int count2(String sql, Object a, Object b) {
		return this.jdbc.sql(sql).params(a, b).query(Integer.class).single();
	}

	private int count3(String sql, Object a, Object b, Object c) {
		return this.jdbc.sql(sql).params(a, b, c).query(Integer.class).single();
	}

}
