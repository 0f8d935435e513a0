package dev.parley.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.StaffActor;
import dev.parley.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations: 256 random bits, shown once, stored only as a SHA-256
 * hash. A token acts with the permissions its owner holds at the time of each call.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "prl_";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A token as listed; never the secret. */
	public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt) {
	}

	/** A token just created, with its secret, which is not kept. */
	public record CreatedToken(ApiToken token, String secret) {
	}

	@Transactional
	public CreatedToken create(StaffActor owner, String name, Integer expiresInDays) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Instant expires = (expiresInDays != null) ? now.plus(Duration.ofDays(expiresInDays)) : null;
		String prefix = secret.substring(0, PREFIX.length() + 6);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO api_token (user_id, name, token_hash, token_prefix, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(owner.id(), name.strip(), StaffAccounts.hash(secret), prefix, now.toEpochMilli(),
					(expires != null) ? expires.toEpochMilli() : null)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.auditLog.record(owner.username(), "token.created", name.strip(), AuditResult.SUCCESS, prefix);
		return new CreatedToken(new ApiToken(id, name.strip(), prefix, now, expires, null), secret);
	}

	public List<ApiToken> list(StaffActor owner) {
		return this.jdbc
			.sql("SELECT id, name, token_prefix, created_at, expires_at, last_used_at FROM api_token "
					+ "WHERE user_id = ? ORDER BY id")
			.param(owner.id())
			.query((rs, row) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3),
					Instant.ofEpochMilli(rs.getLong(4)), instant(rs.getObject(5, Long.class)),
					instant(rs.getObject(6, Long.class))))
			.list();
	}

	@Transactional
	public void revoke(StaffActor owner, long id) {
		String name = this.jdbc.sql("SELECT name FROM api_token WHERE id = ? AND user_id = ?")
			.params(id, owner.id())
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("Token"));
		this.jdbc.sql("DELETE FROM api_token WHERE id = ?").param(id).update();
		this.auditLog.record(owner.username(), "token.revoked", name, AuditResult.SUCCESS, null);
	}

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
