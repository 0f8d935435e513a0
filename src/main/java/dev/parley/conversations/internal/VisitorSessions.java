package dev.parley.conversations.internal;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews.VisitorConversationView;

import org.springframework.stereotype.Service;

/**
 * What the widget (or an app, or the portal) asks of live chat for a visitor, and the
 * words it asks in: how he arrives ({@link VisitorArrivals}: the channel key and, if it
 * has one, his token; Parley continues that visitor or starts a new one and hands out a
 * fresh token), and what his forms do ({@link VisitorForms}: start a conversation, leave
 * a message).
 */
@Service
public class VisitorSessions {

	private final VisitorArrivals arrivals;

	private final VisitorForms forms;

	VisitorSessions(VisitorArrivals arrivals, VisitorForms forms) {
		this.arrivals = arrivals;
		this.forms = forms;
	}

	/**
	 * What the widget says about the visitor; every field optional.
	 *
	 * @param customerEmail an e-mail address the website vouches for with
	 * {@code customerEmailHash}: {@code hex(HMAC-SHA256(channel secret, lower-cased
	 * address))}
	 */
	public record Arrival(String token, String customerId, String customerHash, String name, String email, String phone,
			String language, String pageUrl, String referrer, String customerEmail, String customerEmailHash) {
	}

	/** Where the request came from (taken from the HTTP request, not from the body). */
	public record Origin(String ip, String userAgent) {
	}

	/**
	 * @param blocked the block on the visitor's customer, if he is blocked: the widget
	 * says so politely and offers no composer
	 */
	public record Session(String token, Visitor visitor, VisitorConversationView conversation,
			CustomerLinks.CustomerBlock blocked) {
	}

	/**
	 * Details given in the pre-chat form.
	 *
	 * @param question the visitor's first words: the conversation's first message
	 * @param topic the group of one of the channel's topics
	 * @param clientId the widget's id for the question as a message (optional): the
	 * widget may send the same words again with it, and they are stored once
	 */
	public record Prechat(String name, String email, String phone, String question, Long topic, String clientId) {
	}

	/**
	 * A message left for later, with a way to answer it.
	 *
	 * @param clientId the widget's id for this message (as for chat messages): sending
	 * the same form again stores nothing twice
	 */
	public record LeftMessage(String clientId, String name, String email, String phone, String text, Long topic) {
	}

	/** A conversation asked for in the pre-chat form, and whether it was created now. */
	public record Started(VisitorConversationView conversation, boolean created) {
	}

	/**
	 * A message left: the conversation it is in, and whether it had been left before with
	 * the same client id (then nothing was stored now).
	 */
	public record Left(VisitorConversationView conversation, boolean duplicate) {
	}

	/**
	 * @throws dev.parley.platform.ApiException 404 when no enabled channel has the key
	 */
	public Channel enabledChannel(String key) {
		return this.arrivals.enabledChannel(key);
	}

	public Session arrive(String channelKey, Arrival arrival, Origin origin) {
		return this.arrivals.arrive(channelKey, arrival, origin);
	}

	/**
	 * Starts the visitor's conversation, or returns the open one.
	 * @return the conversation and whether it was created now
	 */
	public Started startConversation(VisitorIdentity identity, Prechat prechat) {
		return this.forms.startConversation(identity, prechat);
	}

	/**
	 * Leaves a message for later, in a new conversation or the one waiting (see
	 * {@link VisitorForms#leaveMessage}); idempotent on the form's client id.
	 */
	public Left leaveMessage(VisitorIdentity identity, LeftMessage form) {
		return this.forms.leaveMessage(identity, form);
	}

}
