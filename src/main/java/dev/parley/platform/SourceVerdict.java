package dev.parley.platform;

/** What the {@link SourceGate} says about a request's client address. */
public enum SourceVerdict {

	/** Served; its refusals and bursts are counted. */
	PASS,

	/** On the allow-list: served and never blocked automatically. */
	TRUSTED,

	/** On the deny-list or blocked for now: refused before any other work. */
	BLOCKED,

	/**
	 * The console and API are restricted to listed networks and the address is in none: a
	 * staff request is refused (visitors' requests are served).
	 */
	OUTSIDE_NETWORKS

}
