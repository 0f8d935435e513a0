package dev.parley.platform.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.parley.platform.Maintenance;

import org.springframework.stereotype.Component;

/**
 * This node's side of maintenance mode: whether it admits writes (HTTP write requests,
 * scheduled jobs), and how many admitted ones are still running, together with the
 * asynchronous work (module listeners) that earlier writes started. Admission counts
 * first and looks at the gate second, while closing sets the gate first and waits for the
 * count second (both on volatile/atomic state), so no write slips past a closing gate
 * unseen.
 */
@Component
class QuietGate {

	private final AtomicInteger writes = new AtomicInteger();

	private final AtomicInteger jobs = new AtomicInteger();

	/** Asynchronous work (module listeners) started before: never refused, waited for. */
	private final AtomicInteger background = new AtomicInteger();

	private volatile Maintenance.Notice closedFor;

	/** How many counted things this thread is inside (a listener run by a request...). */
	private final ThreadLocal<int[]> countedHere = ThreadLocal.withInitial(() -> new int[1]);

	/**
	 * @return whether a write request may go on; if so, {@link #writeDone()} follows
	 */
	boolean admitWrite() {
		return admit(this.writes);
	}

	void writeDone() {
		leave(this.writes);
	}

	/**
	 * @return whether a scheduled run may go on; if so, {@link #jobDone()} follows
	 */
	boolean admitJob() {
		return admit(this.jobs);
	}

	void jobDone() {
		leave(this.jobs);
	}

	void backgroundStarted() {
		this.background.incrementAndGet();
		this.countedHere.get()[0]++;
	}

	void backgroundDone() {
		leave(this.background);
	}

	/**
	 * @return whether this thread runs counted work, which entering maintenance would
	 * wait for, so it must not enter maintenance itself
	 */
	boolean countedOnThisThread() {
		return this.countedHere.get()[0] > 0;
	}

	private void leave(AtomicInteger running) {
		running.decrementAndGet();
		this.countedHere.get()[0]--;
	}

	private boolean admit(AtomicInteger running) {
		running.incrementAndGet();
		if (this.closedFor != null) {
			running.decrementAndGet();
			return false;
		}
		this.countedHere.get()[0]++;
		return true;
	}

	void close(Maintenance.Notice notice) {
		this.closedFor = notice;
	}

	void open() {
		this.closedFor = null;
	}

	/**
	 * @return the maintenance the gate is closed for, or null while it is open
	 */
	Maintenance.Notice closedFor() {
		return this.closedFor;
	}

	int running() {
		return this.writes.get() + this.jobs.get() + this.background.get();
	}

	/**
	 * Waits until no admitted write or job runs any more.
	 * @param stillWanted asked while waiting; waiting stops (false) once it is false
	 * @return whether the node is quiet
	 */
	boolean awaitQuiet(Duration timeout, BooleanSupplier stillWanted) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (running() > 0) {
			if (System.nanoTime() > deadline || !stillWanted.getAsBoolean()) {
				return false;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return stillWanted.getAsBoolean();
	}

}
