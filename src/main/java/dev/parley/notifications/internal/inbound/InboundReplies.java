package dev.parley.notifications.internal.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.VisitorMail;
import dev.parley.conversations.VisitorMail.MailPosting;
import dev.parley.conversations.VisitorMail.RefusedFile;
import dev.parley.notifications.InboundMailHandler;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.notifications.internal.ReplyTokens.Candidate;
import dev.parley.notifications.internal.ReplyTokens.ThreadCandidate;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * Decides what a readable inbound mail is and posts it when it is a customer's reply:
 * automatic mail is ignored; the reply token is looked for in the recipients first (the
 * plus-addressed reply address), then in In-Reply-To and References (Parley's
 * Message-IDs); the first token whose HMAC is Parley's for its conversation and that
 * conversation's visitor decides, and only mail from that visitor's own address is
 * posted, as the visitor. Tokens of other modules' threads and new mail to a support
 * address go to those modules ({@link ModuleMail}).
 */
@Component
class InboundReplies {

	/** Tokens tried at most per mail (a References header may list hundreds of ids). */
	static final int MAX_CANDIDATES = 20;

	private final ReplyTokens tokens;

	private final VisitorMail conversations;

	private final ConversationMail threads;

	private final ModuleMail modules;

	InboundReplies(ReplyTokens tokens, VisitorMail conversations, ConversationMail threads, ModuleMail modules) {
		this.modules = modules;
		this.threads = threads;
		this.tokens = tokens;
		this.conversations = conversations;
	}

	/**
	 * What became of a mail, and the conversation it named (when its token was genuine),
	 * or the thread of another module it named or made (e.g. t42).
	 */
	record Decision(InboundOutcome outcome, Long conversationId, String detail, String thread) {

		Decision(InboundOutcome outcome, Long conversationId, String detail) {
			this(outcome, conversationId, detail, null);
		}

	}

	Decision handle(ParsedMail mail) {
		return handle(mail, Set.of());
	}

	/**
	 * @param support the support addresses (lower case): new mail to them goes to the
	 * module that takes new mail
	 */
	Decision handle(ParsedMail mail, Set<String> support) {
		if (mail.autoReply() != null) {
			return new Decision(InboundOutcome.AUTO_REPLY, null, mail.autoReply());
		}
		Map<String, InboundMailHandler> modules = this.modules.byKind();
		List<Object> candidates = candidates(mail, modules.keySet());
		if (candidates.isEmpty()) {
			if (ModuleMail.toSupport(mail, support)) {
				return this.modules.newMail(mail);
			}
			return new Decision(InboundOutcome.NO_TOKEN, null, "no reply token in the addresses or references");
		}
		ConversationMail.Contact thread = null;
		for (Object found : candidates) {
			if (found instanceof ThreadCandidate other) {
				if (this.modules.genuine(other, modules)) {
					return this.modules.reply(other, modules.get(other.kind()), mail);
				}
				continue;
			}
			Candidate candidate = (Candidate) found;
			Optional<ConversationMail.Contact> named = this.threads.contact(candidate.conversationId());
			if (named.isPresent() && this.tokens.verify(candidate, named.get().visitorId())) {
				thread = named.get();
				break;
			}
		}
		if (thread == null) {
			Object first = candidates.get(0);
			return new Decision(InboundOutcome.FORGED_TOKEN, null,
					(first instanceof ThreadCandidate other)
							? "no token signed for its thread (first named " + other.name() + ")"
							: "no token signed for its conversation (first named c"
									+ ((Candidate) first).conversationId() + ")");
		}
		if (thread.email() == null || !thread.email().strip().equalsIgnoreCase(mail.from())) {
			return new Decision(InboundOutcome.SENDER_MISMATCH, thread.conversationId(), (thread.email() == null)
					? "the visitor gave no e-mail address" : "the sender is not the visitor's e-mail address");
		}
		String text = mail.text().isEmpty() ? mail.fullText() : mail.text();
		if (text.isEmpty() && mail.attachments().isEmpty()) {
			return new Decision(InboundOutcome.EMPTY, thread.conversationId(), "neither text nor files");
		}
		MailPosting posting;
		try {
			posting = this.conversations.postReplyByMail(thread.conversationId(), thread.visitorId(), mail.key(), text,
					mail.attachments());
		}
		catch (ApiException ex) {
			if ("customer_blocked".equals(ex.code())) {
				return new Decision(InboundOutcome.BLOCKED, thread.conversationId(), "the customer is blocked");
			}
			throw ex;
		}
		return new Decision(InboundOutcome.POSTED, thread.conversationId(), describe(posting));
	}

	/**
	 * Tokens (a conversation's Candidate, another module's ThreadCandidate) in the order
	 * they are trusted to thread: addresses, then references.
	 */
	private List<Object> candidates(ParsedMail mail, Set<String> kinds) {
		List<Object> found = new ArrayList<>();
		for (String address : mail.recipients()) {
			int at = address.lastIndexOf('@');
			int plus = address.indexOf('+');
			if (plus >= 0 && (at < 0 || plus < at)) {
				String part = address.substring(plus + 1, (at < 0) ? address.length() : at);
				this.tokens.find(part).ifPresent(found::add);
				this.tokens.findThread(part, kinds).ifPresent(found::add);
			}
		}
		for (String id : mail.threadIds()) {
			this.tokens.find(id).ifPresent(found::add);
			this.tokens.findThread(id, kinds).ifPresent(found::add);
		}
		return (found.size() > MAX_CANDIDATES) ? found.subList(0, MAX_CANDIDATES) : found;
	}

	private static String describe(MailPosting posting) {
		StringBuilder detail = new StringBuilder(
				posting.duplicate() ? "posted before" : posting.lines() + " message(s) posted");
		for (RefusedFile file : posting.refused()) {
			detail.append("; refused ").append(file.fileName()).append(" (").append(file.reason()).append(')');
		}
		return detail.toString();
	}

}
