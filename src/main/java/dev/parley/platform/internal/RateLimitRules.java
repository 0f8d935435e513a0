package dev.parley.platform.internal;

import java.util.List;

import dev.parley.platform.ClientAddress;
import dev.parley.platform.RateLimit;
import dev.parley.platform.StaffIdentity;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of which requests spend which rate limit's budget, and whose budget: the
 * client's address or the signed-in staff account (docs/security.md). Limits whose key is
 * only known inside the handler (the account name of a sign-in, the channel of a new
 * visitor) are spent there through {@link dev.parley.platform.RateLimits}.
 */
final class RateLimitRules {

	/** Whose budget a request spends. */
	enum Subject {

		/** The client address ({@link ClientAddress}). */
		ADDRESS {
			@Override
			String of(HttpServletRequest request) {
				String address = ClientAddress.current();
				return (address != null) ? "address:" + address : null;
			}
		},

		/** The signed-in staff account (by session or API token), else the address. */
		STAFF {
			@Override
			String of(HttpServletRequest request) {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof StaffIdentity staff) {
					return "user:" + staff.id();
				}
				return ADDRESS.of(request);
			}
		};

		abstract String of(HttpServletRequest request);

	}

	record Rule(String method, PathPattern pattern, RateLimit limit, Subject subject) {

		boolean matches(HttpServletRequest request, PathContainer path) {
			return this.method.equals(request.getMethod()) && this.pattern.matches(path);
		}

	}

	static final List<Rule> RULES = List.of(
			// signing in and resetting passwords: staff and portal customers
			rule("POST", "/api/v1/session", RateLimit.SIGN_IN, Subject.ADDRESS),
			rule("POST", "/api/v1/portal/account/session", RateLimit.SIGN_IN, Subject.ADDRESS),
			rule("POST", "/api/v1/password-resets", RateLimit.PASSWORD_RESET, Subject.ADDRESS),
			rule("POST", "/api/v1/password-resets/confirm", RateLimit.PASSWORD_RESET, Subject.ADDRESS),
			rule("POST", "/api/v1/portal/account/password-resets", RateLimit.PASSWORD_RESET, Subject.ADDRESS),
			rule("POST", "/api/v1/portal/account/password-resets/confirm", RateLimit.PASSWORD_RESET, Subject.ADDRESS),
			// the widget
			rule("POST", "/api/v1/widget/channels/{key}/visitors", RateLimit.WIDGET_ARRIVAL, Subject.ADDRESS),
			rule("POST", "/api/v1/widget/conversations", RateLimit.CONVERSATION_START, Subject.ADDRESS),
			rule("POST", "/api/v1/widget/messages", RateLimit.LEFT_MESSAGE, Subject.ADDRESS),
			rule("POST", "/api/v1/widget/conversations/{id}/messages", RateLimit.MESSAGE_SEND, Subject.ADDRESS),
			rule("POST", "/api/v1/widget/conversations/{id}/attachments", RateLimit.UPLOAD, Subject.ADDRESS),
			// the portal
			rule("POST", "/api/v1/portal/conversations/{id}/messages", RateLimit.MESSAGE_SEND, Subject.ADDRESS),
			rule("POST", "/api/v1/portal/tickets/{id}/attachments", RateLimit.UPLOAD, Subject.ADDRESS),
			// the console and integrations
			rule("POST", "/api/v1/conversations/{id}/messages", RateLimit.MESSAGE_SEND, Subject.STAFF),
			rule("POST", "/api/v1/conversations/{id}/attachments", RateLimit.UPLOAD, Subject.STAFF),
			rule("POST", "/api/v1/tickets/{id}/attachments", RateLimit.UPLOAD, Subject.STAFF));

	private RateLimitRules() {
	}

	private static Rule rule(String method, String pattern, RateLimit limit, Subject subject) {
		return new Rule(method, PathPatternParser.defaultInstance.parse(pattern), limit, subject);
	}

}
