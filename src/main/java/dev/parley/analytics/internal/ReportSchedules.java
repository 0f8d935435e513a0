package dev.parley.analytics.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.analytics.internal.ReportSchedule.Frequency;
import dev.parley.analytics.internal.ReportSchedule.Period;
import dev.parley.conversations.ChannelDirectory;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.Spreadsheets.Format;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defining scheduled reports: a holder of {@code statistics.export} makes them; he and
 * holders of {@code statistics.view_all} see and change them (to anyone else they do not
 * exist). Every recipient must be an enabled staff member who may see the report with its
 * filters (docs/api.md, "Scheduled reports"); each gets it as he sees it. Changes are
 * audited.
 */
@Service
public class ReportSchedules {

	/**
	 * The reports a schedule may send: the overview, the reports by groups, channels and
	 * agents, satisfaction (the rated conversations with their comments), every
	 * conversation, and tickets and SLA.
	 */
	static final List<String> SCHEDULABLE = List.of("overview", "groups", "topics", "channels", "agents", "csat",
			"conversations", "tickets");

	static final int MAX_PER_OWNER = 50;

	static final int MAX_RECIPIENTS = 20;

	private final ReportScheduleRepository repository;

	private final StaffDirectory staff;

	private final GroupDirectory groups;

	private final ChannelDirectory channels;

	private final Reports reports;

	private final AuditLog audit;

	private final Clock clock;

	ReportSchedules(ReportScheduleRepository repository, StaffDirectory staff, GroupDirectory groups,
			ChannelDirectory channels, Reports reports, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.staff = staff;
		this.groups = groups;
		this.channels = channels;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A schedule as it is asked for; null fields take their defaults where they have one.
	 */
	public record Form(String name, String report, Long channelId, Long groupId, String hours, String frequency,
			Integer weekday, Integer hour, String period, String format, List<Long> recipients, Boolean enabled) {
	}

	/**
	 * @param lastRunAt the planned time last sent (or passed over while it was off)
	 * @param nextRunAt when it is sent next, null while it is off
	 */
	public record View(long id, long ownerId, String owner, String name, String report, Long channelId, Long groupId,
			String hours, String frequency, Integer weekday, int hour, String period, String format, boolean enabled,
			List<Recipient> recipients, Instant lastRunAt, Instant nextRunAt, Instant createdAt, Instant updatedAt) {
	}

	public record Recipient(long id, String name) {
	}

	public List<View> list(StaffActor actor) {
		return this.repository.owned(actor.can(Permission.STATISTICS_VIEW_ALL) ? null : actor.id())
			.stream()
			.map(this::view)
			.toList();
	}

	public View get(StaffActor actor, long id) {
		return view(visible(actor, id));
	}

	@Transactional
	public View create(StaffActor actor, Form form) {
		actor.require(Permission.STATISTICS_EXPORT);
		Instant now = this.clock.instant();
		ReportSchedule schedule = checked(actor, form, 0, actor.id(), now, now, now);
		if (this.repository.countOwned(actor.id()) >= MAX_PER_OWNER) {
			throw ApiException.badRequest("report_schedule_limit",
					"A staff member may have at most " + MAX_PER_OWNER + " scheduled reports");
		}
		long id = this.repository.insert(schedule);
		this.audit.record(actor.username(), "report.schedule.created", String.valueOf(id), AuditResult.SUCCESS,
				describe(schedule));
		return get(actor, id);
	}

	@Transactional
	public View update(StaffActor actor, long id, Form form) {
		ReportSchedule before = visible(actor, id);
		Instant now = this.clock.instant();
		// switched on again: it starts from now, with no backlog of what it missed
		Instant last = (!before.enabled()) ? now : before.lastSlot();
		ReportSchedule schedule = checked(actor, form, id, before.ownerId(), last, before.createdAt(), now);
		this.repository.update(schedule);
		this.audit.record(actor.username(), "report.schedule.updated", String.valueOf(id), AuditResult.SUCCESS,
				describe(schedule));
		return get(actor, id);
	}

	@Transactional
	public void delete(StaffActor actor, long id) {
		ReportSchedule schedule = visible(actor, id);
		this.repository.delete(id);
		this.audit.record(actor.username(), "report.schedule.deleted", String.valueOf(id), AuditResult.SUCCESS,
				describe(schedule));
	}

	/** The schedule, if it is the actor's or he sees every schedule; else not found. */
	private ReportSchedule visible(StaffActor actor, long id) {
		return this.repository.find(id)
			.filter((s) -> s.ownerId() == actor.id() || actor.can(Permission.STATISTICS_VIEW_ALL))
			.orElseThrow(() -> ApiException.notFound("Scheduled report"));
	}

	private ReportSchedule checked(StaffActor actor, Form form, long id, long ownerId, Instant lastSlot,
			Instant createdAt, Instant now) {
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty()) {
			throw ApiException.invalid("name", "must not be blank");
		}
		if (name.length() > 100) {
			throw ApiException.invalid("name", "must be at most 100 characters");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("name", "must be on one line");
		}
		String report = form.report();
		if (!SCHEDULABLE.contains(report)) {
			throw ApiException.invalid("report", "must be one of " + String.join(", ", SCHEDULABLE));
		}
		String hours = (form.hours() == null || form.hours().isBlank()) ? "calendar" : form.hours();
		if (!hours.equals("calendar") && !hours.equals("business")) {
			throw ApiException.invalid("hours", "must be calendar or business");
		}
		Frequency frequency = ReportSchedule.of(Frequency.class, String.valueOf(form.frequency()))
			.orElseThrow(() -> ApiException.invalid("frequency", "must be daily or weekly"));
		DayOfWeek weekday = weekday(frequency, form.weekday());
		if (form.hour() == null) {
			throw ApiException.invalid("hour", "is required");
		}
		if (form.hour() < 0 || form.hour() > 23) {
			throw ApiException.invalid("hour", "must be between 0 and 23");
		}
		Period period = ReportSchedule.of(Period.class, String.valueOf(form.period()))
			.orElseThrow(
					() -> ApiException.invalid("period", "must be one of yesterday, last7Days, lastWeek, monthToDate"));
		Format format = Format.of(form.format());
		filters(actor, report, form.channelId(), form.groupId());
		List<Long> recipients = recipients(form.recipients(), report, form.groupId());
		return new ReportSchedule(id, ownerId, name, report, form.channelId(), form.groupId(), hours, frequency,
				weekday, form.hour(), period, format, (form.enabled() == null) || form.enabled(), recipients, lastSlot,
				createdAt, now);
	}

