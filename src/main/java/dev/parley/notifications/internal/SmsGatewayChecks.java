package dev.parley.notifications.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;
import tools.jackson.core.JsonPointer;

/**
 * The checks of what an administrator sends for the SMS gateway: every field error at
 * once, as {@code validation.*} sentences, the address checked against the network rules
 * ({@link GatewayAddresses}), the templates filled once with sample values, and masked
 * secrets replaced by the stored ones.
 */
final class SmsGatewayChecks {

	/** What the console gets (and may send back unchanged) for a secret value. */
	static final String MASK = "********";

	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

	private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	/** Headers Parley sets itself (or the HTTP client refuses). */
	private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "content-type", "connection",
			"expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

	/** Names whose values are secret whatever the administrator ticks. */
	private static final Pattern SENSITIVE = Pattern.compile(
			"authorization|cookie|.*(key|token|secret|password|passwd|signature|auth|credential).*",
			Pattern.CASE_INSENSITIVE);

	private static final int MAX_ENTRIES = 20;

	private static final int MAX_VALUE = 2000;

	private final List<Map<String, String>> errors = new ArrayList<>();

	private SmsGatewayChecks() {
	}

	/**
	 * @param stored the gateway as stored, whose secrets a masked value keeps
	 * @return the gateway to store
	 * @throws ApiException {@code validation_failed} with every field error
	 */
	static SmsGateway check(SmsGatewaySettings.Input input, SmsGateway stored) {
		return new SmsGatewayChecks().run(input, stored);
	}

	/** Whether a header or parameter of this name always holds a secret. */
	static boolean sensitive(String name) {
		return name != null && SENSITIVE.matcher(name).matches();
	}

