package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.parley.agents.RoutingStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shift repository must do on every supported database; one subclass per
 * database ({@code @H2RepositoryTest} and the like) runs these tests on the real
 * migrations on a real engine, each in a transaction rolled back at its end.
 */
@Transactional
abstract class ShiftRepositoryContract {

	@Autowired
	ShiftRepository shifts;

	@Autowired
	GroupRepository groups;

	@Autowired
	JdbcClient jdbc;

	private long group;

	private long agent;

	@BeforeEach
	void groupAndAgent() {
		this.group = this.groups.insert("Night desk", null, RoutingStrategy.LEAST_BUSY, null, Instant.EPOCH);
		this.agent = ReferencedRows.staffUser(this.jdbc, "night.owl");
	}

	private static Schedule.Slot slot(DayOfWeek day, String start, int minutes) {
		return new Schedule.Slot(day, LocalTime.parse(start), minutes);
	}

	@Test
	void slotsComeInWeekOrderWithTheirOwnerAndKind() {
		this.shifts.replaceSlots(this.group, null, ShiftRepository.SHIFT,
				List.of(slot(DayOfWeek.WEDNESDAY, "09:00", 480), slot(DayOfWeek.MONDAY, "22:00", 240)));
		this.shifts.replaceSlots(this.group, null, ShiftRepository.HOURS, List.of(slot(DayOfWeek.MONDAY, "08:00", 60)));
		this.shifts.replaceSlots(null, this.agent, ShiftRepository.SHIFT,
				List.of(slot(DayOfWeek.SUNDAY, "00:00", Schedule.DAY), slot(DayOfWeek.MONDAY, "22:00", 1)));

		List<ShiftRepository.StoredSlot> slots = this.shifts.slots();
		assertThat(slots).extracting(ShiftRepository.StoredSlot::slot)
			.containsExactly(slot(DayOfWeek.MONDAY, "08:00", 60), slot(DayOfWeek.MONDAY, "22:00", 240),
					slot(DayOfWeek.MONDAY, "22:00", 1), slot(DayOfWeek.WEDNESDAY, "09:00", 480),
					slot(DayOfWeek.SUNDAY, "00:00", Schedule.DAY));
		assertThat(slots.get(0).groupId()).isEqualTo(this.group);
		assertThat(slots.get(0).userId()).isNull();
		assertThat(slots.get(0).kind()).isEqualTo(ShiftRepository.HOURS);
		assertThat(slots.get(1).id()).as("same start: in the order stored").isLessThan(slots.get(2).id());
		assertThat(slots.get(2).groupId()).isNull();
		assertThat(slots.get(2).userId()).isEqualTo(this.agent);
		assertThat(slots.get(2).kind()).isEqualTo(ShiftRepository.SHIFT);
	}

	@Test
	void replacingSlotsTouchesOnlyThatOwnersSlotsOfThatKind() {
		long otherGroup = this.groups.insert("Day desk", null, RoutingStrategy.LEAST_BUSY, null, Instant.EPOCH);
		this.shifts.replaceSlots(this.group, null, ShiftRepository.SHIFT, List.of(slot(DayOfWeek.MONDAY, "09:00", 60)));
		this.shifts.replaceSlots(this.group, null, ShiftRepository.HOURS, List.of(slot(DayOfWeek.MONDAY, "07:00", 60)));
		this.shifts.replaceSlots(otherGroup, null, ShiftRepository.SHIFT,
				List.of(slot(DayOfWeek.TUESDAY, "09:00", 60)));
		this.shifts.replaceSlots(null, this.agent, ShiftRepository.SHIFT, List.of(slot(DayOfWeek.FRIDAY, "09:00", 60)));

		this.shifts.replaceSlots(this.group, null, ShiftRepository.SHIFT,
				List.of(slot(DayOfWeek.THURSDAY, "10:00", 30), slot(DayOfWeek.SATURDAY, "10:00", 30)));
		assertThat(this.shifts.slots()).extracting((s) -> s.slot().day())
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
					DayOfWeek.SATURDAY);

