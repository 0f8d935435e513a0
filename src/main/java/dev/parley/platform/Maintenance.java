package dev.parley.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Maintenance mode of the whole cluster: while it is active no node writes business data
 * (writes under {@code /api/} are answered 503 {@code maintenance}, scheduled jobs are
 * skipped, chat sockets are closed with 1012 and new ones refused). The state is one row
 * in the database, so every node, and a node started meanwhile, sees it; nodes learn of a
 * change at once through the {@link EventBus} and re-read the row every second.
 *
 * <p>
 * Exempt: endpoints marked {@link AllowedDuringMaintenance}, jobs marked
 * {@link RunsDuringMaintenance}, and the cluster's own bookkeeping (node heartbeats, this
 * state).
 */
public interface Maintenance {

	/**
	 * @return the active maintenance, if any (as this node last read it)
	 */
	Optional<Notice> current();

	/**
	 * @return whether maintenance is active (as this node last read it)
	 */
	default boolean active() {
		return current().isPresent();
	}

	/**
	 * Enters maintenance and waits until every alive node has confirmed (in the database)
	 * that it is quiet: new writes refused, running write requests and scheduled jobs
	 * finished, sockets closed. When it returns, no node writes any more.
	 * <p>
	 * Call it from an endpoint marked {@link AllowedDuringMaintenance}, a job marked
	 * {@link RunsDuringMaintenance} or a thread of one's own: from a write it would wait
	 * for (any other endpoint, job or module listener) it throws
	 * {@link IllegalStateException}.
	 * @param reason why
	 * @param message an optional message from the operator (at most
	 * {@link #MAX_MESSAGE_LENGTH} characters), shown to people
	 * @param actor who enters it (a username, or a job's name)
	 * @return the handle whose {@code close()} ends this maintenance (again)
	 * @throws ApiException 409 {@code maintenance_active} when maintenance is active
	 * already; 503 {@code maintenance_not_confirmed} (with {@code nodes}, the ids of the
	 * nodes that did not confirm) when not every node confirmed within
	 * {@code parley.maintenance.quiesce-timeout}: maintenance has then been ended again
	 */
	Handle enter(MaintenanceReason reason, String message, String actor);

	/**
	 * Runs a write that comes neither through HTTP nor the scheduler (a chat frame),
	 * unless maintenance is active; entering maintenance waits for writes running this
	 * way.
	 * @return whether it ran (false: maintenance is active, nothing was done)
	 */
	boolean runWrite(Runnable write);

	/**
	 * Ends the active maintenance, whoever entered it (an operator ending a manual one).
	 * @return whether one was active
	 */
	boolean end(String actor);

	/** The longest operator message. */
	int MAX_MESSAGE_LENGTH = 500;

	/**
	 * The active maintenance.
	 *
	 * @param reason why
	 * @param message the operator's message, or null
	 * @param since when it began
	 * @param by who began it
	 */
	record Notice(MaintenanceReason reason, String message, Instant since, String by) {
	}

	/** An entered maintenance; closing it ends it (once; later calls do nothing). */
	interface Handle extends AutoCloseable {

		@Override
		void close();

	}

}
