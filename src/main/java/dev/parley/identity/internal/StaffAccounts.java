package dev.parley.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.Permission;
import dev.parley.identity.StaffPrincipal;
import dev.parley.platform.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Builds the authentication of a staff request: from the session (reloaded on every
 * request so changes take effect at once) or from an API token. A session ends when its
 * account is disabled or deleted, or when the account's session version (raised by every
 * password change and reset) is no longer the one the session signed in with: the check
 * reads the database, so it holds on every node, embedded or clustered, without a
 * registry of sessions.
 */
@Service
public class StaffAccounts implements StaffAuthentication {

	/** Last-use times of tokens are written at most this often, not on every call. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final TwoFactorRepository twoFactor;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final StaffSessions sessions;

	StaffAccounts(StaffUserRepository users, RoleRepository roles, TwoFactorRepository twoFactor, JdbcClient jdbc,
			Clock clock, StaffSessions sessions) {
		this.users = users;
		this.roles = roles;
		this.twoFactor = twoFactor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sessions = sessions;
	}

	/**
	 * @return the permissions the account holds now
	 */
	public Set<String> permissionsOf(StaffUser user) {
		StaffRole role = this.roles.findById(user.roleId()).orElseThrow();
		return EffectivePermissions.of(role, this.users.overrides(user.id()));
	}

	/**
	 * @return a session authentication for the account as it is now
	 */
	public Authentication authenticationFor(StaffUser user) {
		return authentication(user, true);
	}

	/**
	 * @param interactive a session (which must change an expired password and enrol a
	 * second factor its role requires first), not an integration's token
	 */
	private Authentication authentication(StaffUser user, boolean interactive) {
		StaffRole role = this.roles.findById(user.roleId()).orElseThrow();
		boolean enrolmentRequired = interactive && role.requiresTwoFactor()
				&& !this.twoFactor.hasSecondFactor(user.id());
		StaffPrincipal principal = new StaffPrincipal(user.id(), user.username(), user.displayName(),
				interactive && user.passwordChangeRequired(), user.sessionVersion(), enrolmentRequired);
		List<SimpleGrantedAuthority> authorities = EffectivePermissions.of(role, this.users.overrides(user.id()))
			.stream()
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	/**
	 * @return a session authentication for the account as it is now, for the recorded
	 * session {@code key}
	 */
	public Authentication authenticationFor(StaffUser user, SessionKey key) {
		UsernamePasswordAuthenticationToken authentication = (UsernamePasswordAuthenticationToken) authenticationFor(
				user);
		authentication.setDetails(key.details());
		return authentication;
	}

	/**
	 * {@inheritDoc} A session recorded in {@link StaffSessions} (its authentication's
	 * details name it) must also still be there: ending it there ends it here. Serving a
	 * request of it records its use.
	 */
	@Override
	public Optional<Authentication> refresh(Authentication sessionAuthentication) {
		return refresh(sessionAuthentication, null);
	}

	@Override
	public Optional<Authentication> refresh(Authentication sessionAuthentication, HttpServletRequest request) {
		if (!(sessionAuthentication.getPrincipal() instanceof StaffPrincipal principal)) {
			return Optional.empty();
		}
		Optional<StaffUser> user = this.users.findById(principal.id())
			.filter(StaffUser::enabled)
			.filter((found) -> found.sessionVersion() == principal.sessionVersion());
		if (user.isEmpty()) {
			return Optional.empty();
		}
		SessionKey key = SessionKey.ofDetails(sessionAuthentication.getDetails());
		if (key != null) {
			HttpSession session = (request != null) ? request.getSession(false) : null;
			if (!this.sessions.alive(key, principal.id(), (session != null) ? session.getId() : null,
					(session != null) ? request.getRemoteAddr() : null)) {
				return Optional.empty();
			}
			return Optional.of(authenticationFor(user.get(), key));
		}
		return Optional.of(authenticationFor(user.get()));
	}

	@Override
	public Optional<Authentication> authenticateToken(String token, HttpServletRequest request) {
		if (!token.startsWith(ApiTokens.PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		record Row(long id, long userId, Long expiresAt, Long lastUsedAt) {
		}
		Optional<Row> row = this.jdbc
			.sql("SELECT id, user_id, expires_at, last_used_at FROM api_token WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
					(Long) rs.getObject(4, Long.class)))
			.optional();
		if (row.isEmpty() || (row.get().expiresAt() != null && row.get().expiresAt() <= now.toEpochMilli())) {
			return Optional.empty();
		}
		Optional<StaffUser> user = this.users.findById(row.get().userId()).filter(StaffUser::enabled);
		if (user.isEmpty()) {
			return Optional.empty();
		}
		Long lastUsed = row.get().lastUsedAt();
		if (lastUsed == null || now.toEpochMilli() - lastUsed > LAST_USED_RESOLUTION.toMillis()) {
			this.jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
				.params(now.toEpochMilli(), row.get().id())
				.update();
		}
		// an integration cannot answer a password-change prompt; an expired password does
		// not stop its token
		return Optional.of(authentication(user.get(), false));
	}

	/** SHA-256 of a token: tokens are long random secrets, so a fast hash is enough. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
