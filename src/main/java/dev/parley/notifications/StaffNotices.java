package dev.parley.notifications;

import java.util.Collection;
import java.util.Map;

/**
 * Tells staff members of something, each on the channels he chose for that kind of news,
 * in his language. Call it inside the transaction of the change that causes it (the
 * notifications are stored with it or not at all).
 */
public interface StaffNotices {

	/**
	 * Stores one notification per staff member and channel he wants; disabled accounts
	 * and missing addresses get nothing.
	 * @param template the template's key, e.g. {@code ticket-assigned}
	 * @param key what makes the news unique (the recipient and channel are appended),
	 * e.g. {@code ticket-assigned:42:7}; asking again stores nothing
	 * @param values the template's values; {@code name} is each recipient's own
	 */
	void tell(Collection<Long> userIds, StaffNews news, String template, String key, Map<String, Object> values);

}
