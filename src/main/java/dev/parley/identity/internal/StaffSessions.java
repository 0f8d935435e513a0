package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in console sessions of staff members (table {@code staff_session}): who,
 * from which device and address, since when, last used when. A session is alive while its
 * row exists; ending one deletes the row, so its next request on any node is refused (the
 * check reads the database, as the account check does), and publishes
 * {@link StaffAccessChanged} so that its sockets close on every node.
 * <p>
 * A table rather than the session store's own index: embedded Parley keeps sessions in
 * the servlet container, which has no index by user, and the cluster's Redis store is not
 * indexed either; the database is the one store every node shares in both modes. It also
 * keeps the session id, a credential, out of the API: sessions are named by a random
 * {@link SessionKey}.
 */
@Service
public class StaffSessions {

	/** Last use is written at most this often, not on every request. */
	static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final int MAX_USER_AGENT = 512;

	private static final int MAX_ADDRESS = 64;

	private final JdbcClient jdbc;

	private final StaffUserRepository users;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	/**
	 * Rows are kept this long past the session timeout before they are purged: the list
	 * already leaves them out, and a row is only housekeeping once its session timed out.
	 */
	private static final Duration PURGE_MARGIN = Duration.ofDays(7);

	private final Duration timeout;

	StaffSessions(JdbcClient jdbc, StaffUserRepository users, ApplicationEventPublisher events, AuditLog auditLog,
			Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock;
		this.timeout = timeout;
	}

	/** A session as its user or an administrator sees it. */
	public record ActiveSession(String id, long userId, String httpSessionId, String userAgent, String signInAddress,
			String lastAddress, Instant signedInAt, Instant lastUsedAt) {

		public DeviceName device() {
			return DeviceName.of(this.userAgent);
		}

	}

	/** Records a session that has just signed in. */
	@Transactional
	public SessionKey started(long userId, String httpSessionId, String userAgent, String address) {
		SessionKey key = SessionKey.random();
		long now = this.clock.millis();
		this.jdbc
			.sql("INSERT INTO staff_session (id, user_id, http_session_id, user_agent, sign_in_address, last_address, "
					+ "signed_in_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key.id(), userId, httpSessionId, cut(userAgent, MAX_USER_AGENT), cut(address, MAX_ADDRESS),
					cut(address, MAX_ADDRESS), now, now)
			.update();
		return key;
	}

