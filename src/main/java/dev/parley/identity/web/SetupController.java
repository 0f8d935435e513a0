package dev.parley.identity.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.parley.identity.internal.IdentitySettings;
import dev.parley.identity.internal.Installation;
import dev.parley.identity.internal.SetupValidation;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
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

	SetupController(Installation installation, IdentitySettings settings) {
		this.installation = installation;
		this.settings = settings;
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
	Map<String, Object> install(@RequestBody Installation.SetupRequest request) {
		if (this.installation.isInstalled()) {
			throw ApiException.notFound("Setup");
		}
		SetupValidation.check(request);
		var admin = this.installation.install(request);
		return Map.of("username", admin.username());
	}

}
