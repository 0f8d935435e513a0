package dev.parley.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of permissions, grouped by the function module an administrator ticks
 * (R8.3). A permission is a plain string such as {@code user.manage}; roles are named
 * sets of them and a single user can be granted or refused one on top of the role.
 */
public final class Permissions {

	public static final String USER_VIEW = "user.view";

	public static final String USER_MANAGE = "user.manage";

	public static final String ROLE_MANAGE = "role.manage";

	public static final String SETTINGS_MANAGE = "settings.manage";

	public static final String AUDIT_VIEW = "audit.view";

	public static final String TOKEN_MANAGE = "token.manage";

	public static final String AGENT_PERMISSIONS_ADJUST = "agent.permissions.adjust";

	public static final String SYSTEM_MONITOR = "system.monitor";

	public static final String CHANNEL_MANAGE = "channel.manage";

	/** The modules and their permissions, in the order the console shows them. */
	public static final List<Module> CATALOG = List.of(
			new Module("conversations",
					List.of("conversation.view", "conversation.reply", "conversation.transfer", "conversation.view_all",
							"conversation.monitor")),
			new Module("customers", List.of("customer.view", "customer.manage")),
			new Module("tickets", List.of("ticket.view", "ticket.handle", "ticket.assign", "complaint.handle")),
			new Module("agents", List.of("team.view", "team.assign", "team.evaluate", AGENT_PERMISSIONS_ADJUST)),
			new Module("analytics", List.of("statistics.view")),
			new Module("administration",
					List.of(USER_VIEW, USER_MANAGE, ROLE_MANAGE, SETTINGS_MANAGE, AUDIT_VIEW, TOKEN_MANAGE,
							CHANNEL_MANAGE)),
			new Module("operations",
					List.of(SYSTEM_MONITOR, "log.view", "fault.manage", "backup.run", "system.upgrade")));

	private static final Set<String> ALL = CATALOG.stream()
		.flatMap((module) -> module.permissions().stream())
		.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));

	private Permissions() {
	}

	/**
	 * @return every permission, in catalogue order
	 */
	public static Set<String> all() {
		return ALL;
	}

	public static boolean exists(String permission) {
		return ALL.contains(permission);
	}

	/** A function module and the permissions it consists of. */
	public record Module(String name, List<String> permissions) {
	}

}
