package dev.parley.customers.internal;

/** What happened to a customer record, as its timeline says. */
public enum CustomerEventKind {

	PROFILE_CHANGED, CONTACT_ADDED, CONTACT_REMOVED, TAGS_CHANGED, ATTRIBUTES_CHANGED, NOTE_ADDED, NOTE_EDITED,
	NOTE_DELETED, MERGED, BLOCKED, UNBLOCKED, SUGGESTION_DISMISSED

}
