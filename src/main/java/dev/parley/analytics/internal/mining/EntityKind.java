package dev.parley.analytics.internal.mining;

/** The kinds of named things the analyzer finds in a text. */
public enum EntityKind {

	PERSON(true), PLACE(false), ORGANISATION(false), ORDER_NUMBER(false), PHONE(true), EMAIL(true), PRODUCT(false);

	private final boolean personal;

	EntityKind(boolean personal) {
		this.personal = personal;
	}

	/**
	 * Whether entities of this kind are personal data, counted but never stored or shown
	 * (people, phones, e-mail addresses). Order numbers are not personal data: they are
	 * stored per conversation and shown among the entities, but like every pattern match
	 * never among keywords, phrases or topics.
	 * @return whether it is personal data
	 */
	public boolean personal() {
		return this.personal;
	}

}
