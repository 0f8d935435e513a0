package dev.parley.security;

/** Why a client address was blocked. */
public enum BlockReason {

	/** A burst of failed sign-ins. */
	FAILED_SIGN_INS,

	/** A burst of requests answered 401, 403 or 429. */
	REFUSED_REQUESTS,

	/** A burst of malformed WebSocket frames. */
	MALFORMED_FRAMES,

	/** A burst of new widget visitors. */
	WIDGET_ARRIVALS,

	/** An administrator blocked it. */
	MANUAL;

	/**
	 * @return whether Parley blocked the address by itself
	 */
	public boolean automatic() {
		return this != MANUAL;
	}

}
