package dev.parley.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every permission Parley knows, in the order the console shows them, each with the
 * function module an administrator ticks it under (R8.3). Checks name these constants,
 * never a string; the string {@link #code()} is what roles store and what Spring
 * Security's authorities hold.
 * <p>
 * A permission is listed only once something is guarded by it (an endpoint, a screen's
 * API): permissions of modules still to come (tickets, statistics, logs, faults) arrive
 * with their modules, together with a migration that grants them to the built-in roles
 * ({@code PermissionCatalogueTests} keeps this so).
 */
public enum Permission {

	CONVERSATION_VIEW("conversation.view", "conversations"),

	CONVERSATION_REPLY("conversation.reply", "conversations"),

	CONVERSATION_TRANSFER("conversation.transfer", "conversations"),

	CONVERSATION_VIEW_ALL("conversation.view_all", "conversations"),

	CONVERSATION_MONITOR("conversation.monitor", "conversations"),

	TEAM_VIEW("team.view", "agents"),

	TEAM_ASSIGN("team.assign", "agents"),

	/**
	 * Evaluating agents' conversations against the quality checklist, and editing the
	 * checklist (R8.1).
	 */
	TEAM_EVALUATE("team.evaluate", "agents"),

	AGENT_PERMISSIONS_ADJUST("agent.permissions.adjust", "agents"),

	/** Customer records: the list, search, the customer page and his history. */
	CUSTOMER_VIEW("customer.view", "customers"),

	/** Editing a customer: profile, contacts, tags, level, attributes, notes. */
	CUSTOMER_EDIT("customer.edit", "customers"),

	/** Merging duplicate customers (the history of both is kept). */
	CUSTOMER_MERGE("customer.merge", "customers"),

	/** Blocking and unblocking a customer (spam, abuse). */
	CUSTOMER_BLOCK("customer.block", "customers"),

	/**
	 * Seeing customers' e-mail addresses and phone numbers unmasked (each reveal
	 * audited).
	 */
	CUSTOMER_PII_VIEW("customer.pii.view", "customers"),

	/** Importing customers from CSV. */
	CUSTOMER_IMPORT("customer.import", "customers"),

	/** Exporting customer lists to CSV and XLSX. */
	CUSTOMER_EXPORT("customer.export", "customers"),

	/** Customer settings: levels, attributes, shared segments, retention. */
	CUSTOMER_MANAGE("customer.manage", "customers"),

	/** Data subject requests: exporting and erasing everything about one customer. */
	CUSTOMER_PRIVACY("customer.privacy", "customers"),

	/** Tickets: the lists and views, a ticket with its articles and history. */
	TICKET_VIEW("ticket.view", "tickets"),

	/** Tickets of every group, not only one's own groups' and one's own. */
	TICKET_VIEW_ALL("ticket.view_all", "tickets"),

	/** Creating tickets: from scratch, from a conversation, for a caller. */
	TICKET_CREATE("ticket.create", "tickets"),

	/** Public replies to the customer and internal notes. */
	TICKET_REPLY("ticket.reply", "tickets"),

	/**
	 * Editing a ticket's fields, opening it, setting it pending, taking an unassigned one
	 * and transferring one's own with a reason.
	 */
	TICKET_EDIT("ticket.edit", "tickets"),

	/** Assigning any ticket to anyone, and bulk assignment. */
	TICKET_ASSIGN("ticket.assign", "tickets"),

	/** Marking a ticket solved. */
	TICKET_SOLVE("ticket.solve", "tickets"),

	/** Closing a ticket for good (without waiting for the automatic close). */
	TICKET_CLOSE("ticket.close", "tickets"),

	/** Reopening a solved or closed ticket. */
	TICKET_REOPEN("ticket.reopen", "tickets"),

	/** Merging a ticket into another, and linking parents and children. */
	TICKET_MERGE("ticket.merge", "tickets"),

	/**
	 * Ticket settings: SLA policies, custom fields, categories, shared views, automation.
	 */
	TICKET_MANAGE("ticket.manage", "tickets"),

	/** Seeing and handling tickets of the type complaint (R8.1). */
	COMPLAINT_HANDLE("complaint.handle", "tickets"),

	/**
	 * Reports and text mining of the groups one belongs to, with their agents (without
	 * it, an agent sees only his own figures).
	 */
	STATISTICS_VIEW("statistics.view", "analytics"),

	/** Reports and text mining of every group and agent, and rebuilding the figures. */
	STATISTICS_VIEW_ALL("statistics.view_all", "analytics"),

	/**
	 * Exporting reports and their conversations (CSV, XLSX), within what one may see, and
	 * scheduling reports by e-mail.
	 */
	STATISTICS_EXPORT("statistics.export", "analytics"),

	USER_VIEW("user.view", "administration"),

	USER_MANAGE("user.manage", "administration"),

	ROLE_MANAGE("role.manage", "administration"),

	SETTINGS_MANAGE("settings.manage", "administration"),

	AUDIT_VIEW("audit.view", "administration"),

	TOKEN_MANAGE("token.manage", "administration"),

	CHANNEL_MANAGE("channel.manage", "administration"),

	/** The mail account, the SMS gateway, notification templates and the delivery log. */
	NOTIFICATION_MANAGE("notification.manage", "administration"),

	/**
	 * The security screen: blocked addresses and lifting them, the allow-list and the
	 * deny-list, restricting the console to listed networks, and the figures of failed
	 * sign-ins, lockouts and blocks; alerted when an address is blocked.
	 */
	SECURITY_MANAGE("security.manage", "administration"),

	SYSTEM_MONITOR("system.monitor", "operations"),

	/**
	 * Backups: the strategy, running, verifying and restoring them, and the catalogue.
	 */
	BACKUP_RUN("backup.run", "operations"),

	/**
	 * Installing and upgrading: the self-check, the nodes and their versions, and
	 * maintenance mode.
	 */
	SYSTEM_UPGRADE("system.upgrade", "operations"),

	/** The log viewer: every node's log lines, followed live and downloaded. */
	LOG_VIEW("log.view", "operations"),

	/**
	 * Fault records: reporting, moving them through their flow, their evidence and the
	 * known issues (without any customer's conversation).
	 */
	FAULT_MANAGE("fault.manage", "operations");

	private static final Map<String, Permission> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Permission::code, Function.identity()));

	private final String code;

	private final String module;

	Permission(String code, String module) {
		this.code = code;
		this.module = module;
	}

	/**
	 * @return the name stored in roles and held as an authority, e.g.
	 * {@code conversation.reply}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return the function module this permission belongs to in the catalogue
	 */
	public String module() {
		return this.module;
	}

	/**
	 * @return the permission with this code, or empty for a name Parley does not know
	 * (e.g. one retired by an upgrade and still stored in an old role)
	 */
	public static Optional<Permission> ofCode(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

}
