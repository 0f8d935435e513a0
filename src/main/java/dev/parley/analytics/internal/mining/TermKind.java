package dev.parley.analytics.internal.mining;

/** What an entry of the {@link MiningDictionary} names. */
public enum TermKind {

	/**
	 * A product or product line ("小米手环8"): also found as a {@link EntityKind#PRODUCT}.
	 */
	PRODUCT,

	/** Any other word worth keeping whole: slang, a feature, a complaint ("退款慢"). */
	TERM,

	/**
	 * A place ("New York", "浦东"): also found as a {@link EntityKind#PLACE}, in English
	 * too, where the dictionary is the only source of places.
	 */
	PLACE,

	/**
	 * An organisation ("Acme Corp", "顺丰"): also found as an
	 * {@link EntityKind#ORGANISATION}, in English too, where the dictionary is the only
	 * source of organisations.
	 */
	ORGANISATION

}
