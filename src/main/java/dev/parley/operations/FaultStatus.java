package dev.parley.operations;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a fault record is in its flow, and the one place that says which move is allowed:
 *
 * <pre>
 * REPORTED -> INVESTIGATING -> FIXING -> RECOVERING -> RESOLVED -> REVIEWED
 * REPORTED -> RESOLVED          a false alarm (note required)
 * FIXING -> INVESTIGATING       the fix did not touch the cause (note required)
 * RECOVERING -> FIXING          the recovery check failed (note required)
 * RESOLVED -> INVESTIGATING     it came back before the review (note required)
 * </pre>
 *
 * REVIEWED is final: a reviewed fault is part of the known issues.
 */
public enum FaultStatus {

	REPORTED, INVESTIGATING, FIXING, RECOVERING, RESOLVED, REVIEWED;

	/**
	 * @return the statuses this one may move to
	 */
	public Set<FaultStatus> next() {
		return switch (this) {
			case REPORTED -> EnumSet.of(INVESTIGATING, RESOLVED);
			case INVESTIGATING -> EnumSet.of(FIXING);
			case FIXING -> EnumSet.of(RECOVERING, INVESTIGATING);
			case RECOVERING -> EnumSet.of(RESOLVED, FIXING);
			case RESOLVED -> EnumSet.of(REVIEWED, INVESTIGATING);
			case REVIEWED -> Collections.emptySet();
		};
	}

	/**
	 * @return whether the move to {@code to} exists
	 */
	public boolean canMoveTo(FaultStatus to) {
		return next().contains(to);
	}

	/**
	 * @return whether the move back or aside needs a note saying why (a false alarm, a
	 * fix that did not help, a failed recovery check, a fault that came back)
	 */
	public boolean noteRequiredFor(FaultStatus to) {
		return to.ordinal() < ordinal() || (this == REPORTED && to == RESOLVED);
	}

}
