package dev.parley.identity;

/**
 * A staff account was deleted, and with it everything that belonged to it (group
 * memberships, shifts). Published inside the deleting transaction.
 *
 * @param userId the deleted account's id
 */
public record StaffMemberDeleted(long userId) {
}
