package dev.parley.tickets.web;

import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.sla.SlaPolicies;
import dev.parley.tickets.internal.sla.SlaPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SLA policies (docs/api.md, "Ticket SLA policies"). */
@RestController
class SlaPolicyController {

	private final SlaPolicies policies;

	SlaPolicyController(SlaPolicies policies) {
		this.policies = policies;
	}

	/** The new order: every policy's id once, the first tried first. */
	record Order(List<Long> ids) {
	}

	@GetMapping("/api/v1/ticket-sla-policies")
	@RequiresPermission({ Permission.TICKET_VIEW, Permission.TICKET_MANAGE })
	List<SlaPolicy> list() {
		return this.policies.list();
	}

	@PostMapping("/api/v1/ticket-sla-policies")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<SlaPolicy> create(@RequestBody SlaPolicies.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.policies.create(form, actor));
	}

	@PutMapping("/api/v1/ticket-sla-policies/order")
	@RequiresPermission(Permission.TICKET_MANAGE)
	List<SlaPolicy> order(@RequestBody Order order, StaffActor actor) {
		return this.policies.order((order != null) ? order.ids() : null, actor);
	}

	@PutMapping("/api/v1/ticket-sla-policies/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	SlaPolicy update(@PathVariable long id, @RequestBody SlaPolicies.Form form, StaffActor actor) {
		return this.policies.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/ticket-sla-policies/{id}")
	@RequiresPermission(Permission.TICKET_MANAGE)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.policies.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

}
