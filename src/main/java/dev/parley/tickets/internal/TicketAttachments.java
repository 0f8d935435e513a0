package dev.parley.tickets.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.parley.administration.Settings;
import dev.parley.conversations.UploadChecks;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketAttachmentRepository.Stored;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on tickets, on an article or on the ticket itself: checked as chat uploads are
 * ({@link UploadChecks}: the type from the bytes, no program or script), within the size
 * of the setting {@code chat.attachmentMaxMegabytes} (413 {@code payload_too_large},
 * nothing stored), stored in the database, and handed out only to who may see the ticket
 * (a customer not those on internal notes). An article names files uploaded before it
 * ({@code attachmentIds}); naming them again (a resend) changes nothing.
 */
@Service
public class TicketAttachments {

	static final int PER_ARTICLE_MAX = 20;

	private static final SecureRandom random = new SecureRandom();

	private final TicketAttachmentRepository files;

	private final TicketAccess access;

	private final TicketArticles articles;

	private final UploadChecks checks;

	private final Settings settings;

	private final TicketHistory history;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TicketRepository tickets;

	TicketAttachments(TicketAttachmentRepository files, TicketAccess access, TicketArticles articles,
			UploadChecks checks, Settings settings, TicketHistory history, JdbcClient jdbc, Clock clock,
			TicketRepository tickets) {
		this.tickets = tickets;
		this.files = files;
		this.access = access;
		this.articles = articles;
		this.checks = checks;
		this.settings = settings;
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A file as clients see it: {@code id} is its public id. */
	public record Attachment(String id, Long articleId, String fileName, String contentType, long size,
			Instant createdAt) {
	}

	/** A file to hand out. */
	public record Download(Attachment attachment, byte[] content) {
	}

	/** The largest file a ticket takes. */
	public long maxBytes() {
		return Math.min(this.settings.getInt("chat.attachmentMaxMegabytes") * 1024L * 1024L,
				this.checks.databaseLimit());
	}

	/**
	 * Stores a file on a ticket, on one of its articles or (articleId null) on the ticket
	 * itself. For staff, the portal and mail alike.
	 * @param contentType what the sender claims; not believed (the type comes from the
	 * bytes)
	 * @throws ApiException not found (ticket), 409 {@code ticket_merged} /
	 * {@code ticket_closed}, 413 {@code payload_too_large}, 415
	 * {@code executable_refused} / {@code unsupported_media_type}, 400 for an empty file
	 * or an article not of this ticket
	 */
	@Transactional
	public Attachment attach(long ticketId, Long articleId, String fileName, String contentType, byte[] bytes,
			TicketActor actor) {
		Ticket ticket = this.access.visible(ticketId, actor);
		if (actor.staff()) {
			actor.require(Permission.TICKET_REPLY);
		}
		if (ticket.mergedIntoId() != null) {
			throw ApiException.conflict("ticket_merged", "This ticket was merged into another")
				.with("mergedInto", ticket.mergedIntoId());
		}
		if (ticket.status() == TicketStatus.CLOSED) {
			throw ApiException.conflict("ticket_closed", "A closed ticket cannot be changed; reopen it first");
		}
		if (articleId != null) {
			checkArticle(ticketId, articleId, actor);
		}
		if (bytes == null || bytes.length == 0) {
			throw ApiException.invalid("file", "must not be empty");
		}
		long max = maxBytes();
		if (bytes.length > max) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The file is larger than " + max + " bytes")
				.with("maxBytes", max);
		}
		UploadChecks.Inspected inspected = this.checks.inspect(fileName, bytes, actor.staff());
		byte[] key = new byte[16];
		random.nextBytes(key);
		Instant now = this.clock.instant();
		Stored file = new Stored(0, HexFormat.of().formatHex(key), ticketId, articleId, inspected.fileName(),
				inspected.contentType(), bytes.length, now);
		this.files.insert(file, bytes);
		this.history.record(ticketId, actor.name(), "attachment.added", null, null, file.fileName(),
				(articleId != null) ? "article #" + articleId : null, now);
		return view(file);
	}

