package dev.parley.tickets.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.platform.ApiException;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.internal.NewTicket;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;
import dev.parley.tickets.internal.TicketArticles;
import dev.parley.tickets.internal.TicketAttachments;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TicketMailIntake} on the ticket core: a ticket made by TicketChanges, the mail
 * written by TicketArticles as the customer's article (kind CUSTOMER, via EMAIL) with its
 * files (TicketAttachments, as the customer's uploads), so that history, events, SLA
 * clocks and search follow as for every other change. The mail's Message-ID (its key when
 * it has none) is the article's message_id, which makes a mail handed over again store
 * nothing twice.
 */
@Component
class CoreTicketMailIntake implements TicketMailIntake {

	private final TicketChanges changes;

	private final TicketArticles articles;

	private final TicketRepository tickets;

	private final TicketAttachments attachments;

	/**
	 * A savepoint per file: a refused file rolls back only itself (an exception through
	 * the attachment service would otherwise spoil the whole mail's transaction).
	 */
	private final TransactionTemplate savepoint;

	CoreTicketMailIntake(TicketChanges changes, TicketArticles articles, TicketRepository tickets,
			TicketAttachments attachments, PlatformTransactionManager transactions) {
		this.changes = changes;
		this.articles = articles;
		this.tickets = tickets;
		this.attachments = attachments;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
		TicketArticles.Written written = this.articles.write(ticket.id(), new TicketArticles.Draft(ArticleKind.CUSTOMER,
				ArticleVia.EMAIL, body(text, files), messageKey, false, null, id), actor);
		return new NewTicket(ticket.id(), ticket.number(), false, attach(written, files, actor));
	}

	@Override
	@Transactional
	public Posted customerReplied(long ticketId, long customerId, String text, List<MailFile> files, String messageId,
			String messageKey) {
		TicketActor actor = TicketActor.customer(customerId);
		TicketArticles.Written written = this.articles.write(ticketId, new TicketArticles.Draft(ArticleKind.CUSTOMER,
				ArticleVia.EMAIL, body(text, files), messageKey, false, null, mailId(messageId, messageKey)), actor);
		return new Posted(written.duplicate(), written.duplicate() ? List.of() : attach(written, files, actor));
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

	/**
	 * Stores the mail's files on its article, as the customer: the same checks as every
	 * upload (type from the bytes, programs refused, the size limit).
	 * @return the files left out, each with the reason's code
	 */
	private List<String> attach(TicketArticles.Written written, List<MailFile> files, TicketActor actor) {
		List<String> refused = new ArrayList<>();
		for (MailFile file : files) {
			try {
				this.savepoint.executeWithoutResult((tx) -> this.attachments.attach(written.article().ticketId(),
						written.article().id(), file.fileName(), "application/octet-stream", file.content(), actor));
			}
			catch (ApiException ex) {
				refused.add(file.fileName() + " (" + ex.code() + ")");
			}
		}
		return refused;
	}

}
