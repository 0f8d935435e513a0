package dev.parley.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Names of staff members, for modules that show who did something, and how to reach them,
 * for modules that notify them.
 */
public interface StaffDirectory {

	/**
	 * @return the display name of each of the given users that exists
	 */
	Map<Long, String> displayNames(Collection<Long> userIds);

	Optional<StaffMember> member(long userId);

	/**
	 * @return each of the given users that exists
	 */
	Map<Long, StaffMember> members(Collection<Long> userIds);

	Optional<StaffMember> byUsername(String username);

	/**
	 * @param query text the username or display name contains, whatever its case (null:
	 * anyone)
	 * @return enabled staff members but the one excluded, by username
	 */
	java.util.List<StaffMember> colleagues(String query, long excludedId, int limit);

	/**
	 * @return how to reach the user, if the account exists
	 */
	Optional<StaffContact> contact(long userId);

	/**
	 * @return how to reach each of the given users that exists
	 */
	Map<Long, StaffContact> contacts(Collection<Long> userIds);

	/**
	 * @return the staff member as he would act now, with the permissions in force, for
	 * work done on his behalf outside a request (a scheduled report made with what he may
	 * see); empty when the account does not exist or is disabled
	 */
	Optional<dev.parley.platform.StaffActor> actor(long userId);

	/**
	 * @return the enabled staff members who hold the permission now (through their role,
	 * the administrator's every permission, or a grant of their own, and not revoked from
	 * them), for notices meant for whoever looks after something
	 */
	java.util.List<StaffContact> holdersOf(dev.parley.platform.Permission permission);

	/**
	 * @return for every role (built-in ones first): how many accounts hold it and how
	 * many of them sign in with a second factor, for the security screen
	 */
	java.util.List<TwoFactorAdoption> twoFactorAdoption();

	/**
	 * @param required whether the role requires a second factor
	 * @param users accounts holding the role, enabled or not
	 * @param usersWithTwoFactor those of them with a confirmed second factor
	 */
	record TwoFactorAdoption(String role, boolean required, int users, int usersWithTwoFactor) {
	}

	/**
	 * The enabled colleagues a text mentions by {@code @username} (in any case; final
	 * dots are punctuation: "@li.na." mentions li.na), each once, in order of mention, at
	 * most {@code max}.
	 */
	default java.util.List<StaffMember> mentionedIn(String text, int max) {
		java.util.Map<Long, StaffMember> mentioned = new java.util.LinkedHashMap<>();
		java.util.regex.Matcher matcher = MentionPattern.MENTION.matcher((text != null) ? text : "");
		while (matcher.find() && mentioned.size() < max) {
			String username = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
			String trimmed = username.replaceAll("[.]+$", "");
			byUsername(username).or(() -> byUsername(trimmed))
				.filter(StaffMember::enabled)
				.ifPresent((m) -> mentioned.putIfAbsent(m.id(), m));
		}
		return java.util.List.copyOf(mentioned.values());
	}

	/** How a mention is written. */
	final class MentionPattern {

		static final java.util.regex.Pattern MENTION = java.util.regex.Pattern
			.compile("@([A-Za-z0-9][A-Za-z0-9._-]{2,63})");

		private MentionPattern() {
		}

	}

	/** A staff member as other modules see them. */
	record StaffMember(long id, String username, String displayName, boolean enabled) {
	}

	/**
	 * How to reach a staff member.
	 *
	 * @param email the e-mail address, or null
	 * @param phone the phone number for text messages, or null
	 * @param language the member's own language (en, zh-CN, zh-TW), or null for the
	 * organisation's
	 */
	record StaffContact(long id, String displayName, String email, String phone, String language, boolean enabled) {
	}

}
