package dev.parley.agents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Weekly slots and dated exceptions of groups and agents. */
@Repository
class ShiftRepository {

	static final String SHIFT = "shift";

	static final String HOURS = "hours";

	private final JdbcClient jdbc;

	ShiftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored weekly slot: of a group or an agent. */
	record StoredSlot(long id, Long groupId, Long userId, String kind, Schedule.Slot slot) {
	}

	/** A stored exception: of a group or an agent. */
	record StoredException(long id, Long groupId, Long userId, Schedule.Exception exception, String note) {
	}

	List<StoredSlot> slots() {
		return this.jdbc
			.sql("SELECT id, group_id, user_id, kind, day_of_week, start_minute, length_minutes FROM shift_slot "
					+ "ORDER BY day_of_week, start_minute, id")
			.query(ShiftRepository::slot)
			.list();
	}

	/** Replaces the weekly slots of one kind of a group (or, groupId null, an agent). */
	void replaceSlots(Long groupId, Long userId, String kind, List<Schedule.Slot> slots) {
		String owner = (groupId != null) ? "group_id" : "user_id";
		long ownerId = (groupId != null) ? groupId : userId;
		this.jdbc.sql("DELETE FROM shift_slot WHERE " + owner + " = ? AND kind = ?").params(ownerId, kind).update();
		for (Schedule.Slot slot : slots) {
			this.jdbc
				.sql("INSERT INTO shift_slot (group_id, user_id, kind, day_of_week, start_minute, length_minutes) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(groupId, userId, kind, slot.day().getValue(), minuteOf(slot.start()), slot.minutes())
				.update();
		}
	}

	/** Exceptions on the dates in {@code [from, to]}. */
	List<StoredException> exceptions(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT id, group_id, user_id, on_date, kind, start_minute, length_minutes, note FROM shift_exception "
					+ "WHERE on_date >= ? AND on_date <= ? ORDER BY on_date, id")
			.params(from.toString(), to.toString())
			.query(ShiftRepository::exception)
			.list();
	}

	java.util.Optional<StoredException> exception(long id) {
		return this.jdbc
			.sql("SELECT id, group_id, user_id, on_date, kind, start_minute, length_minutes, note FROM shift_exception "
					+ "WHERE id = ?")
			.param(id)
			.query(ShiftRepository::exception)
			.optional();
	}

	long insertException(Long groupId, Long userId, Schedule.Exception exception, String note, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO shift_exception (group_id, user_id, on_date, kind, start_minute, length_minutes, note, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(groupId, userId, exception.date().toString(), exception.off() ? "off" : "extra",
					(exception.start() != null) ? minuteOf(exception.start()) : null, exception.minutes(), note,
					now.toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void deleteException(long id) {
		this.jdbc.sql("DELETE FROM shift_exception WHERE id = ?").param(id).update();
	}

	private static int minuteOf(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	private static LocalTime timeOf(int minute) {
		return LocalTime.of(minute / 60, minute % 60);
	}

	private static StoredSlot slot(ResultSet rs, int row) throws SQLException {
		return new StoredSlot(rs.getLong("id"), rs.getObject("group_id", Long.class),
				rs.getObject("user_id", Long.class), rs.getString("kind"),
				new Schedule.Slot(DayOfWeek.of(rs.getInt("day_of_week")), timeOf(rs.getInt("start_minute")),
						rs.getInt("length_minutes")));
	}

	private static StoredException exception(ResultSet rs, int row) throws SQLException {
		Integer start = rs.getObject("start_minute", Integer.class);
		return new StoredException(rs.getLong("id"), rs.getObject("group_id", Long.class),
				rs.getObject("user_id", Long.class),
				new Schedule.Exception(LocalDate.parse(rs.getString("on_date")), "off".equals(rs.getString("kind")),
						(start != null) ? timeOf(start) : null, rs.getObject("length_minutes", Integer.class)),
				rs.getString("note"));
	}

}
