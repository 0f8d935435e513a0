package dev.parley.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.administration.AuditLog;
import dev.parley.analytics.internal.tickets.TicketExports;
import dev.parley.analytics.internal.tickets.TicketReport;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.MailAttachment;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.platform.ApiException;
import dev.parley.platform.Leases;
import dev.parley.platform.Permission;
import dev.parley.platform.Sentences;
import dev.parley.platform.StaffActor;
import dev.parley.platform.Spreadsheets.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the scheduled reports, every {@code parley.analytics.schedule-check} (a minute)
 * on one node of a cluster at a time (a lease). Each planned time is taken with a
 * compare-and-set on the schedule's last one, in the transaction that stores its e-mails
 * in the notifications outbox, so it is sent exactly once: a restart neither skips it (it
 * is sent when a node comes back, up to a week late, each missed time once) nor sends it
 * twice. Each recipient gets the report made with what he may see, in his language, as a
 * CSV or XLSX file attached to the {@code scheduled-report} e-mail; a recipient who
 * meanwhile may not see it (or was disabled) gets nothing, and nothing is sent while the
 * owner is disabled or no longer holds {@code statistics.export}.
 */
@Component
class ScheduledReports {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledReports.class);

	static final String TEMPLATE = "scheduled-report";

	/** How late a planned time may still be sent; older ones are passed over. */
	static final Duration LATEST = Duration.ofDays(7);

	private final ReportScheduleRepository repository;

	private final ReportExports exports;

	private final TicketExports tickets;

	private final Reports reports;

	private final StaffDirectory staff;

	private final Notifications notifications;

	private final Sentences sentences;

	private final Settings settings;

	private final AuditLog audit;

	private final Leases leases;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/**
	 * The file of a report: the overview or a report by groups, channels or agents; the
	 * satisfaction report (the rated conversations with their comments), every
	 * conversation, or the tickets and SLA report with the tickets created.
	 */
	private ReportExports.Export file(StaffActor recipient, String report, Reports.Query query, Format format,
			Locale locale) {
		return switch (report) {
			case "csat", "conversations" ->
				this.exports.conversationsUnaudited(recipient, new ConversationRows.Request(query,
						"csat".equals(report) ? "rated" : null, null, null, null, null, null), format, locale);
			case "tickets" -> this.tickets.unaudited(recipient,
					new TicketReport.Query(query.from(), query.to(), query.hours(), query.timeZone(), query.groupId()),
					format, locale);
			default -> this.exports.unaudited(recipient, report, query, format, locale);
		};
	}

	ScheduledReports(ReportScheduleRepository repository, ReportExports exports, TicketExports tickets, Reports reports,
			StaffDirectory staff, Notifications notifications, Sentences sentences, Settings settings, AuditLog audit,
			Leases leases, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.exports = exports;
		this.tickets = tickets;
		this.reports = reports;
		this.staff = staff;
		this.notifications = notifications;
		this.sentences = sentences;
		this.settings = settings;
		this.audit = audit;
		this.leases = leases;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.analytics.schedule-check:60s}",
			initialDelayString = "${parley.analytics.schedule-check:60s}")
	void scheduled() {
		try {
			this.leases.runExclusively("analytics.report-schedules", Duration.ofMinutes(10), this::runOnce);
		}
		catch (RuntimeException ex) {
			logger.warn("Sending scheduled reports failed; trying again shortly", ex);
		}
	}

	/**
	 * Sends every planned time that has come and was not taken yet.
	 * @return how many planned times were taken
	 */
	int runOnce() {
		Instant now = this.clock.instant();
		ZoneId zone = this.reports.zone();
		int taken = 0;
		for (ReportSchedule schedule : this.repository.enabled()) {
			Instant last = schedule.lastSlot();
			Instant earliest = now.minus(LATEST);
			Instant next = schedule.nextSlot(last.isBefore(earliest) ? earliest : last, zone);
			while (!next.isAfter(now)) {
				Instant from = last;
				Instant slot = next;
				try {
					Boolean took = this.transactions.execute((tx) -> {
						if (!this.repository.takeSlot(schedule.id(), from, slot)) {
							return false;
						}
						send(schedule, slot, zone);
						return true;
					});
					if (!Boolean.TRUE.equals(took)) {
						break;
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Scheduled report {} of {} could not be sent; trying again shortly", schedule.id(),
							slot, ex);
					break;
				}
				taken++;
				last = slot;
				next = schedule.nextSlot(slot, zone);
			}
		}
		return taken;
	}

	private static java.util.Locale locale(String language) {
		return (language != null && !language.isBlank()) ? java.util.Locale.forLanguageTag(language)
				: java.util.Locale.ENGLISH;
	}

	/** Stores the e-mails of one planned time (in the caller's transaction). */
	private void send(ReportSchedule schedule, Instant slot, ZoneId zone) {
		StaffActor owner = this.staff.actor(schedule.ownerId()).orElse(null);
		if (owner == null || !owner.can(Permission.STATISTICS_EXPORT)) {
			logger.info("Scheduled report {} not sent: its owner is disabled or may no longer export", schedule.id());
			return;
		}
		Reports.Query query = schedule.query(slot, zone);
		Map<Long, StaffDirectory.StaffContact> contacts = this.staff.contacts(schedule.recipients());
		List<String> sentTo = new ArrayList<>();
		String file = null;
		for (Long id : schedule.recipients()) {
			StaffDirectory.StaffContact contact = contacts.get(id);
			StaffActor recipient = this.staff.actor(id).orElse(null);
			if (contact == null || recipient == null || contact.email() == null) {
				continue;
			}
			String language = (contact.language() != null) ? contact.language()
					: this.settings.get("organisation.language");
			ReportExports.Export export;
			try {
				export = file(recipient, schedule.report(), query, schedule.format(), locale(language));
			}
			catch (ApiException ex) {
				logger.info("Scheduled report {} not sent to user {}: he may not see it ({})", schedule.id(), id,
						ex.getMessage());
				continue;
			}
			file = export.fileName();
			Map<String, Object> values = new HashMap<>();
			values.put("name", contact.displayName());
			values.put("schedule", schedule.name());
			values.put("report",
					this.sentences.text("export.report." + schedule.report(), locale(language), schedule.report()));
			values.put("from", query.from());
			values.put("to", query.to());
			values.put("file", export.fileName());
			values.put("link", this.settings.get("organisation.publicUrl") + "/console/reports");
			this.notifications.enqueue(NotificationRequest
				.toStaff(TEMPLATE + ":" + schedule.id() + ":" + slot.toEpochMilli() + ":" + id,
						NotificationChannel.EMAIL, contact.email(), id, TEMPLATE, language, values, null)
				.withAttachments(
						List.of(new MailAttachment(export.fileName(), export.format().contentType, export.bytes()))));
			sentTo.add(String.valueOf(id));
		}
		this.audit.record(owner.username(), "statistics.exported", String.valueOf(schedule.id()), AuditResult.SUCCESS,
				"scheduled report " + schedule.name() + ": " + ((file != null) ? file : schedule.report()) + " to "
						+ sentTo);
	}

}
