package dev.parley.administration.internal;

import java.time.Clock;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ClientAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes audit entries into {@code audit_event} in the caller's transaction, and each
 * also as a line of the security log (logger {@code parley.security}: sign-ins, lockouts,
 * refused access, permission changes), for those who read logs in ELK.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private static final Logger security = LoggerFactory.getLogger("parley.security");

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(String actor, String action, String target, AuditResult result, String detail) {
		this.jdbc
			.sql("INSERT INTO audit_event (occurred_at, actor, action, target, ip, result, detail) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(this.clock.millis(), clip(actor, 64), action, clip(target, 200), clip(ClientAddress.current(), 45),
					result.name().toLowerCase(java.util.Locale.ROOT), clip(detail, 1000))
			.update();
		String ip = ClientAddress.current();
		(result == AuditResult.SUCCESS ? security.atInfo() : security.atWarn()).addKeyValue("event.action", action)
			.addKeyValue("event.outcome", result.name().toLowerCase(java.util.Locale.ROOT))
			.addKeyValue("user.name", clip(actor, 64))
			.addKeyValue("source.ip", clip(ip, 45))
			.log(action + ((target != null) ? " " + clip(target, 200) : "")
					+ ((detail != null) ? ": " + clip(detail, 1000) : ""));
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
