package dev.parley.tickets.web;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketDetails;
import dev.parley.tickets.internal.TicketLinks;
import dev.parley.tickets.internal.TicketMerges;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging tickets ({@code ticket.merge}), parent and child, related tickets and further
 * conversations ({@code ticket.merge} for links between tickets, {@code ticket.edit} for
 * a conversation; checked in {@link TicketLinks}); docs/api.md, "Merging and linking
 * tickets".
 */
@RestController
class TicketLinkController {

	private final TicketMerges merges;

	private final TicketLinks links;

	private final TicketDetails details;

	TicketLinkController(TicketMerges merges, TicketLinks links, TicketDetails details) {
		this.merges = merges;
		this.links = links;
		this.details = details;
	}

	record MergeForm(Long into, Integer version, Boolean differentCustomer) {
	}

	/**
	 * @return the survivor
	 */
	@PostMapping("/api/v1/tickets/{id}/merge")
	@RequiresPermission(Permission.TICKET_MERGE)
	TicketDetails.View merge(@PathVariable long id, @RequestBody(required = false) MergeForm form, StaffActor staff) {
		MergeForm f = (form != null) ? form : new MergeForm(null, null, null);
		TicketActor actor = TicketActor.of(staff);
		return this.details.view(
				this.merges.merge(id, f.into(), f.version(), Boolean.TRUE.equals(f.differentCustomer()), actor), actor);
	}

	record ParentForm(Long parentId) {
	}

	@PutMapping("/api/v1/tickets/{id}/parent")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketDetails.View parent(@PathVariable long id, @RequestBody(required = false) ParentForm form, StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		return this.details.view(this.links.parent(id, (form != null) ? form.parentId() : null, actor), actor);
	}

	@PostMapping("/api/v1/tickets/{id}/links/{otherId}")
	@RequiresPermission(Permission.TICKET_VIEW)
	ResponseEntity<TicketDetails.View> relate(@PathVariable long id, @PathVariable long otherId, StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		boolean created = this.links.relate(id, otherId, actor);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(this.details.view(id, actor));
	}

	@DeleteMapping("/api/v1/tickets/{id}/links/{otherId}")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketDetails.View unrelate(@PathVariable long id, @PathVariable long otherId, StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		this.links.unrelate(id, otherId, actor);
		return this.details.view(id, actor);
	}

	@PostMapping("/api/v1/tickets/{id}/conversations/{conversationId}")
	@RequiresPermission(Permission.TICKET_VIEW)
	ResponseEntity<TicketDetails.View> linkConversation(@PathVariable long id, @PathVariable long conversationId,
			StaffActor staff) {
		TicketActor actor = TicketActor.of(staff);
		boolean created = this.links.linkConversation(id, conversationId, actor);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(this.details.view(id, actor));
	}

}