	/**
	 * Whether the session is alive; if a request of it is being served, records its use
	 * (at most every {@link #LAST_USED_RESOLUTION}, or when its address or id changed).
	 * @param httpSessionId the request's session id, or null outside a request
	 * @param address the request's client address, or null outside a request
	 */
	public boolean alive(SessionKey key, long userId, String httpSessionId, String address) {
		Optional<ActiveSession> found = find(key.id()).filter((session) -> session.userId() == userId);
		if (found.isEmpty()) {
			return false;
		}
		ActiveSession session = found.get();
		// idle sessions are the session store's to end (its timeout, on its clock): a
		// request that comes with one is in use, whatever the row last saw
		Instant now = this.clock.instant();
		if (httpSessionId != null && (!httpSessionId.equals(session.httpSessionId())
				|| !session.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)
				|| (address != null && !address.equals(session.lastAddress())))) {
			this.jdbc
				.sql("UPDATE staff_session SET http_session_id = ?, last_address = ?, last_used_at = ? WHERE id = ?")
				.params(httpSessionId, (address != null) ? cut(address, MAX_ADDRESS) : session.lastAddress(),
						now.toEpochMilli(), key.id())
				.update();
		}
		return true;
	}

	/** The user's sessions that have not ended nor timed out, last used first. */
	public List<ActiveSession> of(long userId) {
		return this.jdbc
			.sql("SELECT * FROM staff_session WHERE user_id = ? AND last_used_at >= ? "
					+ "ORDER BY last_used_at DESC, signed_in_at DESC")
			.params(userId, cutoff(this.clock.instant()).toEpochMilli())
			.query(StaffSessions::row)
			.list();
	}

	/**
	 * Ends one session of the user, by the user (from another session, or this one) or by
	 * an administrator; audited.
	 * @throws ApiException 400 for a malformed id; 404 if the user has no such session
	 * (another user's session is not found either, so nothing tells that it exists)
	 */
	@Transactional
	public ActiveSession end(long userId, String sessionId, StaffActor actor) {
		if (!SessionKey.isWellFormed(sessionId)) {
			throw ApiException.badRequest("malformed_session_id", "Not a session id");
		}
		ActiveSession session = find(sessionId).filter((found) -> found.userId() == userId)
			.filter((found) -> !found.lastUsedAt().isBefore(cutoff(this.clock.instant())))
			.orElseThrow(() -> ApiException.notFound("Session"));
		delete(session);
		this.auditLog.record(actor.username(), (actor.id() == userId) ? "session.ended" : "user.session.ended",
				username(userId), AuditResult.SUCCESS,
				session.device().describe() + ", " + session.lastAddress() + ", signed in " + session.signedInAt());
		return session;
	}

	/**
	 * Ends every session of the user but the caller's own; audited.
	 * @return how many ended
	 */
	@Transactional
	public int endOthers(long userId, SessionKey keep, StaffActor actor) {
		int ended = endOthers(userId, keep);
		this.auditLog.record(actor.username(), "sessions.ended", username(userId), AuditResult.SUCCESS,
				ended + " other sessions");
		return ended;
	}

	/**
	 * Ends every session of the user but one (null: all that are recorded), without an
	 * audit entry (the caller's own change is audited).
	 */
	@Transactional
	public int endOthers(long userId, SessionKey keep) {
		int ended = 0;
		for (ActiveSession session : this.jdbc.sql("SELECT * FROM staff_session WHERE user_id = ?")
			.param(userId)
			.query(StaffSessions::row)
			.list()) {
			if (keep == null || !keep.id().equals(session.id())) {
				delete(session);
				ended++;
			}
		}
		return ended;
	}

	/**
	 * An administrator ends every session of the user, also any the table does not know
	 * (signed in before it existed): the account's session version is raised. Audited.
	 * @return how many recorded sessions ended
	 */
	@Transactional
	public int endAll(long userId, StaffActor actor) {
		String username = username(userId);
		int ended = this.jdbc.sql("DELETE FROM staff_session WHERE user_id = ?").param(userId).update();
		this.users.raiseSessionVersion(userId);
		this.events.publishEvent(StaffAccessChanged.of(Set.of(userId), StaffAccessChanged.Reason.SESSIONS_ENDED));
		this.auditLog.record(actor.username(), "user.sessions.ended", username, AuditResult.SUCCESS,
				ended + " sessions");
		return ended;
	}

	/** The session signed in anew (as someone else, or again): its row is dropped. */
	public void forget(SessionKey key) {
		this.jdbc.sql("DELETE FROM staff_session WHERE id = ?").param(key.id()).update();
	}

	private String username(long userId) {
		return this.users.findById(userId).orElseThrow(() -> ApiException.notFound("User")).username();
	}

	/**
	 * Forgets the sessions of users whose every session has ended (the account check
	 * already refuses them: this keeps the list true), in the transaction of the change.
	 */
	@EventListener
	void on(StaffAccessChanged event) {
		switch (event.reason()) {
			case PASSWORD_RESET, DISABLED, DELETED, PERMISSIONS_REVOKED, TWO_FACTOR_RESET -> {
				for (Long userId : event.userIds()) {
					this.jdbc.sql("DELETE FROM staff_session WHERE user_id = ?").param(userId).update();
				}
			}
			default -> {
			}
		}
	}

	/** Removes the rows of sessions that timed out. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	void purge() {
		this.jdbc.sql("DELETE FROM staff_session WHERE last_used_at < ?")
			.param(cutoff(this.clock.instant()).minus(PURGE_MARGIN).toEpochMilli())
			.update();
	}

	private void delete(ActiveSession session) {
		this.jdbc.sql("DELETE FROM staff_session WHERE id = ?").param(session.id()).update();
		this.events.publishEvent(new StaffAccessChanged(Set.of(session.userId()),
				StaffAccessChanged.Reason.SESSION_ENDED, session.httpSessionId()));
	}

	private Optional<ActiveSession> find(String id) {
		return this.jdbc.sql("SELECT * FROM staff_session WHERE id = ?").param(id).query(StaffSessions::row).optional();
	}

	/**
	 * Sessions last used before this have timed out (allowing for the write resolution).
	 */
	private Instant cutoff(Instant now) {
		return now.minus(this.timeout).minus(LAST_USED_RESOLUTION);
	}

	private static ActiveSession row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ActiveSession(rs.getString("id"), rs.getLong("user_id"), rs.getString("http_session_id"),
				rs.getString("user_agent"), rs.getString("sign_in_address"), rs.getString("last_address"),
				Instant.ofEpochMilli(rs.getLong("signed_in_at")), Instant.ofEpochMilli(rs.getLong("last_used_at")));
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
