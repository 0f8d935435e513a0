package dev.parley.agents.web;

import java.util.List;

import dev.parley.agents.internal.CannedResponses;
import dev.parley.identity.StaffPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
@PreAuthorize("hasAuthority('conversation.reply')")
class CannedResponseController {

	private final CannedResponses canned;

	CannedResponseController(CannedResponses canned) {
		this.canned = canned;
	}

	@GetMapping
	List<CannedResponses.Canned> list(@RequestParam(required = false) String q, Authentication authentication) {
		return this.canned.list(actor(authentication), q);
	}

	@PostMapping
	ResponseEntity<CannedResponses.Canned> create(@RequestBody CannedResponses.Form form,
			Authentication authentication) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.canned.create(actor(authentication), form));
	}

	@PutMapping("/{id}")
	CannedResponses.Canned update(@PathVariable long id, @RequestBody CannedResponses.Form form,
			Authentication authentication) {
		return this.canned.update(actor(authentication), id, form);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, Authentication authentication) {
		this.canned.delete(actor(authentication), id);
		return ResponseEntity.noContent().build();
	}

	private static CannedResponses.Actor actor(Authentication authentication) {
		StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
		boolean assigns = has(authentication, "team.assign");
		return new CannedResponses.Actor(principal.id(), assigns, assigns && has(authentication, "user.manage"));
	}

	private static boolean has(Authentication authentication, String permission) {
		return authentication.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(permission));
	}

}
