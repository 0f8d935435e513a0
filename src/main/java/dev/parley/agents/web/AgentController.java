package dev.parley.agents.web;

import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.agents.internal.AgentGroup;
import dev.parley.agents.internal.Agents;
import dev.parley.agents.internal.Groups;
import dev.parley.identity.StaffPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
	@RequiresPermission(Permission.CONVERSATION_REPLY)
	Agents.AgentView me(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.agents.me(principal.id());
	}

	record StatusForm(String status) {
	}

	@PutMapping("/api/v1/agents/me/status")
	@RequiresPermission(Permission.CONVERSATION_REPLY)
	Agents.AgentView status(@RequestBody StatusForm form, @AuthenticationPrincipal StaffPrincipal principal) {
		return this.agents.setStatus(principal.id(), form.status());
	}

	/**
	 * The console calls this once when it opens after signing in: the agent gets back the
	 * status his closed console took from him, if the organisation remembers statuses.
	 */
	@PostMapping("/api/v1/agents/me/status/resume")
	@RequiresPermission(Permission.CONVERSATION_REPLY)
	Agents.AgentView resumeStatus(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.agents.resumeStatus(principal.id());
	}

	@GetMapping("/api/v1/agents")
	@RequiresPermission({ Permission.TEAM_VIEW, Permission.CONVERSATION_TRANSFER })
	List<Agents.AgentView> list() {
		return this.agents.list();
	}

	record ProfileForm(String publicName, List<String> languages, List<String> skills, Integer capacity,
			Integer ticketCapacity) {
	}

	@PutMapping("/api/v1/agents/{userId}")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	Agents.AgentView update(@PathVariable long userId, @RequestBody ProfileForm form) {
		return this.agents.update(userId, form.publicName(), form.languages(), form.skills(), form.capacity(),
				form.ticketCapacity());
	}

	@GetMapping("/api/v1/groups")
	@RequiresPermission({ Permission.TEAM_VIEW, Permission.CONVERSATION_TRANSFER })
	List<AgentGroup> groups() {
		return this.groups.list();
	}

	@GetMapping("/api/v1/groups/{id}")
	@RequiresPermission(Permission.TEAM_VIEW)
	AgentGroup group(@PathVariable long id) {
		return this.groups.get(id);
	}

	@PostMapping("/api/v1/groups")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<AgentGroup> create(@RequestBody Groups.Form form, StaffActor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.groups.create(form, actor));
	}

	@PutMapping("/api/v1/groups/{id}")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	AgentGroup update(@PathVariable long id, @RequestBody Groups.Form form, StaffActor actor) {
		return this.groups.update(id, form, actor);
	}

	@DeleteMapping("/api/v1/groups/{id}")
	@RequiresPermission(Permission.TEAM_ASSIGN)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.groups.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

}
