package dev.parley.platform;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Leases in the database: of all nodes of a cluster, at most one holds the lease of a
 * name at a time, for jobs that must not run on two nodes at once. A lease expires on its
 * own, so a node that dies mid-job does not block the others for longer than that.
 */
public interface Leases {

	/**
	 * Runs the job if this node gets (or already holds) the lease, and gives the lease up
	 * afterwards.
	 * @param duration how long the lease lasts at most; longer than the job ever takes
	 * @return whether the job ran here
	 */
	boolean runExclusively(String name, Duration duration, Runnable job);

	/**
	 * Takes the lease for this node (or extends it when this node holds it already), for
	 * a job that outlives the calling thread; give it back with {@link #release(String)}.
	 * @return whether this node holds the lease now
	 */
	boolean acquire(String name, Duration duration);

	/**
	 * Gives a lease this node holds back at once; does nothing for one it does not hold.
	 */
	void release(String name);

	/**
	 * Like {@link #runExclusively(String, Duration, Runnable)}, with the job's result.
	 * @return the job's result, or null when another node holds the lease
	 */
	default <T> T callExclusively(String name, Duration duration, Supplier<T> job) {
		Object[] result = new Object[1];
		runExclusively(name, duration, () -> result[0] = job.get());
		@SuppressWarnings("unchecked")
		T typed = (T) result[0];
		return typed;
	}

}
