package dev.parley.operations;

/** How a self-check came out, from good to bad. */
public enum SelfCheckStatus {

	/** Works as it should. */
	OK,

	/** Works, but something should be done before it bites (e.g. disk filling up). */
	WARNING,

	/** Does not work, or will not for long: fix it before going live. */
	FAILED

}
