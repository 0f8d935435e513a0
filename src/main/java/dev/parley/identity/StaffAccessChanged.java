package dev.parley.identity;

import java.util.Set;

/**
 * What some staff members may do changed: their password, permissions, role, or whether
 * they may sign in at all. Published in the transaction that makes the change; the
 * realtime gateway re-checks (or closes) their open connections on every node.
 *
 * @param sessionId when only one session ended (a sign-out), its id; null when the change
 * concerns everything the users do
 */
public record StaffAccessChanged(Set<Long> userIds, Reason reason, String sessionId) {

	/** Why access changed. */
	public enum Reason {

		PASSWORD_CHANGED, PASSWORD_RESET, DISABLED, DELETED, ROLE_CHANGED, PERMISSIONS_CHANGED, SIGNED_OUT

	}

}
