package dev.parley.tickets.web;

import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketAccess;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;
import dev.parley.tickets.internal.TicketArticles;
import dev.parley.tickets.internal.TicketAttachments;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketDetails;
import dev.parley.tickets.internal.TicketHistory;
import dev.parley.tickets.internal.TicketIntake;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for staff and integrations (docs/api.md, "Tickets"). */
@RestController
class TicketController {

	private final TicketIntake intake;

	private final TicketChanges changes;

	private final TicketArticles articles;

	private final TicketDetails details;

	private final TicketHistory history;

	private final TicketAccess access;

	private final ArticleAuthors authors;

	private final TicketAttachments attachments;

	TicketController(TicketIntake intake, TicketChanges changes, TicketArticles articles, TicketDetails details,
			TicketHistory history, TicketAccess access, ArticleAuthors authors, TicketAttachments attachments) {
		this.authors = authors;
		this.attachments = attachments;
		this.intake = intake;
		this.changes = changes;
		this.articles = articles;
		this.details = details;
		this.history = history;
		this.access = access;
	}

	@PostMapping("/api/v1/tickets")
	@RequiresPermission(Permission.TICKET_CREATE)
	ResponseEntity<TicketDetails.View> create(@RequestBody(required = false) JsonNode body, StaffActor staff,
			HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		boolean viaToken = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		TicketActor actor = TicketActor.of(staff);
		Ticket ticket = this.intake.create(body, viaToken, actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.details.view(ticket, actor));
	}

	@PostMapping("/api/v1/conversations/{conversationId}/ticket")
	@RequiresPermission(Permission.TICKET_CREATE)
	ResponseEntity<TicketDetails.View> fromConversation(@PathVariable long conversationId,
			@RequestBody(required = false) JsonNode body, StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		Ticket ticket = this.intake.fromConversation(conversationId, body, actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.details.view(ticket, actor));
	}

	@GetMapping("/api/v1/tickets/{id}")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketDetails.View get(@PathVariable long id, StaffActor staff) {
		return this.details.view(id, TicketActor.of(staff));
	}

	@PatchMapping("/api/v1/tickets/{id}")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketDetails.View update(@PathVariable long id, @RequestBody(required = false) JsonNode patch, StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		return this.details.view(this.changes.update(id, patch, actor), actor);
	}

	/**
	 * An article with its author's name (a staff member's display name: staff read this
	 * list; customers see public names only, in the portal; or the customer's name) and
	 * its files.
	 */
	record ArticleView(long id, String kind, String via, Long authorStaffId, Long authorCustomerId, String authorName,
			String body, boolean sms, java.time.Instant createdAt, List<TicketAttachments.Attachment> attachments) {
	}

	record ArticlePage(List<ArticleView> items, Long nextAfter) {
	}

	@GetMapping("/api/v1/tickets/{id}/articles")
	@RequiresPermission(Permission.TICKET_VIEW)
	ArticlePage articles(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit, StaffActor staff) {
		this.access.visible(id, TicketActor.of(staff));
		List<TicketArticle> items = this.articles.page(id, after, limit, false);
		Map<Long, List<TicketAttachments.Attachment>> files = this.attachments
			.ofArticles(items.stream().map(TicketArticle::id).toList());
		return new ArticlePage(this.authors.named(items, files),
				items.isEmpty() ? null : items.get(items.size() - 1).id());
	}

	/**
	 * @param attachmentIds files uploaded to the ticket before, to put on this article
	 */
	record ArticleForm(String kind, String body, String clientId, Boolean sms, String status,
			List<String> attachmentIds) {
	}

	record WrittenView(ArticleView article, TicketDetails.View ticket) {
	}

	/** A public reply ({@code REPLY}) or an internal note ({@code NOTE}). */
	@PostMapping("/api/v1/tickets/{id}/articles")
	@RequiresPermission(Permission.TICKET_REPLY)
	ResponseEntity<WrittenView> write(@PathVariable long id, @RequestBody(required = false) ArticleForm form,
			StaffActor staff) {
		if (form == null) {
			throw ApiException.invalid("body", "is required");
		}
		ArticleKind kind = kind(form.kind());
		TicketStatus after = status(form.status());
		if (form.clientId() != null && (form.clientId().isBlank() || form.clientId().length() > 64)) {
			throw ApiException.invalid("clientId", "must be 1 to 64 characters");
		}
		if (kind == ArticleKind.NOTE && (after != null || Boolean.TRUE.equals(form.sms()))) {
			throw ApiException.invalid(after != null ? "status" : "sms", "is not allowed on an internal note");
		}
		TicketActor actor = TicketActor.of(staff);
		TicketArticles.Written written = this.attachments.write(id, new TicketArticles.Draft(kind, ArticleVia.CONSOLE,
				form.body(), form.clientId(), Boolean.TRUE.equals(form.sms()), after, null), form.attachmentIds(),
				actor);
		long articleId = written.article().id();
		ArticleView article = this.authors
			.named(List.of(written.article()), this.attachments.ofArticles(List.of(articleId)))
			.get(0);
		return ResponseEntity.status(written.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new WrittenView(article, this.details.view(written.ticket(), actor)));
	}

	private static ArticleKind kind(String kind) {
		if ("REPLY".equals(kind)) {
			return ArticleKind.REPLY;
		}
		if ("NOTE".equals(kind)) {
			return ArticleKind.NOTE;
		}
		throw ApiException.invalid("kind", "must be REPLY or NOTE");
	}

	private static TicketStatus status(String status) {
		if (status == null) {
			return null;
		}
		try {
			return TicketStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("status", "must be one of NEW, OPEN, PENDING, SOLVED, CLOSED");
		}
	}

	record HistoryPage(List<TicketHistory.Entry> items, Long nextAfter) {
	}

	@GetMapping("/api/v1/tickets/{id}/history")
	@RequiresPermission(Permission.TICKET_VIEW)
	HistoryPage history(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "200") int limit, StaffActor staff) {
		this.access.visible(id, TicketActor.of(staff));
		List<TicketHistory.Entry> items = this.history.page(id, after, limit);
		return new HistoryPage(items, items.isEmpty() ? null : items.get(items.size() - 1).id());
	}

}
