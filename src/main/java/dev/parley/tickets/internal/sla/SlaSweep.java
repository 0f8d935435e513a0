package dev.parley.tickets.internal.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.Leases;
import dev.parley.tickets.TicketChanged;
import dev.parley.tickets.TicketPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on one node: the clocks whose warning or breach has come (one indexed
 * read of {@code ticket_sla_clock.alert_at}, at most {@value #BATCH} per run, the most
 * overdue first), each recorded once in the ticket's history, told to the assignee and
 * the group's supervisors, and a breach escalated as its policy says (priority one step
 * up, another group; announced as {@link TicketChanged}). Each clock in its own
 * transaction, so one failure stops no other.
 */
@Component
class SlaSweep {

	static final String WARNED = "sla.warning";

	static final String BREACHED = "sla.breached";

	static final String ESCALATED = "sla.escalated";

	static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(SlaSweep.class);

	private final SlaClockRepository clocks;

	private final TicketRows tickets;

	private final SlaPolicies policies;

	private final SlaClocks slaClocks;

	private final SlaAlerts alerts;

	private final GroupDirectory groups;

	private final Leases leases;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	SlaSweep(SlaClockRepository clocks, TicketRows tickets, SlaPolicies policies, SlaClocks slaClocks, SlaAlerts alerts,
			GroupDirectory groups, Leases leases, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.clocks = clocks;
		this.tickets = tickets;
		this.policies = policies;
		this.slaClocks = slaClocks;
		this.alerts = alerts;
		this.groups = groups;
		this.leases = leases;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${parley.tickets.sla-sweep:60s}",
			initialDelayString = "${parley.tickets.sla-sweep:60s}")
	void scheduled() {
		try {
			this.leases.runExclusively("tickets.sla-sweep", Duration.ofMinutes(5), () -> sweep(this.clock.instant()));
		}
		catch (RuntimeException ex) {
			logger.warn("The SLA sweep failed; trying again shortly", ex);
		}
	}

	/**
	 * @return how many warnings and breaches were recorded
	 */
	int sweep(Instant now) {
		int recorded = 0;
		for (SlaClock due : this.clocks.alerting(now.toEpochMilli(), BATCH)) {
			try {
				Integer one = this.transactions.execute((status) -> alert(due, now));
				recorded += (one != null) ? one : 0;
			}
			catch (RuntimeException ex) {
				logger.warn("SLA alert of ticket {} ({}) failed; trying again at the next sweep", due.ticketId(),
						due.target(), ex);
			}
		}
		return recorded;
	}

	private int alert(SlaClock clock, Instant now) {
		long at = now.toEpochMilli();
		boolean breach = clock.dueAt() != null && clock.dueAt() <= at;
		if (breach ? !this.clocks.markBreached(clock, at) : !this.clocks.markWarned(clock, at)) {
			this.clocks.settleAlert(clock);
			return 0;
		}
		TicketRows.Row ticket = this.tickets.find(clock.ticketId()).orElseThrow();
		this.tickets.history(clock.ticketId(), breach ? BREACHED : WARNED, "sla", null, clock.target().name(),
				"due " + Instant.ofEpochMilli(clock.dueAt()), at);
		this.alerts.tell(ticket, clock, breach);
		if (breach) {
			this.policies.find(clock.policyId()).ifPresent((policy) -> escalate(ticket, policy, now));
		}
		return 1;
	}

	/**
	 * Raises the priority and/or hands the ticket to another group, as the policy says.
	 */
	private void escalate(TicketRows.Row ticket, SlaPolicy policy, Instant now) {
		TicketFacts before = ticket.facts();
		if (before.finished()) {
			return;
		}
		TicketPriority priority = policy.escalateRaisePriority() ? before.priority().raised() : before.priority();
		Long groupId = (policy.escalateGroupId() != null) ? policy.escalateGroupId() : before.groupId();
		boolean regrouped = !Objects.equals(groupId, before.groupId());
		if (priority == before.priority() && !regrouped) {
			return;
		}
		Long assigneeId = regrouped ? null : ticket.assigneeId();
		long at = now.toEpochMilli();
		if (!this.tickets.escalate(ticket, priority, groupId, assigneeId, at)) {
			return; // someone changed it meanwhile: the next breach check sees it as it
					// is
		}
		String detail = "policy " + policy.name();
		if (priority != before.priority()) {
			this.tickets.history(before.id(), ESCALATED, "priority", before.priority().name(), priority.name(), detail,
					at);
		}
		if (regrouped) {
			this.tickets.history(before.id(), ESCALATED, "group", groupName(before.groupId()), groupName(groupId),
					detail, at);
		}
		TicketFacts after = new TicketFacts(before.id(), before.status(), before.pendingOn(), priority, before.type(),
				groupId, before.customerId());
		this.slaClocks.changed(before, after, now);
		List<String> fields = new ArrayList<>();
		if (priority != before.priority()) {
			fields.add("priority");
		}
		if (regrouped) {
			fields.add("group");
			if (ticket.assigneeId() != null) {
				fields.add("assignee");
			}
		}
		this.events.publishEvent(
				new TicketChanged(before.id(), fields, before.status(), before.status(), groupId, assigneeId, now));
	}

	private String groupName(Long groupId) {
		return (groupId != null) ? this.groups.name(groupId).orElse("#" + groupId) : null;
	}

}
