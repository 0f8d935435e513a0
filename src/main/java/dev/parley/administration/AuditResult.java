package dev.parley.administration;

/** Whether an audited attempt succeeded. */
public enum AuditResult {

	SUCCESS, FAILURE

}