	/** Scheme, host and port of a URL (template values in its path do not matter). */
	static String origin(String url) {
		if (url == null) {
			return null;
		}
		try {
			java.net.URI uri = new java.net.URI(url.strip().replace("{", "%7B").replace("}", "%7D"));
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
					+ uri.getPort();
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	private SmsGateway run(SmsGatewaySettings.Input input, SmsGateway stored) {
		boolean enabled = Boolean.TRUE.equals(input.enabled());
		boolean allowPrivate = Boolean.TRUE.equals(input.allowPrivateNetwork());
		String preset = (input.preset() == null || input.preset().isBlank()) ? SmsPresets.CUSTOM : input.preset();
		if (!SmsPresets.exists(preset)) {
			error("preset", "unknown preset '" + shorten(preset) + "'");
		}
		SmsMethod method = (input.method() == null) ? SmsMethod.POST : SmsMethod.of(input.method());
		if (method == null) {
			error("method", "must be one of POST, GET, PUT");
		}
		SmsContentType contentType = (input.contentType() == null) ? SmsContentType.FORM
				: SmsContentType.of(input.contentType());
		if (contentType == null) {
			error("contentType", "must be one of form, json, none");
		}
		else if (method == SmsMethod.GET && contentType != SmsContentType.NONE) {
			error("contentType", "must be none for a GET request");
		}
		// stored secrets are kept only for the origin they were given for: sent to
		// another
		// host, they would be handed to whoever runs it
		boolean sameOrigin = origin(input.url()) != null && origin(input.url()).equals(origin(stored.url()));
		List<SmsGateway.Entry> headers = entries("headers", input.headers(), sameOrigin ? stored.headers() : List.of(),
				true);
		List<SmsGateway.Entry> parameters = entries("parameters", input.parameters(),
				sameOrigin ? stored.parameters() : List.of(), false);
		String sender = text("sender", input.sender(), 64);
		String successPointer = pointer("successPointer", input.successPointer());
		String successValue = text("successValue", input.successValue(), 255);
		if (successPointer != null && successValue == null) {
			error("successValue", "is required");
		}
		String successSubstring = text("successSubstring", input.successSubstring(), 255);
		String messageIdPointer = pointer("messageIdPointer", input.messageIdPointer());
		int timeout = (input.timeoutSeconds() == null) ? SmsGateway.DEFAULT_TIMEOUT_SECONDS : input.timeoutSeconds();
		if (timeout < 1 || timeout > 60) {
			error("timeoutSeconds", "must be 1 to 60");
		}
		String url = blankToNull(input.url());
		String bodyTemplate = (input.bodyTemplate() == null || input.bodyTemplate().isBlank()) ? null
				: input.bodyTemplate();
		if (bodyTemplate != null && bodyTemplate.length() > 4000) {
			error("bodyTemplate", "must be at most 4000 characters");
			bodyTemplate = null;
		}
		SmsGateway gateway = new SmsGateway(enabled, preset, url, (method != null) ? method : SmsMethod.POST, headers,
				parameters, (contentType != null) ? contentType : SmsContentType.FORM, bodyTemplate, sender,
				successPointer, successValue, successSubstring, messageIdPointer, timeout, allowPrivate);
		checkUrl(gateway, input.url());
		if (contentType != null && contentType != SmsContentType.NONE && bodyTemplate != null) {
			try {
				SmsTemplates.body(contentType, bodyTemplate, sample(gateway));
			}
			catch (SmsTemplates.TemplateProblem problem) {
				error("bodyTemplate", problem.getMessage());
			}
		}
		if (!this.errors.isEmpty()) {
			throw ApiException
				.badRequest("validation_failed",
						this.errors.get(0).get("field") + ": " + this.errors.get(0).get("message"))
				.with("errors", List.copyOf(this.errors));
		}
		return gateway;
	}

	private void checkUrl(SmsGateway gateway, String given) {
		if (gateway.url() == null) {
			if (gateway.enabled()) {
				error("url", "is required");
			}
			return;
		}
		if (given.length() > 2000) {
			error("url", "must be at most 2000 characters");
			return;
		}
		int start = given.indexOf("://");
		int end = (start < 0) ? -1 : indexOfAny(given, start + 3, "/?#");
		if (start >= 0 && given.substring(0, (end < 0) ? given.length() : end).contains("{{")) {
			error("url", "may use template values only after the host");
			return;
		}
		URI uri;
		try {
			uri = new URI(SmsTemplates.url(gateway.url(), sample(gateway)));
		}
		catch (SmsTemplates.TemplateProblem problem) {
			error("url", problem.getMessage());
			return;
		}
		catch (URISyntaxException ex) {
			error("url", "must be an http or https address without a user name or password");
			return;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawUserInfo() != null
				|| GatewayAddresses.host(uri) == null || uri.getRawFragment() != null) {
			error("url", "must be an http or https address without a user name or password");
			return;
		}
		GatewayAddresses.Refusal refusal = GatewayAddresses.check(uri, gateway.allowPrivateNetwork());
		if (refusal != null) {
			error("url",
					refusal.forbidden()
							? "must not point at a link-local, cloud metadata, multicast or reserved address"
							: "points at a loopback or private address: allow the private network to use it");
		}
	}

	private List<SmsGateway.Entry> entries(String field, List<SmsGatewaySettings.EntryInput> given,
			List<SmsGateway.Entry> stored, boolean headers) {
		List<SmsGateway.Entry> entries = new ArrayList<>();
		if (given == null) {
			return entries;
		}
		if (given.size() > MAX_ENTRIES) {
			error(field, "at most " + MAX_ENTRIES);
			return entries;
		}
		Set<String> names = new HashSet<>();
		for (SmsGatewaySettings.EntryInput entry : given) {
			String name = (entry != null && entry.name() != null) ? entry.name().strip() : "";
			if (headers ? !HEADER_NAME.matcher(name).matches() : !PARAMETER_NAME.matcher(name).matches()) {
				error(field, headers ? "'" + shorten(name) + "' is not a header name"
						: "'" + shorten(name) + "' is not a parameter name (letters, digits and _)");
				continue;
			}
			String key = headers ? name.toLowerCase(Locale.ROOT) : name;
			if (headers ? RESERVED_HEADERS.contains(key) : Set.of("to", "text", "from").contains(name)) {
				error(field, "'" + name + "' is set by Parley");
				continue;
			}
			if (!names.add(key)) {
				error(field, "each name at most once");
				continue;
			}
			String value = (entry.value() != null) ? entry.value() : "";
			boolean secret = Boolean.TRUE.equals(entry.secret()) || sensitive(name);
			if (value.equals(MASK)) {
				SmsGateway.Entry kept = stored.stream()
					.filter((old) -> old.secret()
							&& (headers ? old.name().equalsIgnoreCase(name) : old.name().equals(name)))
					.findFirst()
					.orElse(null);
				if (kept == null) {
					error(field, "enter the value of '" + name + "' again");
					continue;
				}
				value = kept.value();
				secret = true;
			}
			else if (value.length() > MAX_VALUE || value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
				error(field, "the value of '" + name + "' must be one line of at most " + MAX_VALUE + " characters");
				continue;
			}
			entries.add(new SmsGateway.Entry(name, value, secret));
		}
		return entries;
	}

	private String pointer(String field, String value) {
		String pointer = text(field, value, 255);
		if (pointer == null) {
			return null;
		}
		try {
			if (!pointer.startsWith("/")) {
				throw new IllegalArgumentException(pointer);
			}
			JsonPointer.compile(pointer);
			return pointer;
		}
		catch (IllegalArgumentException ex) {
			error(field, "must be a JSON pointer such as /sid");
			return null;
		}
	}

	private String text(String field, String value, int max) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (text.length() > max) {
			error(field, "must be at most " + max + " characters");
			return null;
		}
		if (text.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			error(field, "must be on one line");
			return null;
		}
		return text;
	}

	/** Values for filling the templates once to find their faults. */
	private static Map<String, Object> sample(SmsGateway gateway) {
		return new LinkedHashMap<>(gateway.values("+8613800000000", "Parley test"));
	}

	private void error(String field, String message) {
		this.errors.add(Map.of("field", field, "message", message));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	private static int indexOfAny(String text, int from, String characters) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
