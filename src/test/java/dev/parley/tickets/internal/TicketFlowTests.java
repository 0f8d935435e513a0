package dev.parley.tickets.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

import static dev.parley.tickets.TicketStatus.CLOSED;
import static dev.parley.tickets.TicketStatus.NEW;
import static dev.parley.tickets.TicketStatus.OPEN;
import static dev.parley.tickets.TicketStatus.PENDING;
import static dev.parley.tickets.TicketStatus.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every move of the ticket state machine, allowed and refused, with and without its
 * permission, for staff, the requester and Parley itself.
 */
class TicketFlowTests {

	/** Every move there is, with the permission it needs. */
	private static final Map<String, Permission> MOVES = Map.ofEntries(Map.entry("NEW>OPEN", Permission.TICKET_EDIT),
			Map.entry("NEW>PENDING", Permission.TICKET_EDIT), Map.entry("OPEN>PENDING", Permission.TICKET_EDIT),
			Map.entry("PENDING>OPEN", Permission.TICKET_EDIT), Map.entry("NEW>SOLVED", Permission.TICKET_SOLVE),
			Map.entry("OPEN>SOLVED", Permission.TICKET_SOLVE), Map.entry("PENDING>SOLVED", Permission.TICKET_SOLVE),
			Map.entry("NEW>CLOSED", Permission.TICKET_CLOSE), Map.entry("OPEN>CLOSED", Permission.TICKET_CLOSE),
			Map.entry("PENDING>CLOSED", Permission.TICKET_CLOSE), Map.entry("SOLVED>CLOSED", Permission.TICKET_CLOSE),
			Map.entry("SOLVED>OPEN", Permission.TICKET_REOPEN), Map.entry("CLOSED>OPEN", Permission.TICKET_REOPEN));

	private static TicketActor staff(Set<Permission> permissions) {
		return new TicketActor(TicketActor.Kind.STAFF, 7L, null, "Ann", permissions);
	}

	@Test
	void everyPairOfStatusesIsEitherAMoveWithItsPermissionOrRefusedAsInvalid() {
		for (TicketStatus from : TicketStatus.values()) {
			for (TicketStatus to : TicketStatus.values()) {
				Permission needed = MOVES.get(from + ">" + to);
				assertThat(TicketFlow.permissionFor(from, to).orElse(null)).as(from + ">" + to).isEqualTo(needed);
				if (needed == null) {
					assertThatThrownBy(() -> TicketFlow.check(from, to, TicketActor.system())).isInstanceOfSatisfying(
							ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo("invalid_transition"));
					continue;
				}
				TicketFlow.check(from, to, staff(Set.of(needed)));
				TicketFlow.check(from, to, TicketActor.system());
				Set<Permission> allButIt = EnumSet.allOf(Permission.class);
				allButIt.remove(needed);
				assertThatThrownBy(() -> TicketFlow.check(from, to, staff(allButIt))).as(from + ">" + to)
					.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo("forbidden"));
			}
		}
	}

	@Test
	void nothingGoesBackToNew() {
		for (TicketStatus from : TicketStatus.values()) {
			assertThat(TicketFlow.targets(from)).doesNotContain(NEW);
		}
		assertThat(TicketFlow.targets(CLOSED)).containsExactly(OPEN);
	}

	@Test
	void theRequesterMayMarkSolvedAndReopenBySolvedButNotCloseNorReopenAClosedOne() {
		TicketActor customer = TicketActor.customer(3);
		TicketFlow.check(OPEN, SOLVED, customer);
		TicketFlow.check(PENDING, SOLVED, customer);
		TicketFlow.check(SOLVED, OPEN, customer);
		TicketFlow.check(PENDING, OPEN, customer);
		assertThatThrownBy(() -> TicketFlow.check(OPEN, CLOSED, customer)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("forbidden"));
		assertThatThrownBy(() -> TicketFlow.check(CLOSED, OPEN, customer)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("forbidden"));
		assertThatThrownBy(() -> TicketFlow.check(OPEN, PENDING, customer)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("forbidden"));
	}

}