	private void checkArticle(long ticketId, long articleId, TicketActor actor) {
		List<Object[]> rows = this.jdbc
			.sql("SELECT ticket_id, kind, author_customer_id FROM ticket_article WHERE id = ?")
			.param(articleId)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getString(2),
							TicketRepository.longOrNull(rs, "author_customer_id") })
			.list();
		if (rows.isEmpty() || (long) rows.get(0)[0] != ticketId) {
			throw ApiException.invalid("articleId", "is not an article of this ticket");
		}
		if (actor.kind() == TicketActor.Kind.CUSTOMER && !Objects.equals(rows.get(0)[2], actor.customerId())) {
			throw ApiException.invalid("articleId", "is not an article of this ticket");
		}
	}

	/**
	 * Writes an article with files uploaded to the ticket before (their public ids), in
	 * one transaction. A resend (same client id) finds the article and its files as they
	 * are.
	 * @throws ApiException invalid {@code attachmentIds} for a file not on this ticket or
	 * on another article
	 */
	@Transactional
	public TicketArticles.Written write(long ticketId, TicketArticles.Draft draft, List<String> attachmentIds,
			TicketActor actor) {
		this.access.visible(ticketId, actor);
		List<String> ids = (attachmentIds != null) ? attachmentIds.stream().distinct().toList() : List.of();
		if (ids.size() > PER_ARTICLE_MAX) {
			throw ApiException.invalid("attachmentIds", "at most 20 files");
		}
		Long earlier = (draft.clientId() != null)
				? this.jdbc.sql("SELECT id FROM ticket_article WHERE ticket_id = ? AND client_id = ?")
					.params(ticketId, draft.clientId())
					.query(Long.class)
					.optional()
					.orElse(null)
				: null;
		List<Stored> named = new ArrayList<>();
		for (String id : ids) {
			Stored file = (id != null && id.matches("[0-9a-f]{32}")) ? this.files.byPublicId(id).orElse(null) : null;
			if (file == null || file.ticketId() != ticketId) {
				throw ApiException.invalid("attachmentIds", "names a file that is not on this ticket");
			}
			if (file.articleId() != null && !file.articleId().equals(earlier)) {
				throw ApiException.invalid("attachmentIds", "names a file already on another article");
			}
			named.add(file);
		}
		// the files are put on the article before its hooks run: a reply's mail names
		// them
		return this.articles.write(ticketId, draft, actor, (article) -> {
			for (Stored file : named) {
				if (file.articleId() == null && !this.files.attachToArticle(file.id(), article.id())) {
					// another article took it meanwhile: this one rolls back rather than
					// steal it
					throw ApiException.invalid("attachmentIds", "names a file already on another article");
				}
			}
		});
	}

	/** The ticket's files; for a customer without those on internal notes. */
	public List<Attachment> list(long ticketId, TicketActor actor) {
		this.access.visible(ticketId, actor);
		List<Stored> all = this.files.ofTicket(ticketId);
		if (actor.kind() != TicketActor.Kind.CUSTOMER) {
			return all.stream().map(TicketAttachments::view).toList();
		}
		return all.stream().filter(this::publicToCustomer).map(TicketAttachments::view).toList();
	}

	/** The files of each article (for the articles API, the mail and the portal). */
	public Map<Long, List<Attachment>> ofArticles(Collection<Long> articleIds) {
		Map<Long, List<Attachment>> out = new LinkedHashMap<>();
		this.files.ofArticles(articleIds)
			.forEach((article, list) -> out.put(article, list.stream().map(TicketAttachments::view).toList()));
		return out;
	}

	/**
	 * @throws ApiException not found for an unknown file and for one on a ticket the
	 * actor may not see (or, for a customer, on an internal note)
	 */
	@Transactional(readOnly = true)
	public Download download(String publicId, TicketActor actor) {
		if (publicId == null || !publicId.matches("[0-9a-f]{32}")) {
			throw ApiException.notFound("Attachment");
		}
		Stored file = this.files.byPublicId(publicId).orElseThrow(() -> ApiException.notFound("Attachment"));
		Ticket ticket = this.tickets.find(file.ticketId()).orElse(null);
		if (ticket == null || !this.access.canSee(ticket, actor)
				|| (actor.kind() == TicketActor.Kind.CUSTOMER && !publicToCustomer(file))) {
			throw ApiException.notFound("Attachment");
		}
		byte[] content = this.files.content(file.id()).orElseThrow(() -> ApiException.notFound("Attachment"));
		return new Download(view(file), content);
	}

	/**
	 * A customer gets a file only once it is on an article he may read (his own, a public
	 * reply, Parley's line): never one on an internal note, nor one uploaded to the
	 * ticket but not (yet) sent with anything.
	 */
	private boolean publicToCustomer(Stored file) {
		return file.articleId() != null && this.jdbc.sql("SELECT kind FROM ticket_article WHERE id = ?")
			.param(file.articleId())
			.query(String.class)
			.optional()
			.map(ArticleKind::valueOf)
			.filter(ArticleKind::publicToCustomer)
			.isPresent();
	}

	private static Attachment view(Stored file) {
		return new Attachment(file.publicId(), file.articleId(), file.fileName(), file.contentType(), file.size(),
				file.createdAt());
	}

}
