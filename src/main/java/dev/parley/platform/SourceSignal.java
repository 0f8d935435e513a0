package dev.parley.platform;

/**
 * Something a client address did that is harmless once and a sign of abuse in a burst
 * (R5.5). Each kind has its own threshold ({@code parley.security.auto-block.*}).
 */
public enum SourceSignal {

	/** A sign-in with a wrong password or an unknown name, or refused while it waits. */
	FAILED_SIGN_IN,

	/** A request answered 401, 403 or 429 (counted by the platform's source gate). */
	REFUSED_REQUEST,

	/** A WebSocket frame that is no frame of the protocol. */
	MALFORMED_FRAME,

	/** A new widget visitor created. */
	WIDGET_ARRIVAL

}
