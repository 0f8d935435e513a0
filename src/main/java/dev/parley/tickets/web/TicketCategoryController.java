package dev.parley.tickets.web;

import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.TicketCategories;
import dev.parley.tickets.internal.TicketCategories.Category;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ticket categories (docs/api.md, "Ticket categories"). */
@RestController
class TicketCategoryController {

	private final TicketCategories categories;

	TicketCategoryController(TicketCategories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/v1/ticket-categories")
	@RequiresPermission(Permission.TICKET_VIEW)
	List<Category> list() {
		return this.categories.list();
	}

	@PostMapping("/api/v1/ticket-categories")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<Category> create(@RequestBody(required = false) TicketCategories.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.categories.create(form, actor));
	}

	@PutMapping("/api/v1/ticket-categories/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	Category update(@PathVariable long id, @RequestBody(required = false) TicketCategories.Form form,
			StaffActor actor) {
		return this.categories.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/ticket-categories/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.categories.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

}
