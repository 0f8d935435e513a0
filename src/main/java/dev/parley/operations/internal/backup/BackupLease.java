package dev.parley.operations.internal.backup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.platform.Leases;

import org.springframework.stereotype.Component;

/**
 * At most one backup or restore at a time in the whole cluster: a flag for this node's
 * threads (a lease is held per node, so it alone would let two requests on one node both
 * through) and the database lease {@value #NAME} for the other nodes. A node that dies
 * holding it blocks the others for {@link #DURATION} at most.
 */
@Component
class BackupLease {

	static final String NAME = "backup";

	static final Duration DURATION = Duration.ofHours(2);

	private final AtomicBoolean taken = new AtomicBoolean();

	private final Leases leases;

	BackupLease(Leases leases) {
		this.leases = leases;
	}

	/**
	 * @return whether this caller holds it now; give it back with {@link #release()}
	 */
	boolean take() {
		if (!this.taken.compareAndSet(false, true)) {
			return false;
		}
		boolean acquired = false;
		try {
			acquired = this.leases.acquire(NAME, DURATION);
			return acquired;
		}
		finally {
			if (!acquired) {
				this.taken.set(false);
			}
		}
	}

	void release() {
		try {
			this.leases.release(NAME);
		}
		finally {
			this.taken.set(false);
		}
	}

}
