package dev.parley.tickets.internal.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.agents.Teams;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;

import org.springframework.stereotype.Component;

/**
 * Tells the ticket's assignee and its group's supervisors by e-mail that a target is
 * about to be missed ({@code ticket-sla-warning}) or was missed
 * ({@code ticket-sla-breach}), once per clock, due time and person.
 */
@Component
class SlaAlerts {

	static final String WARNING_TEMPLATE = "ticket-sla-warning";

	static final String BREACH_TEMPLATE = "ticket-sla-breach";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final StaffDirectory staff;

	private final Teams teams;

	private final Settings settings;

	SlaAlerts(Notifications notifications, StaffDirectory staff, Teams teams, Settings settings) {
		this.notifications = notifications;
		this.staff = staff;
		this.teams = teams;
		this.settings = settings;
	}

	/**
	 * @return how many people were told
	 */
	int tell(TicketRows.Row ticket, SlaClock clock, boolean breach) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (ticket.assigneeId() != null) {
			recipients.add(ticket.assigneeId());
		}
		if (ticket.facts().groupId() != null) {
			this.teams.members(ticket.facts().groupId())
				.stream()
				.filter(Teams.Member::supervisor)
				.forEach((m) -> recipients.add(m.userId()));
		}
		if (recipients.isEmpty()) {
			return 0;
		}
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		Map<String, Object> values = new HashMap<>();
		values.put("number", ticket.number());
		values.put("subject", ticket.subject());
		values.put("firstResponse", clock.target() == SlaTarget.FIRST_RESPONSE);
		values.put("nextResponse", clock.target() == SlaTarget.NEXT_RESPONSE);
		values.put("resolution", clock.target() == SlaTarget.RESOLUTION);
		values.put("due", (clock.dueAt() != null) ? TIME.format(Instant.ofEpochMilli(clock.dueAt()).atZone(zone)) : "");
		values.put("link", this.settings.get("organisation.publicUrl") + "/console/tickets/" + ticket.facts().id());
		String template = breach ? BREACH_TEMPLATE : WARNING_TEMPLATE;
		String key = template + ":" + ticket.facts().id() + ":" + clock.target().name() + ":" + clock.dueAt();
		int told = 0;
		for (StaffDirectory.StaffContact contact : this.staff.contacts(recipients).values()) {
			if (!contact.enabled() || contact.email() == null) {
				continue;
			}
			Map<String, Object> personal = new HashMap<>(values);
			personal.put("name", contact.displayName());
			this.notifications.enqueue(NotificationRequest.toStaff(key + ":" + contact.id(), NotificationChannel.EMAIL,
					contact.email(), contact.id(), template, contact.language(), personal, null));
			told++;
		}
		return told;
	}

}
