package dev.parley.tickets.internal.sla;

/**
 * One row of {@code ticket_sla_clock}, times in epoch milliseconds: the working time used
 * before {@code runningSince}, the due time while running, when it was met, warned about
 * and breached, and when the sweep looks at it next.
 */
record SlaClock(long ticketId, SlaTarget target, long policyId, long startedAt, Long dueAt, long usedMs,
		Long runningSince, Long metAt, Long warnedAt, Long breachedAt, Long alertAt) {

	boolean running() {
		return this.runningSince != null;
	}

	boolean met() {
		return this.metAt != null;
	}

	ClockState state() {
		if (this.breachedAt != null) {
			return ClockState.BREACHED;
		}
		if (this.metAt != null) {
			return ClockState.MET;
		}
		return running() ? ClockState.RUNNING : ClockState.PAUSED;
	}

	/** A new clock, paused until something starts it. */
	static SlaClock fresh(long ticketId, SlaTarget target, long policyId, long at) {
		return new SlaClock(ticketId, target, policyId, at, null, 0, null, null, null, null, null);
	}

	SlaClock withPolicy(long id) {
		return new SlaClock(this.ticketId, this.target, id, this.startedAt, this.dueAt, this.usedMs, this.runningSince,
				this.metAt, this.warnedAt, this.breachedAt, this.alertAt);
	}

	/** Stopped (paused or met) with this much working time used. */
	SlaClock stopped(long used, Long metAt, Long breachedAt) {
		return new SlaClock(this.ticketId, this.target, this.policyId, this.startedAt, null, used, null, metAt,
				this.warnedAt, breachedAt, null);
	}

	SlaClock runningFrom(long since, Long dueAt, Long alertAt) {
		return new SlaClock(this.ticketId, this.target, this.policyId, this.startedAt, dueAt, this.usedMs, since, null,
				this.warnedAt, this.breachedAt, alertAt);
	}

}
