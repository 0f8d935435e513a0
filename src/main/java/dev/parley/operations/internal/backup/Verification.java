package dev.parley.operations.internal.backup;

/** The outcome of a backup's last verification. */
public enum Verification {

	NOT_VERIFIED, RUNNING, PASSED, FAILED

}
