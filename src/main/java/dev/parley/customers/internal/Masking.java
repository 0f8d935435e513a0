package dev.parley.customers.internal;

import dev.parley.conversations.views.ContactMasks;

/**
 * Masks e-mail addresses and phone numbers for the API ({@code l***@example.com},
 * {@code +86 138****5678}), as live chat masks a visitor's.
 */
public final class Masking {

	private Masking() {
	}

	public static String mask(ContactKind kind, String value) {
		return (kind == ContactKind.EMAIL) ? ContactMasks.email(value) : ContactMasks.phone(value);
	}

}