		this.shifts.replaceSlots(this.group, null, ShiftRepository.SHIFT, List.of());
		this.shifts.replaceSlots(null, this.agent, ShiftRepository.SHIFT, List.of());
		assertThat(this.shifts.slots()).extracting((s) -> s.slot().day())
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
	}

	@Test
	void exceptionsKeepTheirDatesTimesAndNotesVerbatim() {
		String note = "春节 «holiday» 'quoted' \"double\" \\ % _ ;--";
		Instant created = Instant.ofEpochMilli(1_800_000_000_123L);
		long dayOff = this.shifts.insertException(null, this.agent,
				new Schedule.Exception(LocalDate.parse("2027-02-06"), true, null, null), note, created);
		long extra = this.shifts.insertException(this.group, null,
				new Schedule.Exception(LocalDate.parse("2027-02-07"), false, LocalTime.parse("23:30"), 90), null,
				created);

		ShiftRepository.StoredException off = this.shifts.exception(dayOff).orElseThrow();
		assertThat(off.userId()).isEqualTo(this.agent);
		assertThat(off.groupId()).isNull();
		assertThat(off.note()).isEqualTo(note);
		assertThat(off.exception()).isEqualTo(new Schedule.Exception(LocalDate.parse("2027-02-06"), true, null, null));
		ShiftRepository.StoredException shift = this.shifts.exception(extra).orElseThrow();
		assertThat(shift.groupId()).isEqualTo(this.group);
		assertThat(shift.note()).isNull();
		assertThat(shift.exception())
			.isEqualTo(new Schedule.Exception(LocalDate.parse("2027-02-07"), false, LocalTime.parse("23:30"), 90));
		assertThat(this.jdbc.sql("SELECT created_at FROM shift_exception WHERE id = ?")
			.param(dayOff)
			.query(Long.class)
			.single()).isEqualTo(created.toEpochMilli());
	}

	@Test
	void exceptionsAreFoundByDateRangeInDateOrderAcrossTheYear() {
		long late = insertOff("2027-01-01");
		long early = insertOff("2026-12-31");
		long sameDay = insertOff("2026-12-31");
		long before = insertOff("2026-12-30");
		long after = insertOff("2027-01-02");

		assertThat(this.shifts.exceptions(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01")))
			.extracting(ShiftRepository.StoredException::id)
			.as("both ends included, by date, then as stored")
			.containsExactly(early, sameDay, late);
		assertThat(this.shifts.exceptions(LocalDate.parse("2026-12-30"), LocalDate.parse("2026-12-30")))
			.extracting(ShiftRepository.StoredException::id)
			.containsExactly(before);
		assertThat(this.shifts.exceptions(LocalDate.parse("2027-01-03"), LocalDate.parse("2027-12-31"))).isEmpty();
		assertThat(this.shifts.exceptions(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31")))
			.extracting(ShiftRepository.StoredException::id)
			.containsExactly(before, early, sameDay, late, after);
	}

	@Test
	void aDeletedExceptionIsGoneAndAnUnknownOneIsEmpty() {
		long id = insertOff("2027-03-01");
		long kept = insertOff("2027-03-01");
		this.shifts.deleteException(id);
		assertThat(this.shifts.exception(id)).isEmpty();
		assertThat(this.shifts.exception(kept)).isPresent();
		assertThat(this.shifts.exception(Long.MAX_VALUE)).isEmpty();
		this.shifts.deleteException(Long.MAX_VALUE);
		assertThat(this.shifts.exceptions(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01")))
			.extracting(ShiftRepository.StoredException::id)
			.containsExactly(kept);
	}

	@Test
	void slotsAndExceptionsGoWithTheirGroupOrTheirUser() {
		long other = ReferencedRows.staffUser(this.jdbc, "day.lark");
		this.shifts.replaceSlots(this.group, null, ShiftRepository.SHIFT, List.of(slot(DayOfWeek.MONDAY, "09:00", 60)));
		this.shifts.replaceSlots(null, this.agent, ShiftRepository.SHIFT,
				List.of(slot(DayOfWeek.TUESDAY, "09:00", 60)));
		this.shifts.replaceSlots(null, other, ShiftRepository.SHIFT, List.of(slot(DayOfWeek.FRIDAY, "09:00", 60)));
		this.shifts.insertException(this.group, null,
				new Schedule.Exception(LocalDate.parse("2027-04-01"), true, null, null), null, Instant.EPOCH);
		long agentsDay = this.shifts.insertException(null, this.agent,
				new Schedule.Exception(LocalDate.parse("2027-04-02"), true, null, null), null, Instant.EPOCH);
		long othersDay = this.shifts.insertException(null, other,
				new Schedule.Exception(LocalDate.parse("2027-04-03"), true, null, null), null, Instant.EPOCH);

		this.groups.delete(this.group);
		ReferencedRows.deleteStaffUser(this.jdbc, this.agent);

		assertThat(this.shifts.slots()).extracting(ShiftRepository.StoredSlot::userId).containsExactly(other);
		assertThat(this.shifts.exceptions(LocalDate.parse("2027-04-01"), LocalDate.parse("2027-04-30")))
			.extracting(ShiftRepository.StoredException::id)
			.containsExactly(othersDay);
		assertThat(this.shifts.exception(agentsDay)).isEmpty();
	}

	private long insertOff(String date) {
		return this.shifts.insertException(null, this.agent,
				new Schedule.Exception(LocalDate.parse(date), true, null, null), null, Instant.EPOCH);
	}

}
