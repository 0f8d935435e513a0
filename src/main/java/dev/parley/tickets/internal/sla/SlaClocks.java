package dev.parley.tickets.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.parley.agents.BusinessCalendars;
import dev.parley.agents.BusinessCalendars.WorkingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's SLA clocks, moved by what happens to the ticket; the core calls these in the
 * transaction of each change. Each clock keeps the working time it used before it last
 * started running; at every change a running clock first adds the working time since (in
 * the calendar of the ticket's group before the change), then runs on, pauses or stops as
 * the ticket after the change says, its due time counted afresh from what is left of its
 * target.
 *
 * <p>
 * Waiting on the customer pauses every clock; solving or closing meets every target not
 * met yet; reopening runs the solution clock on from the time it had used. Every such
 * change chooses the policy again (a change of priority, group, type or customer, or of
 * the policies, may choose another): the clocks keep the time they used and take the new
 * targets (a breach stays a breach). A due time that passed before a change took the
 * clock away from the sweep is recorded as a breach then.
 */
@Component
public class SlaClocks {

	private static final Logger logger = LoggerFactory.getLogger(SlaClocks.class);

	private static final long MINUTE = 60_000L;

	private final SlaClockRepository clocks;

	private final SlaPolicies policies;

	private final TicketRows tickets;

	private final BusinessCalendars calendars;

	SlaClocks(SlaClockRepository clocks, SlaPolicies policies, TicketRows tickets, BusinessCalendars calendars) {
		this.clocks = clocks;
		this.policies = policies;
		this.tickets = tickets;
		this.calendars = calendars;
	}

	/**
	 * A clock as the ticket shows it; {@code remaining} is working time, negative when
	 * overdue.
	 */
	public record ClockView(SlaTarget target, ClockState state, Instant dueAt, Duration remaining, Instant metAt,
			Instant breachedAt, long policyId) {
	}

	/**
	 * A ticket was created: chooses its policy, starts its first-response and solution
	 * clocks.
	 */
	@Transactional
	public void started(TicketFacts ticket, Instant at) {
		Optional<SlaPolicy> policy = this.policies.select(ticket);
		Calendars calendars = new Calendars();
		policy.ifPresent((p) -> {
			for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
				if (p.minutes(target) != null) {
					this.clocks.save(place(SlaClock.fresh(ticket.id(), target, p.id(), at.toEpochMilli()), p, ticket,
							at, false, calendars));
				}
			}
		});
		this.tickets.slaColumns(ticket.id(), policy.map(SlaPolicy::id).orElse(null));
	}

	/**
	 * The ticket's status, pending-on, priority, group, type or customer changed (other
	 * changes are ignored, so it may be called for any change).
	 */
	@Transactional
	public void changed(TicketFacts before, TicketFacts after, Instant at) {
		if (before.status() == after.status() && before.pendingOn() == after.pendingOn() && before.selectsLike(after)) {
			return;
		}
		TicketRows.Row row = this.tickets.find(after.id()).orElse(null);
		if (row == null) {
			return;
		}
		Calendars calendars = new Calendars();
		Map<SlaTarget, SlaClock> current = new EnumMap<>(SlaTarget.class);
		for (SlaClock clock : this.clocks.of(after.id())) {
			current.put(clock.target(), settle(clock, policy(clock.policyId()), before, at, calendars));
		}
		// chosen again at every change that concerns SLAs: policies may have changed
		// since
		SlaPolicy policy = this.policies.select(after).orElse(null);
		if (!Objects.equals(row.policyId(), (policy != null) ? policy.id() : null) || !before.selectsLike(after)) {
			for (SlaClock clock : new ArrayList<>(current.values())) {
				if (policy != null && policy.minutes(clock.target()) != null) {
					current.put(clock.target(), clock.withPolicy(policy.id()));
				}
				else if (clock.met() || clock.breachedAt() != null) {
					// kept as it ended, for the record
					this.clocks.save(clock);
					current.remove(clock.target());
				}
				else {
					this.clocks.delete(after.id(), clock.target());
					current.remove(clock.target());
				}
			}
			if (policy != null && !after.finished()) {
				for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
					boolean answered = target == SlaTarget.FIRST_RESPONSE && row.firstRespondedAt() != null;
					if (policy.minutes(target) != null && !current.containsKey(target) && !answered) {
						current.put(target, SlaClock.fresh(after.id(), target, policy.id(), at.toEpochMilli()));
					}
				}
			}
		}
		boolean reopened = before.finished() && !after.finished();
		for (SlaClock clock : current.values()) {
			SlaPolicy own = (policy != null && policy.id() == clock.policyId()) ? policy : policy(clock.policyId());
			this.clocks.save((own != null) ? place(clock, own, after, at, reopened, calendars) : clock);
		}
		this.tickets.slaColumns(after.id(), (policy != null) ? policy.id() : null);
	}

	/**
	 * A public reply to the customer: meets the first-response and next-response targets.
	 */
	@Transactional
	public void agentReplied(TicketFacts ticket, Instant at) {
		Calendars calendars = new Calendars();
		for (SlaClock clock : this.clocks.of(ticket.id())) {
			if (clock.target() != SlaTarget.RESOLUTION && !clock.met()) {
				SlaClock settled = settle(clock, policy(clock.policyId()), ticket, at, calendars);
				this.clocks.save(settled.stopped(settled.usedMs(), at.toEpochMilli(), settled.breachedAt()));
			}
		}
		this.tickets.slaDue(ticket.id());
	}

	/**
	 * The customer wrote (call it after {@link #changed} for the reopening his message
	 * causes): once the first reply was given, the next-response clock starts, unless one
	 * counts already.
	 */
	@Transactional
	public void customerReplied(TicketFacts ticket, Instant at) {
		if (ticket.finished()) {
			return;
		}
		TicketRows.Row row = this.tickets.find(ticket.id()).orElse(null);
		SlaPolicy policy = (row != null && row.policyId() != null) ? policy(row.policyId()) : null;
		if (policy == null || policy.nextResponseMinutes() == null) {
			return;
		}
		Map<SlaTarget, SlaClock> current = new EnumMap<>(SlaTarget.class);
		this.clocks.of(ticket.id()).forEach((c) -> current.put(c.target(), c));
		SlaClock first = current.get(SlaTarget.FIRST_RESPONSE);
		SlaClock next = current.get(SlaTarget.NEXT_RESPONSE);
		boolean answered = (first != null) ? first.met() : row.firstRespondedAt() != null;
		if (!answered || (next != null && !next.met())) {
			return;
		}
		SlaClock fresh = SlaClock.fresh(ticket.id(), SlaTarget.NEXT_RESPONSE, policy.id(), at.toEpochMilli());
		this.clocks.save(place(fresh, policy, ticket, at, false, new Calendars()));
		this.tickets.slaDue(ticket.id());
	}

	/** The ticket's clocks: each target's state, due time and working time left. */
	@Transactional(readOnly = true)
	public List<ClockView> clocks(long ticketId, Instant now) {
		TicketRows.Row row = this.tickets.find(ticketId).orElse(null);
		if (row == null) {
			return List.of();
		}
		Calendars calendars = new Calendars();
		List<ClockView> views = new ArrayList<>();
		for (SlaClock clock : this.clocks.of(ticketId)) {
			SlaPolicy policy = policy(clock.policyId());
			Duration remaining = null;
			if (!clock.met() && policy != null && policy.minutes(clock.target()) != null) {
				long used = clock.usedMs();
				if (clock.running()) {
					used += calendars.of(policy, row.facts().groupId())
						.workingBetween(Instant.ofEpochMilli(clock.runningSince()), now)
						.toMillis();
				}
				remaining = Duration.ofMillis(policy.minutes(clock.target()) * MINUTE - used);
			}
			views.add(new ClockView(clock.target(), clock.state(), instant(clock.dueAt()), remaining,
					instant(clock.metAt()), instant(clock.breachedAt()), clock.policyId()));
		}
		return views;
	}

	/**
	 * Stops a running clock at {@code at}, its working time since it started running
	 * added to what it had used; a due time passed meanwhile is a breach.
	 */
	private SlaClock settle(SlaClock clock, SlaPolicy policy, TicketFacts ticket, Instant at, Calendars calendars) {
		if (!clock.running()) {
			return clock;
		}
		long used = clock.usedMs() + calendars.of(policy, ticket.groupId())
			.workingBetween(Instant.ofEpochMilli(clock.runningSince()), at)
			.toMillis();
		Long breachedAt = clock.breachedAt();
		if (breachedAt == null && clock.dueAt() != null && at.toEpochMilli() > clock.dueAt()) {
			breachedAt = clock.dueAt();
			this.tickets.history(clock.ticketId(), SlaSweep.BREACHED, "sla", null, clock.target().name(),
					"noticed at a change", at.toEpochMilli());
		}
		return clock.stopped(used, null, breachedAt);
	}

	/** Where a settled clock goes as the ticket now is: met, paused, or running again. */
	private SlaClock place(SlaClock clock, SlaPolicy policy, TicketFacts ticket, Instant at, boolean reopened,
			Calendars calendars) {
		if (ticket.finished()) {
			return clock.met() ? clock : clock.stopped(clock.usedMs(), at.toEpochMilli(), clock.breachedAt());
		}
		boolean reopen = reopened && clock.target() == SlaTarget.RESOLUTION;
		if ((clock.met() && !reopen) || ticket.paused() || policy.minutes(clock.target()) == null) {
			return clock.met() ? clock : clock.stopped(clock.usedMs(), null, clock.breachedAt());
		}
		WorkingTime calendar = calendars.of(policy, ticket.groupId());
		long left = policy.minutes(clock.target()) * MINUTE - clock.usedMs();
		Long due;
		Long alert;
		try {
			due = (left > 0) ? calendar.addWorking(at, Duration.ofMillis(left)).toEpochMilli() : at.toEpochMilli();
			alert = due;
			if (policy.warnBeforeMinutes() != null && clock.warnedAt() == null) {
				long warnLeft = left - policy.warnBeforeMinutes() * MINUTE;
				alert = (warnLeft > 0) ? calendar.addWorking(at, Duration.ofMillis(warnLeft)).toEpochMilli()
						: at.toEpochMilli();
			}
		}
		catch (IllegalStateException ex) {
			logger.warn("No due time for ticket {} ({}): {}", clock.ticketId(), clock.target(), ex.getMessage());
			due = null;
			alert = null;
		}
		return clock.runningFrom(at.toEpochMilli(), due, (clock.breachedAt() != null) ? null : alert);
	}

	private SlaPolicy policy(long id) {
		return this.policies.find(id).orElse(null);
	}

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	/** The calendars one call uses, each read once. */
	private final class Calendars {

		private final Map<Object, WorkingTime> kept = new HashMap<>();

		WorkingTime of(SlaPolicy policy, Long groupId) {
			if (policy == null || policy.calendar() == SlaCalendar.ALWAYS || groupId == null) {
				return SlaClocks.this.calendars.always();
			}
			return this.kept.computeIfAbsent(groupId, (g) -> SlaClocks.this.calendars.of(groupId));
		}

	}

}
