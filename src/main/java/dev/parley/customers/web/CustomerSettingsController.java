package dev.parley.customers.web;

import java.util.List;

import dev.parley.customers.internal.AttributeDefinition;
import dev.parley.customers.internal.AttributeDefinitions;
import dev.parley.customers.internal.Levels;
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
import org.springframework.web.bind.annotation.RestController;

/** Customer levels and attribute definitions (docs/api.md, "Customer records"). */
@RestController
class CustomerSettingsController {

	private final Levels levels;

	private final AttributeDefinitions attributes;

	CustomerSettingsController(Levels levels, AttributeDefinitions attributes) {
		this.levels = levels;
		this.attributes = attributes;
	}

	@GetMapping("/api/v1/customer-levels")
	@RequiresPermission({ Permission.CUSTOMER_VIEW, Permission.CUSTOMER_MANAGE })
	List<Levels.Level> levels() {
		return this.levels.list();
	}

	@PostMapping("/api/v1/customer-levels")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	ResponseEntity<Levels.Level> createLevel(@RequestBody Levels.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.levels.create(form, actor));
	}

	@PutMapping("/api/v1/customer-levels/{id}")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	Levels.Level updateLevel(@PathVariable long id, @RequestBody Levels.Form form, StaffActor actor) {
		return this.levels.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/customer-levels/{id}")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	ResponseEntity<Void> deleteLevel(@PathVariable long id, StaffActor actor) {
		this.levels.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/customer-attributes")
	@RequiresPermission({ Permission.CUSTOMER_VIEW, Permission.CUSTOMER_MANAGE })
	List<AttributeDefinition> attributes() {
		return this.attributes.list();
	}

	@PostMapping("/api/v1/customer-attributes")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	ResponseEntity<AttributeDefinition> createAttribute(@RequestBody AttributeDefinitions.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.attributes.create(form, actor));
	}

	@PutMapping("/api/v1/customer-attributes/{id}")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	AttributeDefinition updateAttribute(@PathVariable long id, @RequestBody AttributeDefinitions.Form form,
			StaffActor actor) {
		return this.attributes.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/customer-attributes/{id}")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	ResponseEntity<Void> deleteAttribute(@PathVariable long id, StaffActor actor) {
		this.attributes.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

}
