package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketFilter.Condition;

/**
 * {@link dev.parley.tickets.internal.TicketAccess}'s rules as SQL conditions of the list,
 * so a page holds only what its reader may open: with {@code ticket.view_all} every
 * ticket, else those assigned to him, of his groups, of no group, or followed by him;
 * complaints only with {@code complaint.handle}.
 */
final class TicketVisibility {

	private TicketVisibility() {
	}

	/**
	 * @param groups the reader's groups
	 * @return the conditions (none for one who sees everything)
	 */
	static List<Condition> conditions(TicketActor actor, List<Long> groups) {
		List<Condition> conditions = new ArrayList<>();
		if (!actor.staff()) {
			throw new IllegalArgumentException("the ticket list is for staff");
		}
		if (!actor.can(Permission.TICKET_VIEW)) {
			conditions.add(Condition.of("1 = 0"));
			return conditions;
		}
		if (!actor.can(Permission.COMPLAINT_HANDLE)) {
			conditions.add(Condition.of("t.type <> 'COMPLAINT'"));
		}
		if (!actor.can(Permission.TICKET_VIEW_ALL)) {
			// the same rule as an OR (probed per ticket) and as a union of index ranges
			// (the ids of a reader who sees few tickets: TicketQuery drives by them)
			List<Object> params = new ArrayList<>();
			StringBuilder sql = new StringBuilder("t.group_id IS NULL OR t.assignee_id = ?");
			StringBuilder ids = new StringBuilder("SELECT id FROM ticket WHERE assignee_id = ?");
			params.add(actor.staffId());
			if (!groups.isEmpty()) {
				String marks = String.join(", ", Collections.nCopies(groups.size(), "?"));
				sql.append(" OR t.group_id IN (").append(marks).append(')');
				ids.append(" UNION ALL SELECT id FROM ticket WHERE group_id IN (").append(marks).append(')');
				params.addAll(groups);
			}
			sql.append(" OR EXISTS (SELECT 1 FROM ticket_follower f WHERE f.ticket_id = t.id AND f.user_id = ?)");
			ids.append(" UNION ALL SELECT ticket_id AS id FROM ticket_follower WHERE user_id = ?");
			ids.append(" UNION ALL SELECT id FROM ticket WHERE group_id IS NULL");
			params.add(actor.staffId());
			conditions.add(Condition.own(sql.toString(), ids.toString(), params).countedLast());
		}
		return conditions;
	}

}
