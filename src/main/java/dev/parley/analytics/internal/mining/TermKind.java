package dev.parley.analytics.internal.mining;

/** What an entry of the {@link MiningDictionary} names. */
public enum TermKind {

	/**
	 * A product or product line ("小米手环8"): also found as a {@link EntityKind#PRODUCT}.
	 */
	PRODUCT,

	/** Any other word worth keeping whole: slang, a feature, a complaint ("退款慢"). */
	TERM

}