	private static DayOfWeek weekday(Frequency frequency, Integer weekday) {
		if (frequency == Frequency.DAILY) {
			if (weekday != null) {
				throw ApiException.invalid("weekday", "is only for weekly schedules");
			}
			return null;
		}
		if (weekday == null) {
			throw ApiException.invalid("weekday", "is required");
		}
		if (weekday < 1 || weekday > 7) {
			throw ApiException.invalid("weekday", "must be 1 (Monday) to 7 (Sunday)");
		}
		return DayOfWeek.of(weekday);
	}

	/** The filters exist, and the one who schedules may see the report with them. */
	private void filters(StaffActor actor, String report, Long channelId, Long groupId) {
		if (channelId != null) {
			if (report.equals("agents")) {
				throw ApiException.invalid("channelId", "is not a filter of the agent report");
			}
			if (this.channels.names(Set.of(channelId)).isEmpty()) {
				throw ApiException.invalid("channelId", "is not a channel");
			}
		}
		if (groupId != null && this.groups.name(groupId).isEmpty()) {
			throw ApiException.invalid("groupId", "is not a group");
		}
		if (!ReportScope.of(actor, this.groups).sees(report, groupId)) {
			throw StaffActor.forbidden(Permission.STATISTICS_VIEW_ALL);
		}
	}

	/**
	 * Every recipient is an enabled staff member who may see the report as filtered (it
	 * is made with his scope when it is sent).
	 */
	private List<Long> recipients(List<Long> asked, String report, Long groupId) {
		Set<Long> ids = new LinkedHashSet<>((asked != null) ? asked : List.of());
		ids.remove(null);
		if (ids.isEmpty() || ids.size() > MAX_RECIPIENTS) {
			throw ApiException.invalid("recipients", "must have 1-" + MAX_RECIPIENTS + " entries");
		}
		List<Long> inactive = new ArrayList<>();
		List<Long> outside = new ArrayList<>();
		for (Long id : ids) {
			StaffActor recipient = this.staff.actor(id).orElse(null);
			if (recipient == null) {
				inactive.add(id);
			}
			else if (!sees(recipient, report, groupId)) {
				outside.add(id);
			}
		}
		if (!inactive.isEmpty()) {
			ApiException refused = ApiException.invalid("recipients",
					"names someone who is not an active staff member");
			throw refused.with("userIds", inactive);
		}
		if (!outside.isEmpty()) {
			ApiException refused = ApiException.invalid("recipients", "names someone who may not see this report");
			throw refused.with("userIds", outside);
		}
		return List.copyOf(ids);
	}

	/** Whether a staff member may see the report with its group filter. */
	private boolean sees(StaffActor member, String report, Long groupId) {
		try {
			return ReportScope.of(member, this.groups).sees(report, groupId);
		}
		catch (ApiException ex) {
			return false;
		}
	}

	private View view(ReportSchedule s) {
		Set<Long> people = new LinkedHashSet<>(s.recipients());
		people.add(s.ownerId());
		Map<Long, String> names = this.staff.displayNames(people);
		Instant next = s.enabled() ? s.nextSlot(s.lastSlot(), this.reports.zone()) : null;
		return new View(s.id(), s.ownerId(), names.get(s.ownerId()), s.name(), s.report(), s.channelId(), s.groupId(),
				s.hours(), ReportSchedule.key(s.frequency()), (s.weekday() != null) ? s.weekday().getValue() : null,
				s.hour(), ReportSchedule.key(s.period()), s.format().extension(), s.enabled(),
				s.recipients().stream().map((id) -> new Recipient(id, names.get(id))).toList(), s.lastSlot(), next,
				s.createdAt(), s.updatedAt());
	}

	private static String describe(ReportSchedule s) {
		return s.name() + ": " + s.report() + ", " + ReportSchedule.key(s.frequency())
				+ ((s.weekday() != null) ? " " + s.weekday() : "") + " at " + s.hour() + ":00, "
				+ ReportSchedule.key(s.period()) + ", " + s.format().extension() + ", to " + s.recipients();
	}

}
