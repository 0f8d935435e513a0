/**
 * Operating Parley: health, metrics and build information for monitoring (R3.6, R6); the
 * administrators' self-check after an install or upgrade (R3.2), to which any module adds
 * a {@link dev.parley.operations.SelfCheck}; later alerts, fault records, backup and
 * restore.
 */
package dev.parley.operations;
