package dev.parley.agents.web;

import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.agents.internal.CannedResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Canned responses (docs/api.md, "Canned responses"). */
@RestController
@RequestMapping("/api/v1/canned-responses")
@RequiresPermission(Permission.CONVERSATION_REPLY)
class CannedResponseController {

	private final CannedResponses canned;

	CannedResponseController(CannedResponses canned) {
		this.canned = canned;
	}

	@GetMapping
	List<CannedResponses.Canned> list(@RequestParam(required = false) String q, StaffActor actor) {
		return this.canned.list(actor, q);
	}

	@PostMapping
	ResponseEntity<CannedResponses.Canned> create(@RequestBody CannedResponses.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.canned.create(actor, form));
	}

	@PutMapping("/{id}")
	CannedResponses.Canned update(@PathVariable long id, @RequestBody CannedResponses.Form form, StaffActor actor) {
		return this.canned.update(actor, id, form);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.canned.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

}
