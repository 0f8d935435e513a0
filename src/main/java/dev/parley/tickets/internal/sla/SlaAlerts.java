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
import dev.parley.notifications.StaffNews;
import dev.parley.notifications.StaffNotices;

import org.springframework.stereotype.Component;

/**
 * Tells the ticket's assignee and its group's supervisors (by e-mail or text message, as
 * each chose in his profile) that a target is about to be missed
 * ({@code ticket-sla-warning}) or was missed ({@code ticket-sla-breach}), once per clock,
 * due time and person.
 */
@Component
class SlaAlerts {

	static final String WARNING_TEMPLATE = "ticket-sla-warning";

	static final String BREACH_TEMPLATE = "ticket-sla-breach";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final StaffNotices notices;

	private final Teams teams;

	private final Settings settings;

	SlaAlerts(StaffNotices notices, Teams teams, Settings settings) {
		this.notices = notices;
		this.teams = teams;
		this.settings = settings;
	}

	/**
	 * Each on the channels he chose for SLA news (StaffNotices).
	 * @return how many people were asked to be told
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
		this.notices.tell(recipients, StaffNews.TICKET_SLA, template, key, values);
		return recipients.size();
	}

}
