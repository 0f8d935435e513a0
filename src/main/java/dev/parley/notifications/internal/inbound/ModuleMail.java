package dev.parley.notifications.internal.inbound;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.notifications.InboundMail;
import dev.parley.notifications.InboundMailHandler;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.notifications.internal.ReplyTokens.ThreadCandidate;
import dev.parley.notifications.internal.inbound.InboundReplies.Decision;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mail for other modules ({@link InboundMailHandler}s): verifies a thread token against
 * the party its module names for the thread, hands a genuine reply to the module, and new
 * mail to a support address to the module that takes new mail.
 */
@Component
class ModuleMail {

	private final ObjectProvider<InboundMailHandler> handlers;

	private final ReplyTokens tokens;

	ModuleMail(ObjectProvider<InboundMailHandler> handlers, ReplyTokens tokens) {
		this.handlers = handlers;
		this.tokens = tokens;
	}

	/** The handlers by their kind letter. */
	Map<String, InboundMailHandler> byKind() {
		return this.handlers.orderedStream()
			.filter((h) -> !"c".equals(h.kind()))
			.collect(Collectors.toMap(InboundMailHandler::kind, Function.identity(), (a, b) -> a));
	}

	/**
	 * @return whether the token is Parley's for its thread and the party its module names
	 */
	boolean genuine(ThreadCandidate candidate, Map<String, InboundMailHandler> byKind) {
		InboundMailHandler handler = byKind.get(candidate.kind());
		Set<Long> parties = (handler != null) ? handler.parties(candidate.id()) : Set.of();
		return parties.stream().limit(50).anyMatch((party) -> this.tokens.verify(candidate, party));
	}

	Decision reply(ThreadCandidate candidate, InboundMailHandler handler, ParsedMail mail) {
		InboundMailHandler.Answer answer = handler.reply(candidate.id(), inbound(mail));
		return decision(answer, candidate.name(), candidate.kind());
	}

	/**
	 * @return whether one of the mail's recipients is a support address (compared without
	 * case and without a plus part: {@code support+x@} is {@code support@})
	 */
	static boolean toSupport(ParsedMail mail, Set<String> support) {
		if (support.isEmpty()) {
			return false;
		}
		for (String recipient : mail.recipients()) {
			String address = recipient.strip().toLowerCase(Locale.ROOT);
			int at = address.lastIndexOf('@');
			int plus = address.indexOf('+');
			if (plus >= 0 && at > plus) {
				address = address.substring(0, plus) + address.substring(at);
			}
			if (support.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** New mail to a support address: to the module that takes it, if any. */
	Decision newMail(ParsedMail mail) {
		Optional<InboundMailHandler> taker = this.handlers.orderedStream()
			.filter(InboundMailHandler::acceptsNewMail)
			.findFirst();
		if (taker.isEmpty()) {
			return new Decision(InboundOutcome.NO_TOKEN, null, "no reply token, and no module takes new mail", null);
		}
		InboundMailHandler.Answer answer = taker.get().newMail(inbound(mail));
		return decision(answer, null, taker.get().kind());
	}

	private static Decision decision(InboundMailHandler.Answer answer, String named, String kind) {
		String thread = (answer.threadId() != null) ? kind + answer.threadId() : named;
		return new Decision(InboundOutcome.valueOf(answer.outcome().name()), null, answer.detail(), thread);
	}

	static InboundMail inbound(ParsedMail mail) {
		String text = mail.text().isEmpty() ? mail.fullText() : mail.text();
		String subject = (mail.subject() != null) ? InboundMailLog.clip(mail.subject(), 1000).strip() : "";
		return new InboundMail(mail.key(), mail.messageId(), mail.from(),
				(mail.fromName() != null) ? InboundMailLog.clip(mail.fromName(), 100).strip() : null, subject, text,
				mail.attachments().stream().map((a) -> new InboundMail.Attachment(a.fileName(), a.content())).toList());
	}

}
