/**
 * Operating Parley: health, metrics and build information for monitoring (R3.6, R6);
 * later alerts, fault records, backup and restore.
 */
package dev.parley.operations;
