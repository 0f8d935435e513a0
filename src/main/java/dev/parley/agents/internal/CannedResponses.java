package dev.parley.agents.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.platform.ApiException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Canned responses: personal ones, shared ones of a group, shared ones for everyone. A
 * shortcut is unique within its scope.
 */
@Service
public class CannedResponses {

	private static final String COLUMNS = "id, shortcut, title, body, scope, group_id, owner_id";

	private final JdbcClient jdbc;

	private final GroupRepository groups;

	private final Clock clock;

	CannedResponses(JdbcClient jdbc, GroupRepository groups, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.clock = clock;
	}

	public record Canned(long id, String shortcut, String title, String text, String scope, Long groupId,
			Long ownerId) {
	}

	public record Form(String shortcut, String title, String text, String scope, Long groupId) {
	}

	public List<Canned> list(StaffActor actor, String query) {
		List<Long> groupIds = this.groups.groupsOf(actor.id());
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM canned_response WHERE (owner_id = ? OR scope = 'everyone'");
		List<Object> params = new java.util.ArrayList<>(List.of(actor.id()));
		for (Long groupId : groupIds) {
			sql.append(" OR group_id = ?");
			params.add(groupId);
		}
		sql.append(")");
		if (query != null && !query.isBlank()) {
			if (query.length() > 100) {
				throw Agents.invalid("q", "must be at most 100 characters");
			}
			sql.append(" AND (LOWER(shortcut) LIKE ? ESCAPE '!' OR LOWER(title) LIKE ? ESCAPE '!' "
					+ "OR LOWER(body) LIKE ? ESCAPE '!')");
			String pattern = dev.parley.platform.LikePattern.contains(query.strip().toLowerCase(Locale.ROOT));
			params.add(pattern);
			params.add(pattern);
			params.add(pattern);
		}
		sql.append(" ORDER BY shortcut, id LIMIT 500");
		return this.jdbc.sql(sql.toString()).params(params).query(CannedResponses::map).list();
	}

	public Canned create(StaffActor actor, Form form) {
		Form clean = check(actor, form);
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql(
					"INSERT INTO canned_response (scope, owner_id, group_id, scope_key, shortcut, title, body, created_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(clean.scope(), "personal".equals(clean.scope()) ? actor.id() : null, clean.groupId(),
						scopeKey(clean, actor), clean.shortcut(), clean.title(), clean.text(), this.clock.millis())
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(clean);
		}
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	public Canned update(StaffActor actor, long id, Form form) {
		Canned current = mayChange(actor, id);
		Form clean = check(actor, form);
		try {
			this.jdbc
				.sql("UPDATE canned_response SET scope = ?, owner_id = ?, group_id = ?, scope_key = ?, shortcut = ?, "
						+ "title = ?, body = ? WHERE id = ?")
				.params(clean.scope(), "personal".equals(clean.scope()) ? actor.id() : null, clean.groupId(),
						scopeKey(clean, actor), clean.shortcut(), clean.title(), clean.text(), current.id())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(clean);
		}
		return find(id).orElseThrow();
	}

	public void delete(StaffActor actor, long id) {
		mayChange(actor, id);
		this.jdbc.sql("DELETE FROM canned_response WHERE id = ?").param(id).update();
	}

	private Canned mayChange(StaffActor actor, long id) {
		Canned current = find(id).orElseThrow(() -> ApiException.notFound("Canned response"));
		boolean mine = current.ownerId() != null && current.ownerId() == actor.id();
		if ("personal".equals(current.scope()) ? !mine : !maySharePer(actor, current.scope(), current.groupId())) {
			throw ApiException.notFound("Canned response");
		}
		return current;
	}

	private boolean maySharePer(StaffActor actor, String scope, Long groupId) {
		// team.assign shares with groups one supervises; with user.manage too, with
		// everyone and any group
		if (!actor.can(Permission.TEAM_ASSIGN)) {
			return false;
		}
		if (actor.can(Permission.USER_MANAGE)) {
			return true;
		}
		return "group".equals(scope) && groupId != null
				&& this.groups.findById(groupId)
					.map((g) -> g.members().stream().anyMatch((m) -> m.userId() == actor.id() && m.supervisor()))
					.orElse(false);
	}

	private Form check(StaffActor actor, Form form) {
		String shortcut = (form.shortcut() != null) ? form.shortcut().strip().toLowerCase(Locale.ROOT) : "";
		if (shortcut.startsWith("/")) {
			shortcut = shortcut.substring(1);
		}
		if (!shortcut.matches("[a-z0-9_-]{1,32}")) {
			throw Agents.invalid("shortcut", "must be 1-32 of a-z, 0-9, '-' and '_'");
		}
		String title = (form.title() != null) ? form.title().strip() : "";
		if (title.isEmpty() || title.length() > 100) {
			throw Agents.invalid("title", "must be 1-100 characters");
		}
		String text = (form.text() != null) ? form.text().strip() : "";
		if (text.isEmpty() || text.length() > 4000) {
			throw Agents.invalid("text", "must be 1-4000 characters");
		}
		String scope = (form.scope() != null) ? form.scope() : "personal";
		Long groupId = null;
		switch (scope) {
			case "personal" -> {
			}
			case "group" -> {
				groupId = form.groupId();
				if (groupId == null || this.groups.findById(groupId).isEmpty()) {
					throw ApiException.badRequest("unknown_group", "No group with id " + groupId);
				}
			}
			case "everyone" -> {
			}
			default -> throw Agents.invalid("scope", "must be personal, group or everyone");
		}
		if (!"personal".equals(scope) && !maySharePer(actor, scope, groupId)) {
			throw StaffActor.forbidden(Permission.TEAM_ASSIGN);
		}
		return new Form(shortcut, title, text, scope, groupId);
	}

	private static String scopeKey(Form form, StaffActor actor) {
		return switch (form.scope()) {
			case "personal" -> "u:" + actor.id();
			case "group" -> "g:" + form.groupId();
			default -> "all";
		};
	}

	private static ApiException duplicate(Form form) {
		return ApiException.conflict("duplicate_shortcut", "The shortcut /" + form.shortcut() + " is taken here");
	}

	private Optional<Canned> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM canned_response WHERE id = ?")
			.param(id)
			.query(CannedResponses::map)
			.optional();
	}

	private static Canned map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Canned(rs.getLong("id"), rs.getString("shortcut"), rs.getString("title"), rs.getString("body"),
				rs.getString("scope"), rs.getObject("group_id", Long.class), rs.getObject("owner_id", Long.class));
	}

}
