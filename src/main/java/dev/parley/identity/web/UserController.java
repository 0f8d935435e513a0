package dev.parley.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.SignInThrottle;
import dev.parley.identity.internal.StaffAccounts;
import dev.parley.identity.internal.StaffRole;
import dev.parley.identity.internal.StaffUser;
import dev.parley.identity.internal.StaffUserRepository;
import dev.parley.identity.internal.TwoFactor;
import dev.parley.identity.internal.UserAdministration;
import dev.parley.platform.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration (R8.4): reading needs {@code user.view}, changing
 * {@code user.manage}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAdministration administration;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final StaffAccounts accounts;

	private final SignInThrottle throttle;

	private final TwoFactor twoFactor;

	UserController(UserAdministration administration, StaffUserRepository users, RoleRepository roles,
			StaffAccounts accounts, SignInThrottle throttle, TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
		this.administration = administration;
		this.users = users;
		this.roles = roles;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@GetMapping
	@RequiresPermission(Permission.USER_VIEW)
	UserPage list(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Min(0) Long after,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		List<StaffUser> found = this.users.search(q, (after != null) ? after : 0, limit + 1);
		boolean more = found.size() > limit;
		List<StaffUser> page = more ? found.subList(0, limit) : found;
		Map<Long, StaffRole> rolesById = this.roles.findAll()
			.stream()
			.collect(Collectors.toMap(StaffRole::id, (role) -> role));
		List<UserView> items = page.stream().map((user) -> view(user, rolesById.get(user.roleId()))).toList();
		return new UserPage(items, more ? String.valueOf(page.get(page.size() - 1).id()) : null);
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.USER_VIEW)
	UserView get(@PathVariable long id) {
		return view(user(id));
	}

	@PostMapping
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<UserView> create(@Valid @RequestBody NewUserForm form, StaffActor actor) {
		StaffUser user = this.administration.create(
				new UserAdministration.NewUser(form.username(), form.displayName(), form.email(), form.phone(),
						form.roleId(), form.password(), form.enabled() == null || form.enabled()),
				true, actor.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(user));
	}

	@PutMapping("/{id}")
	@RequiresPermission(Permission.USER_MANAGE)
	UserView update(@PathVariable long id, @Valid @RequestBody ProfileForm form, StaffActor actor) {
		return view(this.administration.update(id, new UserAdministration.Profile(form.displayName(), form.email(),
				form.phone(), form.roleId(), form.enabled()), actor));
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<Void> delete(@PathVariable long id, StaffActor actor) {
		this.administration.delete(id, actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/password")
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordForm form, StaffActor actor) {
		this.administration.resetPassword(id, form.password(), actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/unlock")
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<Void> unlock(@PathVariable long id, StaffActor actor) {
		this.administration.unlock(id, actor);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Removes the user's second factor (app, recovery codes): every session of the user
	 * ends, and the user enrols again if the role requires it.
	 */
	@DeleteMapping("/{id}/two-factor")
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<Void> resetTwoFactor(@PathVariable long id, StaffActor actor) {
		this.twoFactor.reset(id, actor);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/permissions")
	@RequiresPermission({ Permission.USER_MANAGE, Permission.AGENT_PERMISSIONS_ADJUST })
	UserView adjustPermissions(@PathVariable long id, @Valid @RequestBody PermissionsForm form, StaffActor actor) {
		this.administration.adjustPermissions(id, Set.copyOf(form.granted()), Set.copyOf(form.revoked()), actor);
		return view(user(id));
	}

	private StaffUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> ApiException.notFound("User"));
	}

	private UserView view(StaffUser user) {
		return view(user, this.roles.findById(user.roleId()).orElseThrow());
	}

	private UserView view(StaffUser user, StaffRole role) {
		return UserView.of(user, role, this.users.overrides(user.id()), this.accounts.permissionsOf(user),
				this.throttle.accountBlockedUntil(user.username()).orElse(null), this.twoFactor.enabled(user.id()));
	}

	record UserPage(List<UserView> items, String nextCursor) {
	}

	record NewUserForm(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}",
					message = "must be 3-64 letters, digits, dots, dashes or underscores") String username,
			@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 254) String email,
			@Size(max = 32) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number") String phone,
			@NotNull Long roleId, @NotNull @Size(min = 1, max = 128) String password, Boolean enabled) {
	}

	record ProfileForm(@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 254) String email,
			@Size(max = 32) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number") String phone,
			@NotNull Long roleId, @NotNull Boolean enabled) {
	}

	record PasswordForm(@NotNull @Size(min = 1, max = 128) String password) {
	}

	record PermissionsForm(@NotNull @Size(max = 100) List<@NotBlank @Size(max = 64) String> granted,
			@NotNull @Size(max = 100) List<@NotBlank @Size(max = 64) String> revoked) {
	}

}
