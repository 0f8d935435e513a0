package dev.parley.administration.internal;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.AccessRefused;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records refused API calls in the audit log, as signs of probing or of a missing right.
 */
@Component
class AccessRefusedAuditor {

	private final AuditLog auditLog;

	AccessRefusedAuditor(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(AccessRefused event) {
		this.auditLog.record(event.actor(), "access.denied", event.method() + " " + event.path(), AuditResult.FAILURE,
				null);
	}

}
