package dev.parley.tickets.internal;

import java.util.Set;

import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

/**
 * Who changes a ticket: a staff member with his permissions, the requester (portal,
 * e-mail), or Parley itself (SLA escalation, the automatic close).
 *
 * @param staffId the staff member, or null
 * @param customerId the customer, or null
 * @param name how the history names him: the staff member's display name,
 * {@code customer:<id>}, or {@code system}
 */
public record TicketActor(Kind kind, Long staffId, Long customerId, String name, Set<Permission> permissions) {

	public enum Kind {

		STAFF, CUSTOMER, SYSTEM

	}

	public static TicketActor of(StaffActor staff) {
		return new TicketActor(Kind.STAFF, staff.id(), null, staff.displayName(), staff.permissions());
	}

	public static TicketActor customer(long customerId) {
		return new TicketActor(Kind.CUSTOMER, null, customerId, "customer:" + customerId, Set.of());
	}

	public static TicketActor system() {
		return new TicketActor(Kind.SYSTEM, null, null, "system", Set.of());
	}

	/**
	 * @return the staff member as other modules know him (only for staff)
	 */
	public StaffActor asStaff() {
		return new StaffActor(this.staffId, this.name, this.name, this.permissions);
	}

	public boolean staff() {
		return this.kind == Kind.STAFF;
	}

	/**
	 * @return whether a staff member holds the permission (Parley itself may anything)
	 */
	public boolean can(Permission permission) {
		return this.kind == Kind.SYSTEM || this.permissions.contains(permission);
	}

	/**
	 * @throws dev.parley.platform.ApiException forbidden (403) naming the permission
	 */
	public void require(Permission permission) {
		if (!can(permission)) {
			throw StaffActor.forbidden(permission);
		}
	}

}
