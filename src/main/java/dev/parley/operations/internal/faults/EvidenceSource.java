package dev.parley.operations.internal.faults;

import java.time.Instant;

/**
 * A source of a fault's evidence: every bean of this type is asked when a fault is opened
 * (window: its start minus 15 minutes until then) and again when it is resolved (its
 * start minus 15 minutes until the resolution). A source that throws, or answers nothing
 * or no JSON object, adds nothing; the fault is saved all the same.
 */
public interface EvidenceSource {

	/**
	 * @return what this source captures, which says the payload's format
	 * ({@link EvidenceKind})
	 */
	EvidenceKind kind();

	/**
	 * @param from the window's start (inclusive)
	 * @param to the window's end (inclusive)
	 * @return a JSON object of the kind's format, small enough to keep (at most 1 MB)
	 */
	String capture(Instant from, Instant to);

}
