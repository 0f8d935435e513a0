package dev.parley.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.platform.Spreadsheets.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The scheduled reports and their recipients; the last planned time of each is taken with
 * a compare-and-set ({@link #takeSlot}).
 */
@Repository
class ReportScheduleRepository {

	private static final String COLUMNS = "id, owner_id, name, report, channel_id, group_id, hours, frequency, "
			+ "weekday, send_hour, period, format, enabled, last_slot, created_at, updated_at";

	private final JdbcClient jdbc;

	ReportScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new schedule's id
	 */
	long insert(ReportSchedule s) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO report_schedule (owner_id, name, report, channel_id, group_id, hours, frequency, "
					+ "weekday, send_hour, period, format, enabled, last_slot, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(s.ownerId(), s.name(), s.report(), s.channelId(), s.groupId(), s.hours(), s.frequency().name(),
					(s.weekday() != null) ? s.weekday().getValue() : null, s.hour(), s.period().name(),
					s.format().name(), s.enabled(), millis(s.lastSlot()), millis(s.createdAt()), millis(s.updatedAt()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		recipients(id, s.recipients());
		return id;
	}

	void update(ReportSchedule s) {
		this.jdbc
			.sql("UPDATE report_schedule SET name = ?, report = ?, channel_id = ?, group_id = ?, hours = ?, "
					+ "frequency = ?, weekday = ?, send_hour = ?, period = ?, format = ?, enabled = ?, last_slot = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(s.name(), s.report(), s.channelId(), s.groupId(), s.hours(), s.frequency().name(),
					(s.weekday() != null) ? s.weekday().getValue() : null, s.hour(), s.period().name(),
					s.format().name(), s.enabled(), millis(s.lastSlot()), millis(s.updatedAt()), s.id())
			.update();
		this.jdbc.sql("DELETE FROM report_schedule_recipient WHERE schedule_id = ?").param(s.id()).update();
		recipients(s.id(), s.recipients());
	}

	private void recipients(long id, List<Long> userIds) {
		for (Long userId : userIds) {
			this.jdbc.sql("INSERT INTO report_schedule_recipient (schedule_id, user_id) VALUES (?, ?)")
				.params(id, userId)
				.update();
		}
	}

	boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM report_schedule WHERE id = ?").param(id).update() == 1;
	}

	Optional<ReportSchedule> find(long id) {
		return list("WHERE id = ?", List.of(id)).stream().findFirst();
	}

	/** Every schedule of an owner (null: of everyone), oldest first. */
	List<ReportSchedule> owned(Long ownerId) {
		return (ownerId != null) ? list("WHERE owner_id = ? ORDER BY id", List.of(ownerId))
				: list("ORDER BY id", List.of());
	}

	List<ReportSchedule> enabled() {
		return list("WHERE enabled = TRUE ORDER BY id", List.of());
	}

	int countOwned(long ownerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM report_schedule WHERE owner_id = ?")
			.param(ownerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes the next planned time if nobody took it since {@code last} was read.
	 * @return whether this caller took it (and must send it)
	 */
	boolean takeSlot(long id, Instant last, Instant next) {
		return this.jdbc.sql("UPDATE report_schedule SET last_slot = ? WHERE id = ? AND last_slot = ?")
			.params(next.toEpochMilli(), id, last.toEpochMilli())
			.update() == 1;
	}

	private List<ReportSchedule> list(String where, List<Object> params) {
		List<Row> rows = this.jdbc.sql("SELECT " + COLUMNS + " FROM report_schedule " + where)
			.params(params)
			.query(ReportScheduleRepository::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> recipients = new LinkedHashMap<>();
		rows.forEach((r) -> recipients.put(r.id, new ArrayList<>()));
		this.jdbc
			.sql("SELECT schedule_id, user_id FROM report_schedule_recipient WHERE schedule_id IN (:ids) "
					+ "ORDER BY schedule_id, user_id")
			.param("ids", List.copyOf(recipients.keySet()))
			.query((rs) -> {
				recipients.get(rs.getLong(1)).add(rs.getLong(2));
			});
		return rows.stream()
			.map((r) -> new ReportSchedule(r.id, r.ownerId, r.name, r.report, r.channelId, r.groupId, r.hours,
					r.frequency, r.weekday, r.hour, r.period, r.format, r.enabled, recipients.get(r.id), r.lastSlot,
					r.createdAt, r.updatedAt))
			.toList();
	}

	private record Row(long id, long ownerId, String name, String report, Long channelId, Long groupId, String hours,
			ReportSchedule.Frequency frequency, DayOfWeek weekday, int hour, ReportSchedule.Period period,
			Format format, boolean enabled, Instant lastSlot, Instant createdAt, Instant updatedAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Integer weekday = rs.getObject("weekday", Integer.class);
		Long last = rs.getObject("last_slot", Long.class);
		return new Row(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"), rs.getString("report"),
				rs.getObject("channel_id", Long.class), rs.getObject("group_id", Long.class), rs.getString("hours"),
				ReportSchedule.Frequency.valueOf(rs.getString("frequency")),
				(weekday != null) ? DayOfWeek.of(weekday) : null, rs.getInt("send_hour"),
				ReportSchedule.Period.valueOf(rs.getString("period")), Format.valueOf(rs.getString("format")),
				rs.getBoolean("enabled"), (last != null) ? Instant.ofEpochMilli(last) : null,
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
	}

	private static Long millis(Instant at) {
		return (at != null) ? at.toEpochMilli() : null;
	}

}
