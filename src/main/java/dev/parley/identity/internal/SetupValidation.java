package dev.parley.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;

/**
 * The shape checks of a setup request, shared by the install page and the headless
 * install. Settings values and the password policy are checked by their owners.
 */
public final class SetupValidation {

	/**
	 * Usernames: lower-case letters, digits, dot, dash, underscore; 3 to 64 characters.
	 */
	public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** The languages an organisation can choose as its default. */
	public static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW");

	private SetupValidation() {
	}

	public static void check(Installation.SetupRequest request) {
		check(request, null);
	}

	/**
	 * Like {@link #check(Installation.SetupRequest)}, and with a policy, the password's
	 * breaches of it in the same answer, so that the install page marks every problem at
	 * once.
	 */
	public static void check(Installation.SetupRequest request, PasswordPolicy policy) {
		List<Map<String, String>> errors = new ArrayList<>();
		require(errors, "organisationName", request.organisationName(), 200);
		require(errors, "adminDisplayName", request.adminDisplayName(), 100);
		if (request.adminUsername() == null || !USERNAME.matcher(request.adminUsername().strip()).matches()) {
			errors.add(Map.of("field", "adminUsername", "message",
					"must be 3-64 letters, digits, dots, dashes or underscores"));
		}
		if (!LANGUAGES.contains(request.language())) {
			errors.add(Map.of("field", "language", "message", "must be one of " + String.join(", ", LANGUAGES)));
		}
		if (request.timeZone() == null || !java.time.ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
			errors.add(Map.of("field", "timeZone", "message", "must be a time zone such as Asia/Shanghai"));
		}
		if (request.adminEmail() != null && !request.adminEmail().isBlank()
				&& (request.adminEmail().length() > 254 || !EMAIL.matcher(request.adminEmail()).matches())) {
			errors.add(Map.of("field", "adminEmail", "message", "must be an e-mail address"));
		}
		if (request.adminPassword() == null || request.adminPassword().isEmpty()
				|| request.adminPassword().length() > PasswordPolicy.MAX_LENGTH) {
			errors.add(Map.of("field", "adminPassword", "message",
					"must be given and at most " + PasswordPolicy.MAX_LENGTH + " characters"));
		}
		List<String> violations = (policy != null && request.adminPassword() != null
				&& errors.stream().noneMatch((error) -> error.get("field").equals("adminPassword")))
						? policy.violations((request.adminUsername() != null) ? request.adminUsername().strip() : "",
								request.adminPassword())
						: List.of();
		if (!errors.isEmpty() && !violations.isEmpty()) {
			errors.add(Map.of("field", "adminPassword", "message", "does not meet the password policy"));
		}
		if (!errors.isEmpty()) {
			ApiException invalid = ApiException
				.badRequest("validation_failed", errors.get(0).get("field") + ": " + errors.get(0).get("message"))
				.with("errors", errors);
			if (!violations.isEmpty()) {
				invalid.with("violations", violations)
					.with("minLength", policy.minLength())
					.with("requiredClasses", policy.requiredClasses());
			}
			throw invalid;
		}
	}

	private static void require(List<Map<String, String>> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(Map.of("field", field, "message", "must not be blank"));
		}
		else if (value.length() > max) {
			errors.add(Map.of("field", field, "message", "must be at most " + max + " characters"));
		}
	}

}
