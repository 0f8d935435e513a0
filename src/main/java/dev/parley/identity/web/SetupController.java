package dev.parley.identity.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.parley.identity.internal.IdentitySettings;
import dev.parley.identity.internal.Installation;
import dev.parley.identity.internal.SetupValidation;
import dev.parley.identity.internal.StaffAccounts;
import dev.parley.identity.internal.StaffSessions;
import dev.parley.identity.internal.StaffUser;
import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API behind the install page; gone (404) once the installation is complete. */
@RestController
@RequestMapping("/api/v1/setup")
class SetupController {

	private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final Installation installation;

	private final IdentitySettings settings;

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SetupController(Installation installation, IdentitySettings settings, StaffAccounts accounts,
			StaffSessions sessions) {
		this.sessions = sessions;
		this.installation = installation;
		this.settings = settings;
		this.accounts = accounts;
	}

	@GetMapping
	Map<String, Object> form() {
		if (this.installation.isInstalled()) {
			throw ApiException.notFound("Setup");
		}
		var policy = this.settings.passwordPolicy();
		return Map.of("languages", SetupValidation.LANGUAGES, "timeZones",
				java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"), TIME_ZONES.stream()).toList(),
				"passwordPolicy", Map.of("minLength", policy.minLength(), "requiredClasses", policy.requiredClasses()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> install(@RequestBody Installation.SetupRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		if (this.installation.isInstalled()) {
			throw ApiException.notFound("Setup");
		}
		SetupValidation.check(request, this.settings.passwordPolicy());
		var admin = this.installation.install(request);
		signIn(admin, http, response);
		return Map.of("username", admin.username());
	}

	/**
	 * The new administrator is signed in at once, in a new session (a session id planted
	 * before is worthless), so that the console opens ready to work.
	 */
	private void signIn(StaffUser admin, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(this.accounts.authenticationFor(admin, this.sessions.started(admin.id(),
				request.getSession(true).getId(), request.getHeader("User-Agent"), ClientAddress.current())));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
