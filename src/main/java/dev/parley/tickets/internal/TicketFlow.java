package dev.parley.tickets.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketStatus;

import static dev.parley.tickets.TicketStatus.CLOSED;
import static dev.parley.tickets.TicketStatus.NEW;
import static dev.parley.tickets.TicketStatus.OPEN;
import static dev.parley.tickets.TicketStatus.PENDING;
import static dev.parley.tickets.TicketStatus.SOLVED;

/**
 * The ticket's state machine: which moves exist and which permission each needs, so that
 * which role may make which move is set in the permission catalogue (roles and per-user
 * grants).
 *
 * <pre>
 * NEW ----> OPEN <----> PENDING          ticket.edit
 *  |         |            |
 *  +---------+------------+--> SOLVED    ticket.solve
 *  |         |            |       |
 *  +---------+------------+-------+--> CLOSED   ticket.close (Parley: N days after solved)
 * SOLVED, CLOSED --> OPEN                ticket.reopen (a customer's reply reopens a solved one)
 * </pre>
 *
 * Nothing goes back to NEW. The requester may mark his own ticket solved and, by
 * replying, reopen a pending or solved one; Parley itself may make any move.
 */
public final class TicketFlow {

	private static final Map<TicketStatus, Map<TicketStatus, Permission>> MOVES = new EnumMap<>(TicketStatus.class);

	static {
		move(NEW, OPEN, Permission.TICKET_EDIT);
		move(NEW, PENDING, Permission.TICKET_EDIT);
		move(OPEN, PENDING, Permission.TICKET_EDIT);
		move(PENDING, OPEN, Permission.TICKET_EDIT);
		for (TicketStatus from : EnumSet.of(NEW, OPEN, PENDING)) {
			move(from, SOLVED, Permission.TICKET_SOLVE);
		}
		for (TicketStatus from : EnumSet.of(NEW, OPEN, PENDING, SOLVED)) {
			move(from, CLOSED, Permission.TICKET_CLOSE);
		}
		move(SOLVED, OPEN, Permission.TICKET_REOPEN);
		move(CLOSED, OPEN, Permission.TICKET_REOPEN);
	}

	/** What the requester himself may do: mark solved, and reopen by replying. */
	private static final Set<TicketStatus> CUSTOMER_TARGETS = EnumSet.of(SOLVED, OPEN);

	private TicketFlow() {
	}

	private static void move(TicketStatus from, TicketStatus to, Permission permission) {
		MOVES.computeIfAbsent(from, (k) -> new EnumMap<>(TicketStatus.class)).put(to, permission);
	}

	/**
	 * @return the permission the move needs, or empty when there is no such move
	 */
	public static Optional<Permission> permissionFor(TicketStatus from, TicketStatus to) {
		return Optional.ofNullable(MOVES.getOrDefault(from, Map.of()).get(to));
	}

	/**
	 * @return the statuses a ticket may move to from {@code from}
	 */
	public static Set<TicketStatus> targets(TicketStatus from) {
		Map<TicketStatus, Permission> to = MOVES.getOrDefault(from, Map.of());
		return to.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(to.keySet());
	}

	/**
	 * Checks a move.
	 * @throws ApiException {@code invalid_transition} (409) for a move that does not
	 * exist; {@code forbidden} (403) when the actor lacks its permission
	 */
	public static void check(TicketStatus from, TicketStatus to, TicketActor actor) {
		Permission needed = permissionFor(from, to).orElseThrow(
				() -> ApiException.conflict("invalid_transition", "A ticket cannot go from " + from + " to " + to)
					.with("from", from.name())
					.with("to", to.name()));
		switch (actor.kind()) {
			case SYSTEM -> {
			}
			case CUSTOMER -> {
				if (!CUSTOMER_TARGETS.contains(to) || (to == OPEN && from == CLOSED)) {
					throw ApiException.forbidden(needed.code());
				}
			}
			case STAFF -> actor.require(needed);
		}
	}

}
