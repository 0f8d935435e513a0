package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Objects;

import dev.parley.conversations.internal.ChatEvents;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.EventBus;
import dev.parley.platform.SourceGate;
import dev.parley.platform.SourceVerdict;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.TextMessage;

/**
 * Keeps this node's connections honest: closes those that never said hello or went
 * silent, and re-checks staff connections when their access changes. A change of a staff
 * member's password, permissions or account reaches every node through the live bus right
 * after it commits, and ends or narrows their connections there at once (close code
 * 4403); a periodic re-check is the safety net. A blocked address's connections close on
 * every node as the block commits, and the sweep closes those the gate refuses by then (a
 * deny-list range, the console's networks) (code 1008).
 */
@Component
class ConnectionWatch {

	private static final long HELLO_TIMEOUT_MILLIS = 10_000;

	private static final long STAFF_RECHECK_MILLIS = 30_000;

	private final ConnectionRegistry registry;

	private final Gateway gateway;

	private final RealtimeProperties properties;

	private final EventBus bus;

	private final Frames frames;

	private final ObjectProvider<SourceGate> gate;

	private final List<EventBus.Subscription> subscriptions;

	ConnectionWatch(ConnectionRegistry registry, Gateway gateway, Frames frames, RealtimeProperties properties,
			EventBus bus, ObjectProvider<SourceGate> gate) {
		this.registry = registry;
		this.gateway = gateway;
		this.frames = frames;
		this.properties = properties;
		this.bus = bus;
		this.gate = gate;
		this.subscriptions = List.of(bus.subscribe(ChatEvents.StaffAccessChanged.class, this::onAccessChanged),
				bus.subscribe(EventBus.Resynchronise.class, this::onResynchronise),
				bus.subscribe(SourceGate.Blocked.class, this::onBlocked));
	}

	@PreDestroy
	void stop() {
		this.subscriptions.forEach(EventBus.Subscription::close);
	}

	/**
	 * Live events may have been missed on this node (its broker connection came back):
	 * every client is asked to {@code sync} what it shows.
	 */
	private void onResynchronise(EventBus.Resynchronise event) {
		TextMessage frame = this.frames.text(new ServerFrame.Resync());
		for (Connection connection : this.registry.all()) {
			if (connection.authenticated()) {
				connection.send(frame);
			}
		}
	}

	/** Passes an identity change to every node once it has committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(StaffAccessChanged event) {
		boolean end = switch (event.reason()) {
			case PASSWORD_CHANGED, PASSWORD_RESET, DISABLED, DELETED, PERMISSIONS_REVOKED, SIGNED_OUT, SESSION_ENDED,
					SESSIONS_ENDED, TWO_FACTOR_RESET ->
				true;
			case ROLE_CHANGED, PERMISSIONS_CHANGED, ROLE_PERMISSIONS_CHANGED -> false;
		};
		this.bus.publish(new ChatEvents.StaffAccessChanged(event.userIds(), end, event.sessionId()));
	}

	private void onAccessChanged(ChatEvents.StaffAccessChanged event) {
		for (Long userId : event.userIds()) {
			List<Connection> connections = this.registry.staffOf(userId);
			for (Connection connection : connections) {
				if (event.sessionId() != null && !Objects.equals(event.sessionId(), connection.httpSessionId())) {
					continue;
				}
				if (event.end()) {
					connection.close(Gateway.REVOKED);
				}
				else {
					this.gateway.refreshStaff(connection);
				}
			}
		}
	}

	/** An address was blocked on some node: its connections here close at once. */
	private void onBlocked(SourceGate.Blocked event) {
		for (Connection connection : this.registry.all()) {
			if (event.address().equals(ClientAddress.canonical(connection.address()))) {
				connection.close(Gateway.SOURCE_REFUSED);
			}
		}
	}

	/**
	 * @return whether the gate refuses the connection's address now (a block, the deny
	 * list, or for staff the console's networks): the sweep's check of what
	 * {@link #onBlocked} does not announce
	 */
	private boolean refused(SourceGate gate, Connection connection) {
		String address = connection.address();
		if (gate == null || address == null) {
			return false;
		}
		SourceVerdict verdict = gate.verdict(address, connection.staff());
		return verdict == SourceVerdict.BLOCKED || verdict == SourceVerdict.OUTSIDE_NETWORKS;
	}

	@Scheduled(fixedDelay = 5_000)
	void sweep() {
		long now = Gateway.now();
		long idle = this.properties.idleTimeout().toMillis();
		SourceGate gate = this.gate.getIfAvailable();
		for (Connection connection : this.registry.all()) {
			if (refused(gate, connection)) {
				connection.close(Gateway.SOURCE_REFUSED);
			}
			else if (connection.sendStuck(now)) {
				// a write the container has not finished (and not failed) in time, or a
				// close still waiting for its frames after a second
				connection.close(CloseStatus.SESSION_NOT_RELIABLE);
			}
			else if (!connection.authenticated() && now - connection.lastActivity() > HELLO_TIMEOUT_MILLIS) {
				connection.close(Gateway.UNAUTHENTICATED);
			}
			else if (now - connection.lastActivity() > idle) {
				connection.close(Gateway.IDLE);
			}
			else if (connection.staff() && connection.authenticated()
					&& now - connection.actorCheckedAt() >= STAFF_RECHECK_MILLIS) {
				this.gateway.refreshStaff(connection);
			}
		}
	}

}
