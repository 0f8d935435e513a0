package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Optional;

import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.internal.NewTicket;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;
import dev.parley.tickets.internal.TicketArticles;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketMailIntake} on the ticket core: a ticket made by TicketChanges, the mail
 * written by TicketArticles as the customer's article (kind CUSTOMER, via EMAIL), so that
 * history, events, SLA clocks and search follow as for every other change. The mail's
 * Message-ID (its key when it has none) is the article's message_id, which makes a mail
 * handed over again store nothing twice.
 */
@Component
class CoreTicketMailIntake implements TicketMailIntake {

	private final TicketChanges changes;

	private final TicketArticles articles;

	private final TicketRepository tickets;

	CoreTicketMailIntake(TicketChanges changes, TicketArticles articles, TicketRepository tickets) {
		this.changes = changes;
		this.articles = articles;
		this.tickets = tickets;
	}

	@Override
	@Transactional
	public NewTicket createFromMail(long customerId, String subject, String text, List<MailFile> files,
			String messageId, String messageKey) {
		String id = mailId(messageId, messageKey);
		Optional<TicketArticle> before = this.articles.byMessageId(id);
		if (before.isPresent()) {
			Ticket ticket = this.tickets.find(before.get().ticketId()).orElseThrow();
			return new NewTicket(ticket.id(), ticket.number(), true, List.of());
		}
		TicketActor actor = TicketActor.customer(customerId);
		String description = (text == null || text.isBlank()) ? null : body(text, files);
		Ticket ticket = this.changes.create(
				dev.parley.tickets.internal.NewTicket.of(subject, description, customerId, TicketOrigin.EMAIL), actor);
		this.articles.write(ticket.id(), new TicketArticles.Draft(ArticleKind.CUSTOMER, ArticleVia.EMAIL,
				body(text, files), messageKey, false, null, id), actor);
		return new NewTicket(ticket.id(), ticket.number(), false, refused(files));
	}

	@Override
	@Transactional
	public Posted customerReplied(long ticketId, long customerId, String text, List<MailFile> files, String messageId,
			String messageKey) {
		TicketArticles.Written written = this.articles.write(ticketId, new TicketArticles.Draft(ArticleKind.CUSTOMER,
				ArticleVia.EMAIL, body(text, files), messageKey, false, null, mailId(messageId, messageKey)),
				TicketActor.customer(customerId));
		return new Posted(written.duplicate(), refused(files));
	}

	private static String mailId(String messageId, String key) {
		return (messageId != null && messageId.length() <= 300) ? messageId : "key:" + key;
	}

	/** A mail of files only still says something (an article needs a body). */
	private static String body(String text, List<MailFile> files) {
		if (text != null && !text.isBlank()) {
			return (text.length() > 50000) ? text.substring(0, 49999) + "…" : text;
		}
		return "(" + files.size() + " file(s))";
	}

	// TODO(lead): store the files as ticket attachments once the core has them
	private static List<String> refused(List<MailFile> files) {
		return files.stream().map((f) -> f.fileName() + " (attachments by mail are not stored yet)").toList();
	}

}
