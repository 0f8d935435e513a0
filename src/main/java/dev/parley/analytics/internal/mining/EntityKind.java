package dev.parley.analytics.internal.mining;

/** The kinds of named things the analyzer finds in a text. */
public enum EntityKind {

	PERSON(true), PLACE(false), ORGANISATION(false), ORDER_NUMBER(true), PHONE(true), EMAIL(true), PRODUCT(false);

	private final boolean personal;

	EntityKind(boolean personal) {
		this.personal = personal;
	}

	/**
	 * Whether entities of this kind are personal data, which never appears among
	 * keywords, phrases or topics.
	 * @return whether it is personal data
	 */
	public boolean personal() {
		return this.personal;
	}

}
