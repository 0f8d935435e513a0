package dev.parley.platform.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.parley.platform.AllowedDuringMaintenance;
import dev.parley.platform.Maintenance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses write requests under {@code /api/} while maintenance is active (503
 * {@code maintenance}, with {@code Retry-After} and a message naming the reason), and
 * counts the admitted ones while they run, so that entering maintenance can wait for
 * them. Endpoints marked {@link AllowedDuringMaintenance} are neither refused nor
 * counted.
 */
@Component
class MaintenanceInterceptor implements HandlerInterceptor {

	/** How long clients are told to wait before they try again. */
	static final int RETRY_AFTER_SECONDS = 60;

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final String COUNTED = MaintenanceInterceptor.class.getName() + ".counted";

	private final QuietGate gate;

	private final ProblemWriter problems;

	private final ProblemTexts texts;

	private final JsonMapper json;

	MaintenanceInterceptor(QuietGate gate, ProblemWriter problems, ProblemTexts texts, JsonMapper json) {
		this.gate = gate;
		this.problems = problems;
		this.texts = texts;
		this.json = json;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!WRITES.contains(request.getMethod()) || allowed(handler) || request.getAttribute(COUNTED) != null) {
			return true;
		}
		if (this.gate.admitWrite()) {
			request.setAttribute(COUNTED, Boolean.TRUE);
			return true;
		}
		refuse(response, this.gate.closedFor());
		return false;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(COUNTED) != null) {
			request.removeAttribute(COUNTED);
			this.gate.writeDone();
		}
	}

	private static boolean allowed(Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return false;
		}
		return method.hasMethodAnnotation(AllowedDuringMaintenance.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AllowedDuringMaintenance.class);
	}

	private void refuse(HttpServletResponse response, Maintenance.Notice notice) throws java.io.IOException {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (notice != null) {
			properties.put("reason", notice.reason().name());
			properties.put("since", notice.since().toString());
			properties.put("message", notice.message());
		}
		properties.put("retryAfterSeconds", RETRY_AFTER_SECONDS);
		ProblemDetail problem = this.problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "maintenance",
				"Parley is in maintenance; please try again in a few minutes", properties);
		if (notice != null) {
			String key = "maintenance.notice." + notice.reason().name().toLowerCase(Locale.ROOT);
			problem.setDetail(this.texts.text(key, locale, problem.getDetail()));
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
