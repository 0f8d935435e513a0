package dev.parley.notifications.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.notifications.Audience;

/**
 * Every notification Parley sends, with the values its template gets (shown in the
 * template editor and used for its preview). The shipped texts are in
 * {@code notifications/templates/<key>/<language>.subject|.txt|.html}.
 */
public enum TemplateKey {

	/** A visitor left a message: we have it and will answer. */
	MESSAGE_LEFT_ACK("message-left-ack", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "text", "Does the blue model ship to Hangzhou?")),

	/** Staff of the group: a visitor left a message. */
	MESSAGE_LEFT_STAFF("message-left-staff", Audience.STAFF,
			Map.of("name", "Wang Fang", "visitor", "Li Lei", "group", "Sales", "text",
					"Does the blue model ship to Hangzhou?", "link",
					"https://support.example.com/console/inbox?conversation=42")),

	/** The agent's answers that the visitor has not read in the chat. */
	AGENT_REPLY("agent-reply", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "agent", "Amy", "messages",
					List.of(Map.of("text", "Yes, we ship to Hangzhou within two days."),
							Map.of("text", "Anything else I can help with?")))),

	/** The transcript the visitor asked for when the conversation closed. */
	TRANSCRIPT("conversation-transcript", Audience.CUSTOMER, Map.of("name", "Li Lei", "started", "2026-12-06 10:15",
			"lines",
			List.of(Map.of("mine", true, "who", "Li Lei", "at", "10:15", "text", "Hello, is the blue model in stock?"),
					Map.of("mine", false, "who", "Amy", "at", "10:16", "text", "Yes, it is.")))),

	/** Supervisors: a conversation waits too long and no agent is online. */
	WAITING_ALERT("waiting-alert", Audience.STAFF,
			Map.of("name", "Wang Fang", "group", "Sales", "minutes", 12, "waiting", 3, "link",
					"https://support.example.com/console/board")),

	/** A colleague mentioned the staff member in a note while he was away. */
	MENTION("mention", Audience.STAFF,
			Map.of("name", "Wang Fang", "author", "Amy", "visitor", "Li Lei", "link",
					"https://support.example.com/console/mentions")),

	/**
	 * A conversation was assigned to the staff member while he was not in the console.
	 */
	ASSIGNED("conversation-assigned", Audience.STAFF,
			Map.of("name", "Wang Fang", "visitor", "Li Lei", "text", "Where is my order?", "link",
					"https://support.example.com/console/inbox?conversation=42")),

	/** A staff member asked to reset his password. */
	STAFF_PASSWORD_RESET("staff-password-reset", Audience.STAFF,
			Map.of("name", "Wang Fang", "link", "https://support.example.com/console/reset-password#token=abc",
					"expiresInMinutes", 30)),

	/** A customer registered in the portal (or asked for a new address): verify it. */
	PORTAL_VERIFY_EMAIL("portal-verify-email", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "link", "https://support.example.com/portal/verify#token=abc", "expiresInHours",
					24)),

	/**
	 * Someone registered in the portal with an address that has an account already: its
	 * owner is told, and where to reset his password (registration answers alike).
	 */
	PORTAL_ACCOUNT_EXISTS("portal-account-exists", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "link", "https://support.example.com/portal/forgot-password")),

	/** A customer asked to reset his portal password. */
	PORTAL_PASSWORD_RESET("portal-password-reset", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "link", "https://support.example.com/portal/reset#token=abc", "expiresInMinutes",
					30)),

	/**
	 * A customer's e-mail became a ticket (tickets module): its number, and that a reply
	 * goes into it.
	 */
	TICKET_CREATED("ticket-created", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "number", "T-2026-000123", "subject", "Refund for order 5512")),

	/**
	 * An agent's public reply on a ticket (tickets module), by his public name; its files
	 * named, with the portal's link to the ticket.
	 */
	TICKET_REPLY("ticket-reply", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "number", "T-2026-000123", "subject", "Refund for order 5512", "agent", "Amy",
					"text", "The refund is on its way; it reaches your card within three days.", "files",
					"receipt.pdf, label.png", "link", "https://support.example.com/portal/tickets/123")),

	/**
	 * A public reply the agent chose to send by text message as well (tickets module).
	 */
	TICKET_REPLY_SMS("ticket-reply-sms", Audience.CUSTOMER,
			Map.of("name", "Li Lei", "number", "T-2026-000123", "agent", "Amy", "text",
					"The refund is on its way; it reaches your card within three days.", "link",
					"https://support.example.com/portal/tickets/123")),

	/** The administrator's "send a test message". */
	TEST_MESSAGE("test-message", Audience.STAFF, Map.of()),

	/** A backup failed, or its verification did (operations module). */
	BACKUP_PROBLEM("backup-problem", Audience.STAFF,
			Map.of("name", "Wang Fang", "verification", false, "file", "parley-hot-20261206-020000-12.pbk", "detail",
					"IOException: No space left on device", "link", "https://support.example.com/console/backups")),

	/** An alert rule fired, or its alert resolved (operations module). */
	SYSTEM_ALERT("system-alert", Audience.STAFF,
			Map.ofEntries(Map.entry("name", "Wang Fang"), Map.entry("resolved", false),
					Map.entry("severity", "Critical"), Map.entry("metric", "System CPU"), Map.entry("node", "parley-1"),
					Map.entry("dim", "data"), Map.entry("comparison", "above"), Map.entry("value", "93.5 %"),
					Map.entry("threshold", "85 %"), Map.entry("minutes", 5), Map.entry("at", "2026-12-07 10:15"),
					Map.entry("link", "https://support.example.com/console/status"))),

	/** Parley blocked a client address after a burst (security module). */
	SOURCE_BLOCKED("source-blocked", Audience.STAFF,
			Map.of("name", "Wang Fang", "address", "203.0.113.7", "reason", "failed_sign_ins", "signals", 60, "until",
					"2026-12-07T11:15:00Z", "link", "https://support.example.com/console/security")),

	/**
	 * A scheduled report, with the report as a CSV or XLSX file attached (analytics
	 * module).
	 */
	SCHEDULED_REPORT("scheduled-report", Audience.STAFF,
			Map.of("name", "Wang Fang", "schedule", "Weekly team figures", "report", "Agents", "from", "2026-11-30",
					"to", "2026-12-06", "file", "parley-agents-2026-11-30-2026-12-06.xlsx", "link",
					"https://support.example.com/console/reports")),

	/** A ticket was assigned or transferred to the staff member (tickets module). */
	TICKET_ASSIGNED("ticket-assigned", Audience.STAFF,
			Map.of("name", "Wang Fang", "number", "T-2026-000123", "subject", "Refund for order 1001", "by", "Amy",
					"reason", "Refunds handles this", "link", "https://support.example.com/console/tickets/123")),

	/** A colleague mentioned the staff member in a ticket's internal note. */
	TICKET_MENTION("ticket-mention", Audience.STAFF,
			Map.of("name", "Wang Fang", "number", "T-2026-000123", "subject", "Refund for order 1001", "author", "Amy",
					"link", "https://support.example.com/console/tickets/123")),

	/** The requester wrote on a ticket the staff member handles or follows. */
	TICKET_UPDATED("ticket-updated", Audience.STAFF,
			Map.of("name", "Wang Fang", "number", "T-2026-000123", "subject", "Refund for order 1001", "customer",
					"Li Lei", "link", "https://support.example.com/console/tickets/123")),

	/** The assignee and the group's supervisors: a ticket's SLA target is due soon. */
	TICKET_SLA_WARNING("ticket-sla-warning", Audience.STAFF,
			Map.of("name", "Wang Fang", "number", "T-2026-000123", "subject", "Refund for order 8841", "firstResponse",
					true, "due", "2026-12-07 10:30", "link", "https://support.example.com/console/tickets/123")),

	/** The assignee and the group's supervisors: a ticket's SLA target was missed. */
	TICKET_SLA_BREACH("ticket-sla-breach", Audience.STAFF,
			Map.of("name", "Wang Fang", "number", "T-2026-000123", "subject", "Refund for order 8841", "resolution",
					true, "due", "2026-12-07 10:30", "link", "https://support.example.com/console/tickets/123"));

	private final String key;

	private final Audience audience;

	private final Map<String, Object> sample;

	TemplateKey(String key, Audience audience, Map<String, Object> sample) {
		this.key = key;
		this.audience = audience;
		this.sample = sample;
	}

	public String key() {
		return this.key;
	}

	public Audience audience() {
		return this.audience;
	}

	/** Values like the real ones, for the preview. */
	public Map<String, Object> sample() {
		return this.sample;
	}

	/**
	 * Whether its values are secret (a password reset link): forgotten once it is sent,
	 * and it cannot be sent again from the delivery log.
	 */
	public boolean secret() {
		return this == STAFF_PASSWORD_RESET || this == PORTAL_VERIFY_EMAIL || this == PORTAL_PASSWORD_RESET;
	}

	public static Optional<TemplateKey> of(String key) {
		return Arrays.stream(values()).filter((t) -> t.key.equals(key)).findFirst();
	}

}
