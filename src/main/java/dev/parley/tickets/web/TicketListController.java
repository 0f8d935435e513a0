package dev.parley.tickets.web;

import java.util.List;
import java.util.Map;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketBulk;
import dev.parley.tickets.internal.query.TicketCounts;
import dev.parley.tickets.internal.query.TicketList;
import dev.parley.tickets.internal.query.TicketViews;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticket list, its counts, saved views and bulk changes (docs/api.md, "Ticket list").
 */
@RestController
class TicketListController {

	private final TicketList list;

	private final TicketCounts counts;

	private final TicketViews views;

	private final TicketBulk bulk;

	TicketListController(TicketList list, TicketCounts counts, TicketViews views, TicketBulk bulk) {
		this.list = list;
		this.counts = counts;
		this.views = views;
		this.bulk = bulk;
	}

	@GetMapping("/api/v1/tickets")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketList.Result list(@RequestParam MultiValueMap<String, String> params, StaffActor staff) {
		return this.list.page(params, TicketActor.of(staff));
	}

	@GetMapping("/api/v1/tickets/counts")
	@RequiresPermission(Permission.TICKET_VIEW)
	Map<String, Object> counts(StaffActor staff) {
		return this.counts.counts(TicketActor.of(staff));
	}

	@PostMapping("/api/v1/tickets/bulk")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketBulk.Result bulk(@RequestBody(required = false) JsonNode body, StaffActor staff) {
		return this.bulk.apply(body, TicketActor.of(staff));
	}

	record Views(List<TicketViews.SavedView> items) {
	}

	@GetMapping("/api/v1/ticket-views")
	@RequiresPermission(Permission.TICKET_VIEW)
	Views views(StaffActor staff) {
		return new Views(this.views.list(TicketActor.of(staff)));
	}

	@PostMapping("/api/v1/ticket-views")
	@RequiresPermission(Permission.TICKET_VIEW)
	ResponseEntity<TicketViews.SavedView> create(@RequestBody(required = false) JsonNode body, StaffActor staff) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.views.create(body, TicketActor.of(staff)));
	}

	@PatchMapping("/api/v1/ticket-views/{id}")
	@RequiresPermission(Permission.TICKET_VIEW)
	TicketViews.SavedView update(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			StaffActor staff) {
		return this.views.update(id, body, TicketActor.of(staff));
	}

	@DeleteMapping("/api/v1/ticket-views/{id}")
	@RequiresPermission(Permission.TICKET_VIEW)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor staff) {
		this.views.delete(id, TicketActor.of(staff));
		return ResponseEntity.noContent().build();
	}

}
