package dev.parley.administration.internal;

import java.time.Clock;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ClientAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Writes audit entries into {@code audit_event} in the caller's transaction. */
@Service
class JdbcAuditLog implements AuditLog {

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
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
