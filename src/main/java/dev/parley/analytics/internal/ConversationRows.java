package dev.parley.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.conversations.ChannelDirectory;
import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The conversations behind a figure (the drill-down, and the rows of an export): one row
 * per conversation with all its figures, started within the range, narrowed to what the
 * figure counts ({@link RowFilter}) and to what the staff member may see, newest first or
 * slowest first by a duration.
 */
@Service
public class ConversationRows {

	static final int MAX_PAGE = 200;

	private final JdbcClient jdbc;

	private final Reports reports;

	private final GroupDirectory groups;

	private final ChannelDirectory channels;

	private final StaffDirectory staff;

	private final ConversationFacts conversations;

	ConversationRows(JdbcClient jdbc, Reports reports, GroupDirectory groups, ChannelDirectory channels,
			StaffDirectory staff, ConversationFacts conversations) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.groups = groups;
		this.channels = channels;
		this.staff = staff;
		this.conversations = conversations;
	}

	/**
	 * The request: a report's filters, what to keep, and the order.
	 *
	 * @param weekday only conversations started on this day of the week (1 Monday to 7
	 * Sunday, ISO), in the report's time zone: a column of the heat map
	 * @param hour only conversations started in this hour of the day (0-23): a cell of
	 * the heat map with {@code weekday}
	 * @param topicId only conversations that started in this group (a row of the report
	 * by topic), wherever transfers took them
	 */
	public record Request(Reports.Query query, String only, Integer rating, Integer weekday, Integer hour, Long topicId,
			String sort, Long minimum, String cursor, Integer limit) {

		/** Without a weekday or hour. */
		public Request(Reports.Query query, String only, Integer rating, String sort, Long minimum, String cursor,
				Integer limit) {
			this(query, only, rating, null, null, null, sort, minimum, cursor, limit);
		}

	}

	/**
	 * One conversation with its figures (durations in milliseconds, as the report asked).
	 */
	public record Row(long conversationId, Instant startedAt, Long channelId, String channel, Long groupId,
			String group, Long agentId, String agent, boolean leftMessage, boolean closed, String closedBy,
			int messagesIn, int messagesOut, @JsonProperty("wait") Long queueWait, Long firstResponse, int replies,
			Long replyAverage, Long handling, Long resolution, Long leftAnswer, int transfers, int reopens,
			boolean abandoned, Integer rating, String comment) {
	}

	public record Page(List<Row> items, String next) {
	}

	/** A page of rows; {@code next} continues it. */
	public Page page(StaffActor actor, Request request) {
		int limit = (request.limit() != null) ? request.limit() : 50;
		if (limit < 1 || limit > MAX_PAGE) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
		}
		List<Row> rows = new ArrayList<>();
		RowOrder sort = RowOrder.of(request.sort());
		RowOrder.Cursor cursor = RowOrder.Cursor.parse(request.cursor());
		each(select(actor, request, sort, cursor, limit + 1), rows::add);
		String next = null;
		if (rows.size() > limit) {
			rows.remove(limit);
			Row last = rows.get(limit - 1);
			next = sort.cursor(last);
		}
		return new Page(rows, next);
	}

	/** Every row, in order, for an export (at most {@code max}). */
	public void each(StaffActor actor, Request request, int max, Consumer<Row> row) {
		each(select(actor, request, max), row);
	}

	/**
	 * Checks a request for an export before anything is written: a bad filter, range or
	 * group is refused here.
	 * @return the rows to read with {@link #each(Selection, Consumer)}, at most
	 * {@code max}
	 */
	public Selection select(StaffActor actor, Request request, int max) {
		return select(actor, request, RowOrder.of(request.sort()), null, max);
	}

	/** A checked request: the query of the rows one may see (none when empty). */
	public static final class Selection {

		private final String sql;

		private final Map<String, Object> params;

		private final boolean business;

		private Selection(String sql, Map<String, Object> params, boolean business) {
			this.sql = sql;
			this.params = params;
			this.business = business;
		}

	}

	private Selection select(StaffActor actor, Request request, RowOrder sort, RowOrder.Cursor cursor, int limit) {
		ReportScope scope = ReportScope.of(actor, this.groups);
		Reports.Query q = request.query();
		ReportRange range = ReportRange.parse(q.from(), q.to(), q.hours(), q.timeZone(), this.reports.zone());
		RowFilter only = RowFilter.of(request.only());
		boolean business = range.business();
		StringBuilder sql = new StringBuilder(
				"SELECT c.* FROM analytics_conversation c WHERE c.started_at >= :from " + "AND c.started_at < :to");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", range.from().atStartOfDay(range.zone()).toInstant().toEpochMilli());
		params.put("to", range.to().plusDays(1).atStartOfDay(range.zone()).toInstant().toEpochMilli());
		if (!only.condition.isEmpty()) {
			sql.append(" AND ").append(only.condition);
		}
		if (request.rating() != null) {
			if (request.rating() < 1 || request.rating() > 5) {
				throw ApiException.invalid("rating", "must be between 1 and 5");
			}
			sql.append(" AND c.rating = :rating");
			params.put("rating", request.rating());
		}
		when(request, range, sql, params);
		if (request.topicId() != null) {
			sql.append(" AND COALESCE(c.topic_id, c.group_id) = :topic");
			params.put("topic", request.topicId());
		}
		if (q.channelId() != null) {
			sql.append(" AND c.channel_id = :channel");
			params.put("channel", q.channelId());
		}
		if (q.groupId() != null) {
			if (!scope.ownOnly() && !scope.seesGroup(q.groupId())) {
				throw StaffActor.forbidden(Permission.STATISTICS_VIEW_ALL);
			}
			sql.append(" AND c.group_id = :group");
			params.put("group", q.groupId());
		}
		Long agent = scope.ownOnly() ? scope.agentId() : q.agentId();
		if (scope.ownOnly() && q.agentId() != null && !q.agentId().equals(scope.agentId())) {
			throw StaffActor.forbidden(Permission.STATISTICS_VIEW);
		}
		if (agent != null) {
			sql.append(" AND c.conversation_id IN (SELECT p.conversation_id FROM analytics_participation p "
					+ "WHERE p.agent_id = :agent)");
			params.put("agent", agent);
		}
		if (!scope.all() && !scope.ownOnly()) {
			if (scope.groups().isEmpty()) {
				return new Selection(null, params, business);
			}
			sql.append(" AND c.group_id IN (:groups)");
			params.put("groups", scope.groups());
		}
		String column = sort.column(business);
		if (request.minimum() != null) {
			if (sort == RowOrder.STARTED || request.minimum() < 0) {
				throw ApiException.invalid("minimum", "needs a duration to sort by and must not be negative");
			}
			sql.append(" AND c.").append(column).append(" >= :minimum");
			params.put("minimum", request.minimum());
		}
		if (sort != RowOrder.STARTED) {
			sql.append(" AND c.").append(column).append(" IS NOT NULL").append(sort.counted);
		}
		if (cursor != null) {
			sql.append(" AND (c.")
				.append(column)
				.append(" < :cv OR (c.")
				.append(column)
				.append(" = :cv AND c.conversation_id < :cid))");
			params.put("cv", cursor.value());
			params.put("cid", cursor.id());
		}
		sql.append(" ORDER BY c.").append(column).append(" DESC, c.conversation_id DESC LIMIT ").append(limit);
		return new Selection(sql.toString(), params, business);
	}

	/**
	 * A cell of the heat map: the start hour is kept with each conversation, the weekday
	 * is that of its start day ({@code yyyymmdd}), so the days of the range that fall on
	 * it are listed (at most 53 in a range of {@link ReportRange#MAX_DAYS}).
	 */
	private static void when(Request request, ReportRange range, StringBuilder sql, Map<String, Object> params) {
		if (request.hour() != null) {
			if (request.hour() < 0 || request.hour() > 23) {
				throw ApiException.invalid("hour", "must be between 0 and 23");
			}
			sql.append(" AND c.start_hour = :hour");
			params.put("hour", request.hour());
		}
		if (request.weekday() != null) {
			if (request.weekday() < 1 || request.weekday() > 7) {
				throw ApiException.invalid("weekday", "must be between 1 (Monday) and 7 (Sunday)");
			}
			List<Integer> days = range.from()
				.datesUntil(range.to().plusDays(1))
				.filter((day) -> day.getDayOfWeek().getValue() == request.weekday())
				.map(ReportRange::period)
				.toList();
			if (days.isEmpty()) {
				days = List.of(0);
			}
			sql.append(" AND c.start_day IN (:days)");
			params.put("days", days);
		}
	}

	/** Reads the rows of a checked request, in order. */
	public void each(Selection selection, Consumer<Row> out) {
		if (selection.sql == null) {
			return;
		}
		boolean business = selection.business;
		List<FactRow> found = this.jdbc.sql(selection.sql)
			.params(selection.params)
			.query((rs, n) -> FactRow.read(rs, business))
			.list();
		Set<Long> channelIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		Set<Long> agentIds = new HashSet<>();
		List<Long> rated = new ArrayList<>();
		for (FactRow r : found) {
			channelIds.add(r.channelId);
			if (r.groupId != null) {
				groupIds.add(r.groupId);
			}
			if (r.agentId != null) {
				agentIds.add(r.agentId);
			}
			if (r.commented) {
				rated.add(r.id);
			}
		}
		Map<Long, String> channelNames = this.channels.names(channelIds);
		Map<Long, String> groupNames = new LinkedHashMap<>();
		groupIds.forEach((id) -> this.groups.name(id).ifPresent((name) -> groupNames.put(id, name)));
		Map<Long, String> agentNames = this.staff.displayNames(agentIds);
		Map<Long, String> comments = this.conversations.ratingComments(rated);
		for (FactRow r : found) {
			out.accept(new Row(r.id, r.startedAt, r.channelId, channelNames.get(r.channelId), r.groupId,
					(r.groupId != null) ? groupNames.get(r.groupId) : null, r.agentId,
					(r.agentId != null) ? agentNames.get(r.agentId) : null, r.leftMessage, r.closed, r.closedBy,
					r.messagesIn, r.messagesOut, r.wait, r.firstResponse, r.replies, r.replyAverage, r.handling,
					r.resolution, r.leftAnswer, r.transfers, r.reopens, r.abandoned, r.rating, comments.get(r.id)));
		}
	}

}
