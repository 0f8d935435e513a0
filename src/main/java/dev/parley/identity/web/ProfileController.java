package dev.parley.identity.web;

import dev.parley.identity.StaffPrincipal;
import dev.parley.identity.internal.OwnProfiles;
import dev.parley.identity.internal.OwnProfiles.OwnProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in staff member's own profile; there is no id in the path, so nobody can
 * reach anyone else's.
 */
@RestController
@RequestMapping("/api/v1/me/profile")
class ProfileController {

	/** One address, no spaces, a dot in the domain. */
	static final String EMAIL = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";

	private final OwnProfiles profiles;

	ProfileController(OwnProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping
	OwnProfile get(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.profiles.get(principal.id());
	}

	@PutMapping
	OwnProfile update(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody ProfileForm form) {
		return this.profiles.update(principal.id(),
				new OwnProfile(null, form.displayName(), form.email(), form.phone(), form.language()),
				form.currentPassword());
	}

	record ProfileForm(@NotBlank @Size(max = 100) String displayName,
			@Email @Size(max = 254) @Pattern(regexp = "(" + EMAIL + ")?",
					message = "must be an e-mail address") String email,
			@Size(max = 32) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number") String phone,
			@Pattern(regexp = "en|zh-CN|zh-TW", message = "must be en, zh-CN or zh-TW") String language,
			@Size(max = 200) String currentPassword) {
	}

}
