package dev.parley.customers.web.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.PortalConversations;
import dev.parley.customers.internal.portal.PortalProfiles;
import dev.parley.customers.internal.portal.PortalRegistration;
import dev.parley.customers.internal.portal.PortalSessions;
import dev.parley.customers.internal.portal.PortalSignIn;
import dev.parley.platform.ApiException;
import dev.parley.platform.PortalCustomer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in customer's own profile and conversations (the portal's security chain lets
 * only a portal session in). Everything is looked up from the session's account, never
 * from an id the client names, except a conversation id, which must be one of his.
 */
@RestController
@RequestMapping("/api/v1/portal")
class PortalController {

	private final PortalProfiles profiles;

	private final PortalRegistration registration;

	private final PortalSignIn signIn;

	private final PortalSessions sessions;

	private final PortalConversations conversations;

	PortalController(PortalProfiles profiles, PortalRegistration registration, PortalSignIn signIn,
			PortalSessions sessions, PortalConversations conversations) {
		this.profiles = profiles;
		this.registration = registration;
		this.signIn = signIn;
		this.sessions = sessions;
		this.conversations = conversations;
	}

	@GetMapping("/profile")
	PortalProfiles.Profile profile(@AuthenticationPrincipal PortalCustomer customer) {
		return this.profiles.profile(customer.accountId());
	}

	@PutMapping("/profile")
	PortalProfiles.Profile update(@AuthenticationPrincipal PortalCustomer customer,
			@Valid @RequestBody ProfileChange body) {
		String zone = PortalAccountController.blankToNull(body.timeZone());
		if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
			throw ApiException.invalid("timeZone", "must be a time zone such as Asia/Shanghai");
		}
		return this.profiles.update(customer.accountId(), body.name(), body.phone(), body.language(), zone);
	}

	@PostMapping("/profile/email")
	ResponseEntity<Map<String, String>> changeEmail(@AuthenticationPrincipal PortalCustomer customer,
			@Valid @RequestBody EmailChange body) {
		this.registration.requestEmailChange(customer.accountId(), body.password(), body.email());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "verification_sent"));
	}

	/** Changes the password; other sessions end, this one goes on under a new id. */
	@PostMapping("/profile/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal PortalCustomer customer,
			@Valid @RequestBody PasswordChange body, HttpServletRequest request, HttpServletResponse response) {
		this.signIn.changePassword(customer.accountId(), body.currentPassword(), body.newPassword());
		PortalSessionStore.store(this.sessions.authenticationFor(customer.accountId()), request, response);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/conversations")
	List<PortalConversations.Summary> conversations(@AuthenticationPrincipal PortalCustomer customer) {
		return this.conversations.list(this.profiles.customerOf(customer.accountId()));
	}

	@GetMapping("/conversations/{id}")
	PortalConversations.Page conversation(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "200") int limit) {
		return this.conversations.transcript(this.profiles.customerOf(customer.accountId()), id, after, limit)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	@PostMapping("/conversations/{id}/messages")
	ResponseEntity<PortalConversations.Written> write(@AuthenticationPrincipal PortalCustomer customer,
			@PathVariable long id, @Valid @RequestBody Message body) {
		long customerId = this.profiles.customerOf(customer.accountId());
		PortalProfiles.Profile profile = this.profiles.profile(customer.accountId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.conversations.write(customerId, id, body.clientId(), body.text(), profile.name(),
					profile.email()));
	}

	record ProfileChange(@Size(max = 100) String name,
			@Pattern(regexp = "\\+?[0-9 ()./-]{5,32}", message = "must be a phone number") String phone,
			@Pattern(regexp = PortalAccountController.LANGUAGE,
					message = "must be one of en, zh-CN, zh-TW") String language,
			@Size(max = 64) String timeZone) {
	}

	record EmailChange(@NotBlank @Email @Size(max = 254) @Pattern(regexp = PortalAccountController.EMAIL,
			message = "must be an e-mail address") String email, @NotNull @Size(max = 128) String password) {
	}

	record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

	record Message(@NotBlank @Size(max = 64) String clientId, @NotBlank @Size(max = 10000) String text) {
	}

}
