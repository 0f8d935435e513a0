package dev.parley.notifications.internal.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.VisitorMail;
import dev.parley.conversations.VisitorMail.MailPosting;
import dev.parley.conversations.VisitorMail.RefusedFile;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.notifications.internal.ReplyTokens.Candidate;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * Decides what a readable inbound mail is and posts it when it is a customer's reply:
 * automatic mail is ignored; the reply token is looked for in the recipients first (the
 * plus-addressed reply address), then in In-Reply-To and References (Parley's
 * Message-IDs); the first token whose HMAC is Parley's for its conversation and that
 * conversation's visitor decides, and only mail from that visitor's own address is
 * posted, as the visitor.
 */
@Component
class InboundReplies {

	/** Tokens tried at most per mail (a References header may list hundreds of ids). */
	static final int MAX_CANDIDATES = 20;

	private final ReplyTokens tokens;

	private final VisitorMail conversations;

	private final ConversationMail threads;

	InboundReplies(ReplyTokens tokens, VisitorMail conversations, ConversationMail threads) {
		this.threads = threads;
		this.tokens = tokens;
		this.conversations = conversations;
	}

	/**
	 * What became of a mail, and the conversation it named (when its token was genuine).
	 */
	record Decision(InboundOutcome outcome, Long conversationId, String detail) {
	}

	Decision handle(ParsedMail mail) {
		if (mail.autoReply() != null) {
			return new Decision(InboundOutcome.AUTO_REPLY, null, mail.autoReply());
		}
		List<Candidate> candidates = candidates(mail);
		if (candidates.isEmpty()) {
			return new Decision(InboundOutcome.NO_TOKEN, null, "no reply token in the addresses or references");
		}
		ConversationMail.Contact thread = null;
		for (Candidate candidate : candidates) {
			Optional<ConversationMail.Contact> named = this.threads.contact(candidate.conversationId());
			if (named.isPresent() && this.tokens.verify(candidate, named.get().visitorId())) {
				thread = named.get();
				break;
			}
		}
		if (thread == null) {
			return new Decision(InboundOutcome.FORGED_TOKEN, null,
					"no token signed for its conversation (first named c" + candidates.get(0).conversationId() + ")");
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

	/** Tokens in the order they are trusted to thread: addresses, then references. */
	private List<Candidate> candidates(ParsedMail mail) {
		List<Candidate> found = new ArrayList<>();
		for (String address : mail.recipients()) {
			int at = address.lastIndexOf('@');
			int plus = address.indexOf('+');
			if (plus >= 0 && (at < 0 || plus < at)) {
				this.tokens.find(address.substring(plus + 1, (at < 0) ? address.length() : at)).ifPresent(found::add);
			}
		}
		for (String id : mail.threadIds()) {
			this.tokens.find(id).ifPresent(found::add);
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
