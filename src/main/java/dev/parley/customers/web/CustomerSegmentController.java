package dev.parley.customers.web;

import java.util.List;

import dev.parley.customers.internal.CustomerSegments;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved filters of the customer list (docs/api.md, "Customer segments"); shared ones are
 * changed only with customer.manage.
 */
@RestController
@RequestMapping("/api/v1/customer-segments")
@RequiresPermission(Permission.CUSTOMER_VIEW)
class CustomerSegmentController {

	private final CustomerSegments segments;

	CustomerSegmentController(CustomerSegments segments) {
		this.segments = segments;
	}

	@GetMapping
	List<CustomerSegments.Segment> list(StaffActor actor) {
		return this.segments.list(actor);
	}

	@GetMapping("/{id}")
	CustomerSegments.Segment get(@PathVariable long id, StaffActor actor) {
		return this.segments.get(actor, id);
	}

	@PostMapping
	ResponseEntity<CustomerSegments.Segment> create(@RequestBody CustomerSegments.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.segments.create(actor, form));
	}

	@PutMapping("/{id}")
	CustomerSegments.Segment update(@PathVariable long id, @RequestBody CustomerSegments.Form form, StaffActor actor) {
		return this.segments.update(actor, id, form);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.segments.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

}
