package dev.parley.platform.internal;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (in the servlet container or a filter) with
 * the same problem document as everything else, and never with a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final ProblemWriter problems;

	ProblemErrorController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer number && HttpStatus.resolve(number) != null)
				? HttpStatus.valueOf(number) : HttpStatus.INTERNAL_SERVER_ERROR;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.problems.problem(status, codeOf(status), status.getReasonPhrase(), Map.of()));
	}

	/** The problem code of an error known only by its status. */
	static String codeOf(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not_found";
			case BAD_REQUEST -> "malformed_request";
			case CONTENT_TOO_LARGE -> "payload_too_large";
			case UNAUTHORIZED -> "unauthenticated";
			case FORBIDDEN -> "forbidden";
			case METHOD_NOT_ALLOWED -> "method_not_allowed";
			default -> status.is5xxServerError() ? "internal_error" : "request_refused";
		};
	}

}
