package dev.parley.platform.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.parley.platform.EventBus;
import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceBegan;
import dev.parley.platform.MaintenanceEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How one node follows the maintenance state in the database: it reads it when told
 * through the event bus and every {@code refresh-interval} anyway, on a thread of its
 * own. On a maintenance it has not seen, it closes its {@link QuietGate}, raises
 * {@link MaintenanceBegan} (the realtime gateway closes its sockets), waits until its
 * admitted writes and jobs have finished and confirms that in its {@code cluster_node}
 * row; when the maintenance is over it opens the gate and raises
 * {@link MaintenanceEnded}.
 */
@Component
class MaintenanceWatch implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceWatch.class);

	private final MaintenanceRepository states;

	private final ClusterNodeRepository nodes;

	private final NodeRegistry registry;

	private final QuietGate gate;

	private final EventBus bus;

	private final ApplicationEventPublisher events;

	private final MaintenanceProperties properties;

	/** The generation the gate was closed for (guarded by this). */
	private long closedGeneration = -1;

	/** The generation this node confirmed last. */
	private volatile long acknowledged = -1;

	private volatile ScheduledExecutorService executor;

	private boolean failing;

	private EventBus.Subscription subscription;

	MaintenanceWatch(MaintenanceRepository states, ClusterNodeRepository nodes, NodeRegistry registry, QuietGate gate,
			EventBus bus, ApplicationEventPublisher events, MaintenanceProperties properties) {
		this.states = states;
		this.nodes = nodes;
		this.registry = registry;
		this.gate = gate;
		this.bus = bus;
		this.events = events;
		this.properties = properties;
	}

	/** Reads the state again soon, on the watch's thread. */
	void refreshSoon() {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.execute(this::refreshQuietly);
		}
	}

	private void refreshQuietly() {
		try {
			refresh();
			this.failing = false;
		}
		catch (RuntimeException ex) {
			// once per outage, not every second
			if (!this.failing) {
				this.failing = true;
				logger.warn("Could not read the maintenance state: {}", ex.toString());
			}
		}
	}

	/** Reads the state, follows it, and confirms a maintenance once quiet. */
	void refresh() {
		MaintenanceRepository.State state = this.states.load();
		boolean confirm = apply(state);
		if (confirm && this.gate.awaitQuiet(this.properties.quiesceTimeout(), () -> stillClosedFor(state))) {
			this.nodes.acknowledge(this.registry.id(), state.generation());
			this.acknowledged = state.generation();
		}
	}

	/**
	 * Follows a state read from the database (or just written by this node).
	 * @return whether this node still has to confirm the state's maintenance
	 */
	synchronized boolean apply(MaintenanceRepository.State state) {
		if (state.active()) {
			if (this.closedGeneration != state.generation()) {
				this.closedGeneration = state.generation();
				this.gate.close(state.notice());
				logger.info("Maintenance ({}) began; refusing writes", state.notice().reason());
				this.events.publishEvent(new MaintenanceBegan(state.notice()));
			}
			return this.acknowledged < state.generation();
		}
		Maintenance.Notice ended = this.gate.closedFor();
		if (ended != null) {
			this.gate.open();
			this.closedGeneration = -1;
			logger.info("Maintenance ({}) ended; accepting writes", ended.reason());
			this.events.publishEvent(new MaintenanceEnded(ended.reason()));
		}
		return false;
	}

	private synchronized boolean stillClosedFor(MaintenanceRepository.State state) {
		return this.closedGeneration == state.generation();
	}

	/** Tells every node (this one too) to read the state now. */
	void announce(long generation) {
		this.bus.publish(new MaintenanceChanged(generation));
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "parley-maintenance");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = started;
		this.subscription = this.bus.subscribe(MaintenanceChanged.class, (changed) -> refreshSoon());
		// the first read at once, so a node started during maintenance refuses writes
		// before it serves its first request
		refreshQuietly();
		long every = this.properties.refreshInterval().toMillis();
		started.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.subscription != null) {
			this.subscription.close();
		}
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * After the node registry (the confirmation goes into its row), before the web
	 * server.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 2000;
	}

}
