package dev.parley.platform.internal;

import java.util.List;
import java.util.Map;

import dev.parley.platform.AccessRefused;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a controller can raise into a problem document with a stable
 * {@code code}. Nothing internal (stack traces, SQL, class names) ever reaches the
 * client; an unexpected fault is logged with its stack trace and answered with
 * {@code internal_error}.
 */
@RestControllerAdvice
class ProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private final ApplicationEventPublisher events;

	private final ProblemWriter problems;

	ProblemHandling(ApplicationEventPublisher events, ProblemWriter problems) {
		this.events = events;
		this.problems = problems;
	}

	/**
	 * A refusal; one that says when to try again ({@code retryAfterSeconds}) carries it
	 * in {@code Retry-After} too.
	 */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ResponseEntity<ProblemDetail> response = respond(ex.status(), ex.code(), ex.getMessage(), ex.properties());
		if (ex.properties().get("retryAfterSeconds") instanceof Number seconds) {
			return ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()))
				.body(response.getBody());
		}
		return response;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", Constraints.sentence(error)))
			.toList();
		return validationFailed(errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", Constraints.sentence(error))))
			.toList();
		return validationFailed(errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> Map.of("field", String.valueOf(violation.getPropertyPath()), "message",
					Constraints.sentence(violation)))
			.toList();
		return validationFailed(errors);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> malformed(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
				return tooLarge(tooLarge);
			}
		}
		return respond(HttpStatus.BAD_REQUEST, "malformed_request",
				"The request body or a parameter is malformed or has the wrong type", Map.of());
	}

	/**
	 * A JSON value read as a type it does not fit (a number beyond a long or an int, an
	 * infinite decimal): the client's mistake, whichever check missed it.
	 */
	@ExceptionHandler(tools.jackson.databind.exc.JsonNodeException.class)
	ResponseEntity<ProblemDetail> unfitValue(Exception ex) {
		return respond(HttpStatus.BAD_REQUEST, "malformed_request",
				"The request body or a parameter is malformed or has the wrong type", Map.of());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return validationFailed(List.of(Map.of("field", ex.getParameterName(), "message", "must be present")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return respond(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"Method " + ex.getMethod() + " is not allowed here", Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send the body as JSON", Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return respond(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This resource is only available as JSON",
				Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex) {
		return respond(HttpStatus.NOT_FOUND, "not_found", "No such resource", Map.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The upload is too large", Map.of());
	}

	/**
	 * A multipart body that cannot be parsed (truncated, another boundary than declared,
	 * a broken part header) is the client's fault, not the server's.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
				return tooLarge(tooLarge);
			}
		}
		return respond(HttpStatus.BAD_REQUEST, "malformed_request", "The multipart body is malformed", Map.of());
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return validationFailed(List.of(Map.of("field", ex.getRequestPartName(), "message", "must be present")));
	}

	@ExceptionHandler(RequestSizeLimitFilter.BodyTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestSizeLimitFilter.BodyTooLarge ex) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request body is too large", Map.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data", Map.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex, HttpServletRequest request) {
		String actor = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null;
		this.events.publishEvent(new AccessRefused(actor, request.getMethod(), request.getRequestURI()));
		return respond(HttpStatus.FORBIDDEN, "forbidden", "You do not have the permission for this", Map.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"Something went wrong on the server; it has been logged", Map.of());
	}

	private ResponseEntity<ProblemDetail> validationFailed(List<Map<String, String>> errors) {
		String detail = errors.isEmpty() ? "The request is invalid"
				: errors.get(0).get("field") + ": " + errors.get(0).get("message");
		return respond(HttpStatus.BAD_REQUEST, "validation_failed", detail, Map.of("errors", errors));
	}

	private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail,
			Map<String, Object> properties) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.problems.problem(status, code, detail, properties));
	}

}
