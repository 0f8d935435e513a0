package dev.parley.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that reaches the client as an RFC 9457 problem with a stable {@code code}.
 * Thrown by services when input or state does not allow an operation; nothing has been
 * changed when it is thrown.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
	}

	public static ApiException badRequest(String code, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
	}

	/**
	 * A {@code validation_failed} refusal naming one field, with the field error in
	 * {@code errors} as the console shows it beside the field.
	 */
	public static ApiException invalid(String field, String message) {
		return badRequest("validation_failed", field + ": " + message).with("errors",
				java.util.List.of(java.util.Map.of("field", field, "message", message)));
	}

	public static ApiException conflict(String code, String detail) {
		return new ApiException(HttpStatus.CONFLICT, code, detail);
	}

	public static ApiException forbidden(String permission) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Missing permission " + permission)
			.with("permission", permission);
	}

	/**
	 * Adds a property to the problem body, e.g. {@code violations} or {@code retryAt};
	 * {@code retryAfterSeconds} also becomes the {@code Retry-After} header.
	 */
	public ApiException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
