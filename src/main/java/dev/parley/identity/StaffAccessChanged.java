package dev.parley.identity;

import java.util.Set;

/**
 * Staff members' access changed: their sessions may have ended or they may do less than
 * before. Published inside the transaction that makes the change, so listeners that hold
 * something on the users' behalf (open sockets, caches) close or check it again; REST
 * calls already see the change on their next request. See docs/events.md.
 *
 * @param userIds the staff members concerned
 * @param reason what changed
 * @param sessionId for {@link Reason#SIGNED_OUT} and {@link Reason#SESSION_ENDED}, the
 * HTTP session that ended; null for changes that concern all of a user's sessions
 */
public record StaffAccessChanged(Set<Long> userIds, Reason reason, String sessionId) {

	public StaffAccessChanged {
		userIds = Set.copyOf(userIds);
	}

	/** A change that concerns every session of the users. */
	public static StaffAccessChanged of(Set<Long> userIds, Reason reason) {
		return new StaffAccessChanged(userIds, reason, null);
	}

	/** What changed. */
	public enum Reason {

		/**
		 * The user changed their own password: every other session has ended; the one
		 * that made the change goes on (with a new session id).
		 */
		PASSWORD_CHANGED,

		/** An administrator set a new password: every session of the user has ended. */
		PASSWORD_RESET,

		/** The account was disabled: every session has ended. */
		DISABLED,

		/** The account was deleted: every session has ended. */
		DELETED,

		/**
		 * The user was given another role and lost no permission by it (a loss is
		 * {@link #PERMISSIONS_REVOKED}): what the sessions may do is checked again.
		 */
		ROLE_CHANGED,

		/**
		 * The user's own permission overrides changed without taking a permission away (a
		 * loss is {@link #PERMISSIONS_REVOKED}).
		 */
		PERMISSIONS_CHANGED,

		/**
		 * The permissions of a role changed, for every user holding it, and none was
		 * taken away (a loss is {@link #PERMISSIONS_REVOKED}).
		 */
		ROLE_PERMISSIONS_CHANGED,

		/**
		 * The users lost a permission (another role, the role's permissions, their own
		 * overrides): every session has ended; they sign in again with what they hold
		 * now.
		 */
		PERMISSIONS_REVOKED,

		/** The user signed out of one session ({@code sessionId}). */
		SIGNED_OUT,

		/**
		 * An administrator removed the user's second factor (app, passkeys, recovery
		 * codes): every session of the user has ended.
		 */
		TWO_FACTOR_RESET,

		/**
		 * One session ({@code sessionId}) was ended from the sessions list, by its user
		 * from another session or by an administrator.
		 */
		SESSION_ENDED,

		/** An administrator ended every session of the user. */
		SESSIONS_ENDED

	}

}
