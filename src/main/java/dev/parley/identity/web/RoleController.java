package dev.parley.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.StaffActor;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.identity.Permissions;
import dev.parley.identity.internal.RoleAdministration;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.StaffRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Roles and the permission catalogue (R8.3). */
@RestController
class RoleController {

	private final RoleAdministration administration;

	private final RoleRepository roles;

	RoleController(RoleAdministration administration, RoleRepository roles) {
		this.administration = administration;
		this.roles = roles;
	}

	@GetMapping("/api/v1/permissions")
	List<ModuleView> permissions() {
		return Permissions.CATALOG.stream()
			.map((module) -> new ModuleView(module.name(), module.permissions()))
			.toList();
	}

	@GetMapping("/api/v1/roles")
	@RequiresPermission({ Permission.USER_VIEW, Permission.ROLE_MANAGE })
	List<RoleView> list() {
		Map<Long, Integer> counts = this.roles.userCounts();
		return this.roles.findAll()
			.stream()
			.map((role) -> RoleView.of(role, counts.getOrDefault(role.id(), 0)))
			.toList();
	}

	@PostMapping("/api/v1/roles")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ResponseEntity<RoleView> create(@Valid @RequestBody RoleForm form, StaffActor actor) {
		StaffRole role = this.administration.create(form.name(), form.description(), Set.copyOf(form.permissions()),
				Boolean.TRUE.equals(form.requiresTwoFactor()), actor.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(RoleView.of(role, 0));
	}

	@PutMapping("/api/v1/roles/{id}")
	@RequiresPermission(Permission.ROLE_MANAGE)
	RoleView update(@PathVariable long id, @Valid @RequestBody RoleForm form, StaffActor actor) {
		StaffRole role = this.administration.update(id, form.name(), form.description(), Set.copyOf(form.permissions()),
				form.requiresTwoFactor(), actor.username());
		return RoleView.of(role, this.roles.userCounts().getOrDefault(id, 0));
	}

	@DeleteMapping("/api/v1/roles/{id}")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.administration.delete(id, actor.username());
		return ResponseEntity.noContent().build();
	}

	record ModuleView(String module, List<String> permissions) {
	}

	/**
	 * @param requiresTwoFactor whether holders must sign in with a second factor; left
	 * out, it stays as it was (off for a new role)
	 */
	record RoleForm(@NotBlank @Size(max = 64) String name, @Size(max = 500) String description,
			@NotNull @Size(max = 200) List<@NotBlank @Size(max = 64) String> permissions, Boolean requiresTwoFactor) {
	}

	record RoleView(long id, String name, String description, boolean builtin, List<String> permissions, int userCount,
			boolean requiresTwoFactor) {

		static RoleView of(StaffRole role, int userCount) {
			Set<String> permissions = role.isAdministrator() ? Permissions.all() : role.permissions();
			return new RoleView(role.id(), role.name(), role.description(), role.builtin(),
					permissions.stream().sorted().toList(), userCount, role.requiresTwoFactor());
		}

	}

}
