package dev.parley.security;

import java.time.Instant;

/** An administrator lifted a block before it ended. */
public record SourceBlockLifted(long blockId, String address, Instant at, String actor) {
}
