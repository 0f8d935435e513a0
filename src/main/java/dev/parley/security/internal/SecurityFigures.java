package dev.parley.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.administration.AuditFigures;

import org.springframework.stereotype.Component;

/**
 * The security screen's figures over a period, each the count of one audit action, so the
 * audit screen lists the entries behind it (filtered by that action and period).
 */
@Component
public class SecurityFigures {

	/** The figures in the screen's order. */
	public static final List<String> ACTIONS = List.of("login.failed", "account.locked", "address.throttled",
			"security.source.blocked", "security.source.blocked_manually", "security.block.lifted", "role.created",
			"role.updated", "role.deleted", "user.permissions.changed");

	private final AuditFigures audit;

	SecurityFigures(AuditFigures audit) {
		this.audit = audit;
	}

	public Map<String, Long> counts(Instant from, Instant to) {
		return this.audit.counts(ACTIONS, from, to);
	}

}
