package dev.parley.customers;

import java.time.Instant;

/**
 * Two customer records were one person: {@code mergedId}'s history now lives under
 * {@code survivorId}, and {@code mergedId} only points there.
 *
 * @param actor the username who merged them; null when Parley did (a visitor vouched for
 * by the website whose anonymous record had nothing else)
 */
public record CustomersMerged(long survivorId, long mergedId, String actor, Instant at) {
}
