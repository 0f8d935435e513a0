package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.platform.ApiException;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketFilter.Condition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standard views of the ticket list (the console's navigation). */
public enum TicketView {

	MINE, UNASSIGNED, MY_GROUPS, OVERDUE, DUE_SOON, PENDING, ALL;

	/** How soon an SLA or a due date counts as "due soon" (minutes). */
	static final String DUE_SOON_SETTING = "tickets.dueSoonMinutes";

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TicketView of(String param) {
		for (TicketView view : values()) {
			if (view.param().equals(param)) {
				return view;
			}
		}
		throw ApiException.invalid("view", "one of mine, unassigned, my_groups, overdue, due_soon, pending, all");
	}

	/**
	 * The view's conditions. Each but "all" and "pending" lists unfinished tickets (new,
	 * open, pending) unless a status is asked for. Each view's own tickets are a set on
	 * an index of its own (V20), which TicketQuery counts and, when small, reads by id.
	 * @param groups the reader's groups
	 * @param now the time, {@code soon} the end of "due soon" (epoch milliseconds)
	 */
	List<Condition> conditions(boolean statusGiven, TicketActor actor, List<Long> groups, long now, long soon) {
		List<Condition> conditions = new ArrayList<>();
		boolean unfinished = this != ALL && this != PENDING && !statusGiven;
		if (unfinished) {
			conditions.add(Condition.of(TicketFilterParser.UNFINISHED));
		}
		String open = unfinished ? " AND status IN ('NEW', 'OPEN', 'PENDING')" : "";
		String onT = open.replace("status", "t.status");
		switch (this) {
			case MINE -> conditions.add(Condition.own("t.assignee_id = ?" + onT,
					"SELECT id FROM ticket WHERE assignee_id = ?" + open, List.of(actor.staffId())));
			case UNASSIGNED -> conditions.add(Condition.own("t.assignee_id IS NULL" + onT,
					"SELECT id FROM ticket WHERE assignee_id IS NULL" + open, List.of()));
			case MY_GROUPS -> {
				if (groups.isEmpty()) {
					conditions.add(Condition.of("1 = 0"));
				}
				else {
					String in = " IN (" + String.join(", ", Collections.nCopies(groups.size(), "?")) + ")";
					conditions.add(Condition.own("t.group_id" + in + onT,
							"SELECT id FROM ticket WHERE group_id" + in + open, new ArrayList<>(groups)));
				}
			}
			// ">= 0": a range H2 starts after the NULLs (it reads every ticket without a
			// due time for "< now" alone)
			case OVERDUE ->
				conditions.add(Condition.own("t.sla_due_at >= 0 AND t.sla_due_at < ? OR t.due_at >= 0 AND t.due_at < ?",
						"SELECT id FROM ticket WHERE sla_due_at >= 0 AND sla_due_at < ? "
								+ "UNION ALL SELECT id FROM ticket WHERE due_at >= 0 AND due_at < ?",
						List.of(now, now)));
			case DUE_SOON ->
				conditions.add(Condition.own("t.sla_due_at >= ? AND t.sla_due_at < ? OR t.due_at >= ? AND t.due_at < ?",
						"SELECT id FROM ticket WHERE sla_due_at >= ? AND sla_due_at < ? "
								+ "UNION ALL SELECT id FROM ticket WHERE due_at >= ? AND due_at < ?",
						List.of(now, soon, now, soon)));
			case PENDING -> conditions.add(
					Condition.own("t.status = 'PENDING'", "SELECT id FROM ticket WHERE status = 'PENDING'", List.of()));
			case ALL -> {
			}
		}
		return conditions;
	}

	@Configuration(proxyBeanMethods = false)
	static class Definitions {

		@Bean
		static SettingDefinitions ticketViewSettingDefinitions() {
			return new SettingDefinitions(SettingDefinition.integer(DUE_SOON_SETTING, 60, 1, 10080));
		}

	}

}
