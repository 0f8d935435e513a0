package dev.parley.tickets.web.portal;

import dev.parley.customers.PortalAccounts;
import dev.parley.platform.ApiException;
import dev.parley.platform.PortalCustomer;
import dev.parley.tickets.internal.PortalTickets;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketAttachments;
import dev.parley.tickets.web.FileResponses;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in customer's tickets in the portal (the portal's security chain lets only a
 * portal session in; docs/api.md, "Customer portal: tickets"). The customer is always the
 * session's; a ticket id must be one of his.
 */
@RestController
@RequestMapping("/api/v1/portal/tickets")
class PortalTicketController {

	private final PortalTickets tickets;

	private final PortalAccounts accounts;

	private final TicketAttachments files;

	PortalTicketController(PortalTickets tickets, PortalAccounts accounts, TicketAttachments files) {
		this.files = files;
		this.tickets = tickets;
		this.accounts = accounts;
	}

	@GetMapping
	PortalTickets.Page list(@AuthenticationPrincipal PortalCustomer customer,
			@RequestParam(required = false) String before, @RequestParam(defaultValue = "20") int limit) {
		return this.tickets.list(customerOf(customer), before, limit);
	}

	@PostMapping
	ResponseEntity<PortalTickets.View> create(@AuthenticationPrincipal PortalCustomer customer,
			@RequestBody(required = false) JsonNode body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.tickets.create(customerOf(customer), body));
	}

	@GetMapping("/{id}")
	PortalTickets.View get(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "200") int limit) {
		return this.tickets.view(customerOf(customer), id, after, limit);
	}

	record Reply(String clientId, String text, Long after, java.util.List<String> attachmentIds) {
	}

	/**
	 * His reply; {@code after}: the last line the page shows, to answer only newer ones.
	 */
	@PostMapping("/{id}/replies")
	ResponseEntity<PortalTickets.View> reply(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id,
			@RequestBody(required = false) Reply body) {
		if (body == null || body.clientId() == null || body.clientId().isBlank()) {
			throw ApiException.invalid("clientId", "is required");
		}
		if (body.clientId().length() > 64) {
			throw ApiException.invalid("clientId", "must be 1 to 64 characters");
		}
		if (body.text() == null || body.text().isBlank()) {
			throw ApiException.invalid("text", "is required");
		}
		if (body.text().length() > 10_000) {
			throw ApiException.invalid("text", "must be at most 10000 characters");
		}
		long after = (body.after() != null) ? Math.max(0, body.after()) : 0;
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.tickets.reply(customerOf(customer), id, body.clientId(), body.text().strip(),
					body.attachmentIds(), after));
	}

	/**
	 * A file for his next reply (then named in its {@code attachmentIds}): checked as
	 * staff uploads are, programs refused.
	 */
	@PostMapping("/{id}/attachments")
	ResponseEntity<TicketAttachments.Attachment> upload(@AuthenticationPrincipal PortalCustomer customer,
			@PathVariable long id, @RequestPart("file") MultipartFile file) throws java.io.IOException {
		long me = customerOf(customer);
		this.tickets.writable(me, id);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.files.attach(id, null, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
					TicketActor.customer(me)));
	}

	/** A file of one of his tickets (never one of an internal note). */
	@GetMapping("/files/{publicId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal PortalCustomer customer, @PathVariable String publicId) {
		return FileResponses.of(this.files.download(publicId, TicketActor.customer(customerOf(customer))));
	}

	@PostMapping("/{id}/solved")
	PortalTickets.View solve(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id) {
		return this.tickets.solve(customerOf(customer), id);
	}

	private long customerOf(PortalCustomer customer) {
		return this.accounts.customerOf(customer.accountId());
	}

}
