package dev.parley.platform.internal;

import java.io.IOException;

import dev.parley.platform.InstallationState;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the install page has been completed, every console page leads to {@code /setup}
 * and every API call but setup and translations is answered {@code not_installed}.
 */
class InstallationGateFilter extends OncePerRequestFilter {

	private final InstallationState installation;

	private final ProblemWriter problems;

	InstallationGateFilter(InstallationState installation, ProblemWriter problems) {
		this.installation = installation;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (!this.installation.isInstalled()) {
			if (path.equals("/") || path.equals("/console") || path.startsWith("/console/")) {
				response.sendRedirect("/setup");
				return;
			}
			if (path.startsWith("/api/") && !path.equals("/api/v1/setup") && !path.startsWith("/api/v1/i18n/")) {
				this.problems.write(response, HttpStatus.CONFLICT, "not_installed",
						"Parley is not installed yet; complete /setup first");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
