package dev.parley.platform.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to requests it refuses before Parley sees them (a header with a control
 * character, a request line it cannot read) is a problem document like every other error,
 * not Tomcat's HTML error page. Errors inside the application never get here: they have
 * been answered already.
 */
final class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				Map<String, Object> problem = new LinkedHashMap<>();
				problem.put("detail", status.getReasonPhrase());
				problem.put("status", status.value());
				problem.put("title", status.getReasonPhrase());
				problem.put("code", ProblemErrorController.codeOf(status));
				writer.write(json.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot be written; nothing to report to
		}
	}

	/**
	 * Puts this valve in place of the host's error report valves (Tomcat's own and the
	 * one Spring Boot adds).
	 */
	static void install(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standard) {
			standard.setErrorReportValveClass(ProblemReportValve.class.getName());
		}
		host.getPipeline().addValve(new ProblemReportValve());
	}

}
