package dev.parley.customers;

import java.time.Instant;

/**
 * A customer record was created or changed (profile, contacts, tags, level, attributes,
 * notes), so that what is derived from it (the search index, statistics) follows.
 */
public record CustomerChanged(long customerId, Instant at) {
}
