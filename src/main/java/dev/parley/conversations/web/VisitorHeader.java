package dev.parley.conversations.web;

import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Reads the visitor token of a widget request from its {@code X-Parley-Visitor} header.
 */
final class VisitorHeader {

	static final String NAME = "X-Parley-Visitor";

	private VisitorHeader() {
	}

	static VisitorIdentity require(HttpServletRequest request, VisitorTokens tokens) {
		return tokens.verify(request.getHeader(NAME))
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
					"A valid visitor token is required in " + NAME));
	}

}
