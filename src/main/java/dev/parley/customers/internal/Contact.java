package dev.parley.customers.internal;

import java.time.Instant;

/**
 * An e-mail address or phone number of a customer, opened.
 *
 * @param verified whether the customer proved it is his (the portal's verification, a
 * website vouching for it); only verified ones link visitors
 */
public record Contact(long id, long customerId, ContactKind kind, String value, boolean verified, Instant createdAt) {
}
