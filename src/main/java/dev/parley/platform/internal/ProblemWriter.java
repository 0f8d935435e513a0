package dev.parley.platform.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem documents from places outside Spring MVC (security filters), in the same
 * shape the controllers' exception handling produces.
 */
@Component
class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		properties.forEach(problem::setProperty);
		return problem;
	}

	void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem(status, code, detail, Map.of()));
	}

}
