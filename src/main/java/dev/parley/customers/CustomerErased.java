package dev.parley.customers;

import java.time.Instant;

/**
 * A customer's personal data was erased (a data subject's request, or retention): his
 * record is emptied (name, company, contacts, attributes, notes, tags, identities) and
 * his transcripts anonymised. The record itself remains, marked erased, so that figures
 * and references stay whole.
 *
 * @param actor the staff member who asked for it, or null for retention
 */
public record CustomerErased(long customerId, String actor, Instant at) {
}
