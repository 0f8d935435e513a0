package dev.parley.agents.web;

import java.util.List;

import dev.parley.agents.internal.AgentGroup;
import dev.parley.agents.internal.Agents;
import dev.parley.agents.internal.Groups;
import dev.parley.identity.StaffPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agent profiles, statuses and groups (docs/api.md, "Agents and groups"). */
@RestController
class AgentController {

	private final Agents agents;

	private final Groups groups;

	AgentController(Agents agents, Groups groups) {
		this.agents = agents;
		this.groups = groups;
	}

	@GetMapping("/api/v1/agents/me")
	@PreAuthorize("hasAuthority('conversation.reply')")
	Agents.AgentView me(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.agents.me(principal.id());
	}

	record StatusForm(String status) {
	}

	@PutMapping("/api/v1/agents/me/status")
	@PreAuthorize("hasAuthority('conversation.reply')")
	Agents.AgentView status(@RequestBody StatusForm form, @AuthenticationPrincipal StaffPrincipal principal) {
		return this.agents.setStatus(principal.id(), form.status());
	}

	@GetMapping("/api/v1/agents")
	@PreAuthorize("hasAnyAuthority('team.view', 'conversation.transfer')")
	List<Agents.AgentView> list() {
		return this.agents.list();
	}

	record ProfileForm(String publicName, List<String> languages, List<String> skills, Integer capacity) {
	}

	@PutMapping("/api/v1/agents/{userId}")
	@PreAuthorize("hasAuthority('team.assign')")
	Agents.AgentView update(@PathVariable long userId, @RequestBody ProfileForm form) {
		return this.agents.update(userId, form.publicName(), form.languages(), form.skills(), form.capacity());
	}

	@GetMapping("/api/v1/groups")
	@PreAuthorize("hasAnyAuthority('team.view', 'conversation.transfer')")
	List<AgentGroup> groups() {
		return this.groups.list();
	}

	@GetMapping("/api/v1/groups/{id}")
	@PreAuthorize("hasAuthority('team.view')")
	AgentGroup group(@PathVariable long id) {
		return this.groups.get(id);
	}

	@PostMapping("/api/v1/groups")
	@PreAuthorize("hasAuthority('team.assign')")
	ResponseEntity<AgentGroup> create(@RequestBody Groups.Form form, Authentication authentication) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.groups.create(form, actor(authentication)));
	}

	@PutMapping("/api/v1/groups/{id}")
	@PreAuthorize("hasAuthority('team.assign')")
	AgentGroup update(@PathVariable long id, @RequestBody Groups.Form form, Authentication authentication) {
		return this.groups.update(id, form, actor(authentication));
	}

	@DeleteMapping("/api/v1/groups/{id}")
	@PreAuthorize("hasAuthority('team.assign')")
	ResponseEntity<Void> delete(@PathVariable long id, Authentication authentication) {
		this.groups.delete(id, actor(authentication));
		return ResponseEntity.noContent().build();
	}

	static Groups.Actor actor(Authentication authentication) {
		StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
		boolean managesAll = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("user.manage"));
		return new Groups.Actor(principal.id(), principal.username(), managesAll);
	}

}
