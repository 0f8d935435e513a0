package dev.parley.platform.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.platform.ApiException;
import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enters and ends maintenance: a compare-and-set on the state row (committed at once, in
 * a transaction of its own), news to every node through the event bus, and, on entering,
 * waiting until every alive node has confirmed in its {@code cluster_node} row that it is
 * quiet.
 */
@Component
class MaintenanceMode implements Maintenance {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceMode.class);

	private final MaintenanceRepository states;

	private final MaintenanceWatch watch;

	private final NodeRegistry registry;

	private final QuietGate gate;

	private final MaintenanceProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MaintenanceMode(MaintenanceRepository states, MaintenanceWatch watch, NodeRegistry registry, QuietGate gate,
			MaintenanceProperties properties, TransactionTemplate transactions, Clock clock) {
		this.states = states;
		this.watch = watch;
		this.registry = registry;
		this.gate = gate;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
		this.clock = clock;
	}

	@Override
	public Optional<Notice> current() {
		return Optional.ofNullable(this.gate.closedFor());
	}

	@Override
	public Handle enter(MaintenanceReason reason, String message, String actor) {
		if (reason == null) {
			throw ApiException.invalid("reason", "must be present");
		}
		String text = (message == null || message.isBlank()) ? null : message.strip();
		if (text != null && text.length() > MAX_MESSAGE_LENGTH) {
			throw ApiException.invalid("message", "must be at most " + MAX_MESSAGE_LENGTH + " characters");
		}
		if (this.gate.countedOnThisThread()) {
			throw new IllegalStateException("Maintenance entered from a write that it would wait for: mark the "
					+ "endpoint @AllowedDuringMaintenance or the job @RunsDuringMaintenance");
		}
		Notice notice = new Notice(reason, text, this.clock.instant(), actor);
		long generation = this.transactions.execute((tx) -> this.states.begin(notice))
			.orElseThrow(() -> ApiException.conflict("maintenance_active", "Maintenance is active already"));
		logger.info("Maintenance ({}) entered by {}; waiting for every node to be quiet", reason, actor);
		this.watch.announce(generation);
		this.watch.refreshSoon();
		List<String> unconfirmed = awaitConfirmations(generation);
		if (!unconfirmed.isEmpty()) {
			end(generation);
			logger.warn("Maintenance ({}) given up: nodes {} did not confirm within {}", reason, unconfirmed,
					this.properties.quiesceTimeout());
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "maintenance_not_confirmed",
					"Not every node stopped writing in time: " + String.join(", ", unconfirmed))
				.with("nodes", unconfirmed);
		}
		AtomicBoolean closed = new AtomicBoolean();
		return () -> {
			if (closed.compareAndSet(false, true)) {
				end(generation);
			}
		};
	}

	/**
	 * @return the nodes (id and host) alive and not confirmed when the time was up; empty
	 * when all confirmed
	 */
	private List<String> awaitConfirmations(long generation) {
		long deadline = System.nanoTime() + this.properties.quiesceTimeout().toNanos();
		while (true) {
			List<ClusterNodeRepository.NodeRow> alive = this.registry.aliveRows();
			List<String> waiting = alive.stream()
				.filter((node) -> node.maintenanceAck() < generation)
				.map((node) -> node.id() + " (" + node.host() + ")")
				.toList();
			boolean thisNodeListed = alive.stream().anyMatch((node) -> node.id().equals(this.registry.id()));
			if (waiting.isEmpty() && thisNodeListed) {
				return List.of();
			}
			if (System.nanoTime() > deadline) {
				return waiting.isEmpty() ? List.of(this.registry.id()) : waiting;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return waiting;
			}
		}
	}

	@Override
	public boolean runWrite(Runnable write) {
		if (!this.gate.admitWrite()) {
			return false;
		}
		try {
			write.run();
			return true;
		}
		finally {
			this.gate.writeDone();
		}
	}

	@Override
	public boolean end(String actor) {
		MaintenanceRepository.State state = this.states.load();
		if (!state.active()) {
			return false;
		}
		boolean ended = end(state.generation());
		if (ended) {
			logger.info("Maintenance ({}) ended by {}", state.notice().reason(), actor);
		}
		return ended;
	}

	private boolean end(long generation) {
		boolean ended = Boolean.TRUE.equals(this.transactions.execute((tx) -> this.states.end(generation)));
		// this node follows at once; the others when the news (or their next read)
		// arrives
		this.watch.apply(this.states.load());
		this.watch.announce(generation);
		return ended;
	}

	/** For the API: a problem's properties naming the maintenance. */
	static Map<String, Object> describe(Notice notice) {
		return Map.of("reason", notice.reason().name(), "since", notice.since().toString());
	}

}
