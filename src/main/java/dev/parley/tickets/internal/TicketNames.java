package dev.parley.tickets.internal;

import java.util.Optional;

import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names of what a ticket refers to by id (groups, staff, categories), for the history and
 * for checking that the ids exist.
 */
@Component
public class TicketNames {

	private final GroupDirectory groups;

	private final StaffDirectory staff;

	private final JdbcClient jdbc;

	TicketNames(GroupDirectory groups, StaffDirectory staff, JdbcClient jdbc) {
		this.groups = groups;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	public Optional<String> group(Long groupId) {
		return (groupId != null) ? this.groups.name(groupId) : Optional.empty();
	}

	/**
	 * @return an enabled staff member's display name
	 */
	public Optional<String> staff(Long userId) {
		return (userId != null) ? this.staff.member(userId)
			.filter(StaffDirectory.StaffMember::enabled)
			.map(StaffDirectory.StaffMember::displayName) : Optional.empty();
	}

	public Optional<String> category(Long categoryId) {
		return (categoryId != null) ? this.jdbc.sql("SELECT name FROM ticket_category WHERE id = ?")
			.param(categoryId)
			.query(String.class)
			.optional() : Optional.empty();
	}

	/**
	 * @return whether the staff member is in the group
	 */
	public boolean inGroup(long userId, long groupId) {
		return this.groups.groupsOf(userId).contains(groupId);
	}

	/** The name of a value for the history: a group's, a person's, a category's. */
	String groupOrNone(Long id) {
		return group(id).orElse(null);
	}

	String staffOrNone(Long id) {
		return (id != null) ? this.staff.displayNames(java.util.List.of(id)).get(id) : null;
	}

	String categoryOrNone(Long id) {
		return category(id).orElse(null);
	}

}
