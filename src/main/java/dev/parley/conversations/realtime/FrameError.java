package dev.parley.conversations.realtime;

import java.util.Locale;

import dev.parley.platform.ApiException;

/**
 * The codes of {@code error} frames (docs/protocol.md, "Errors"). {@code rate_limited},
 * {@code unavailable} and {@code internal_error} are retryable: a client resends the
 * message with the same client id after a pause; the others are final for that frame.
 */
enum FrameError {

	UNAUTHENTICATED, BAD_FRAME, UNKNOWN_TYPE, TOO_LARGE, VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, NOT_ASSIGNED,
	CONVERSATION_CLOSED, CONFLICT, RATE_LIMITED, UNAVAILABLE, INTERNAL_ERROR,

	/** The visitor's customer is blocked (spam, abuse): final, like forbidden. */
	CUSTOMER_BLOCKED;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The frame error for a refusal of the chat service. */
	static FrameError of(ApiException ex) {
		for (FrameError error : values()) {
			if (error.code().equals(ex.code())) {
				return error;
			}
		}
		// other refusals are about a field of the frame
		return VALIDATION_FAILED;
	}

}
