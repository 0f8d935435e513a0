package dev.parley.conversations.views;

import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.VisitorRef;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

/**
 * Masks e-mail addresses and phone numbers for staff without {@code customer.pii.view}
 * ({@code l***@example.com}, {@code +86 138****5678}): enough to tell two apart, not
 * enough to write to them. The customers module masks its records the same way.
 */
public final class ContactMasks {

	private ContactMasks() {
	}

	public static String email(String value) {
		if (value == null) {
			return null;
		}
		int at = value.lastIndexOf('@');
		return (at < 1) ? "***" : value.charAt(0) + "***" + value.substring(at);
	}

	/** Masks up to four digits before the last four (fewer for short numbers). */
	public static String phone(String value) {
		if (value == null) {
			return null;
		}
		int digits = (int) value.chars().filter(Character::isDigit).count();
		int kept = (digits >= 8) ? 4 : digits / 2;
		int masked = Math.min(4, digits - kept);
		int first = digits - kept - masked;
		StringBuilder out = new StringBuilder();
		int seen = 0;
		for (char c : value.toCharArray()) {
			if (Character.isDigit(c)) {
				out.append((seen >= first && seen < first + masked) ? '*' : c);
				seen++;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * @return the conversation as this staff member may see it: the visitor's e-mail and
	 * phone masked unless he holds {@code customer.pii.view}
	 */
	public static ConversationView forStaff(ConversationView c, StaffActor actor) {
		if (c == null || c.visitor() == null || actor.can(Permission.CUSTOMER_PII_VIEW)
				|| (c.visitor().email() == null && c.visitor().phone() == null)) {
			return c;
		}
		VisitorRef v = c.visitor();
		return new ConversationView(c.id(), c.status(), c.channel(),
				new VisitorRef(v.id(), v.name(), email(v.email()), phone(v.phone()), v.verified()), c.assignee(),
				c.question(), c.createdAt(), c.assignedAt(), c.closedAt(), c.closedBy(), c.lastMessageAt(),
				c.lastMessagePreview(), c.lastSeq(), c.agentReadSeq(), c.visitorReadSeq(), c.unread(), c.rating(),
				c.ratingComment(), c.details(), c.groupId(), c.leftMessageAt(), c.lastMessageAttachment(),
				c.waitingSince(), c.snoozedUntil(), c.snoozedUntilReply());
	}

}
