package dev.parley.tickets.web;

import java.util.List;

import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.TicketFields;
import dev.parley.tickets.internal.TicketFields.Field;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom fields of tickets (docs/api.md, "Ticket custom fields"): staff who handle
 * tickets read them (to show the form), administrators ({@code ticket.manage}) change
 * them.
 */
@RestController
class TicketFieldController {

	private final TicketFields fields;

	TicketFieldController(TicketFields fields) {
		this.fields = fields;
	}

	@GetMapping("/api/v1/ticket-fields")
	@RequiresPermission(Permission.TICKET_VIEW)
	List<Field> list() {
		return this.fields.list();
	}

	@GetMapping("/api/v1/ticket-fields/{id}")
	@RequiresPermission(Permission.TICKET_VIEW)
	Field get(@PathVariable long id) {
		return this.fields.find(id).orElseThrow(() -> ApiException.notFound("Field"));
	}

	@PostMapping("/api/v1/ticket-fields")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<Field> create(@RequestBody(required = false) TicketFields.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.fields.create(form, actor));
	}

	@PutMapping("/api/v1/ticket-fields/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	Field update(@PathVariable long id, @RequestBody(required = false) TicketFields.Form form, StaffActor actor) {
		return this.fields.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/ticket-fields/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.fields.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

}
