package dev.parley.conversations.realtime;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.conversations.LiveConnections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The open connections of this node and the conversations each follows. Joining and
 * leaving a conversation are atomic per conversation: a connection that joins while
 * another leaves is never added to a set that is being removed, so it never misses live
 * frames until it reconnects.
 */
@Component
class ConnectionRegistry implements LiveConnections {

	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

	/**
	 * The staff connections among them: fan-out to "everyone who may take a waiting
	 * conversation" walks these, never the (many more) visitor sockets.
	 */
	private final Set<Connection> staffConnections = ConcurrentHashMap.newKeySet();

	/** Visitor connections by visitor, to join conversations the visitor starts. */
	private final Map<Long, Set<Connection>> visitorsById = new ConcurrentHashMap<>();

	/** Visitor connections by conversation. */
	private final Map<Long, Set<Connection>> visitorsByConversation = new ConcurrentHashMap<>();

	/** Staff connections following a conversation. */
	private final Map<Long, Set<Connection>> staffByConversation = new ConcurrentHashMap<>();

	ConnectionRegistry(MeterRegistry meters) {
		Gauge.builder("parley.realtime.connections", this, (registry) -> registry.staffConnections.size())
			.description("Open WebSocket connections of this node")
			.tag("side", "staff")
			.register(meters);
		Gauge
			.builder("parley.realtime.connections", this,
					(registry) -> Math.max(0, registry.connections.size() - registry.staffConnections.size()))
			.description("Open WebSocket connections of this node")
			.tag("side", "visitor")
			.register(meters);
	}

	void opened(Connection connection) {
		this.connections.add(connection);
		if (connection.staff()) {
			this.staffConnections.add(connection);
		}
	}

	/** Registers an authenticated visitor connection under its visitor. */
	void visitorAuthenticated(Connection connection) {
		add(this.visitorsById, connection.visitor().visitorId(), connection);
	}

	/**
	 * Forgets a closed connection.
	 * @return the conversations in which it was its side's last connection (a visitor's
	 * presence ends there)
	 */
	List<Long> closed(Connection connection) {
		this.connections.remove(connection);
		this.staffConnections.remove(connection);
		if (connection.visitor() != null) {
			remove(this.visitorsById, connection.visitor().visitorId(), connection);
		}
		return List.copyOf(connection.conversations).stream().filter((id) -> leave(connection, id)).toList();
	}

	/**
	 * Makes the connection receive a conversation's live events.
	 * @return whether it is the first connection of its side there (for a visitor, the
	 * visitor just came online in it)
	 */
	boolean join(Connection connection, long conversationId) {
		if (!connection.conversations.add(conversationId)) {
			return false;
		}
		return add(connection.staff() ? this.staffByConversation : this.visitorsByConversation, conversationId,
				connection);
	}

	/**
	 * Stops a connection receiving a conversation's live events.
	 * @return whether it was the last connection of its side there
	 */
	boolean leave(Connection connection, long conversationId) {
		if (!connection.conversations.remove(conversationId)) {
			return false;
		}
		return remove(connection.staff() ? this.staffByConversation : this.visitorsByConversation, conversationId,
				connection);
	}

	Set<Connection> all() {
		return this.connections;
	}

	Set<Connection> staff() {
		return this.staffConnections;
	}

	Set<Connection> visitorsIn(long conversationId) {
		return this.visitorsByConversation.getOrDefault(conversationId, Set.of());
	}

	Set<Connection> staffIn(long conversationId) {
		return this.staffByConversation.getOrDefault(conversationId, Set.of());
	}

	Set<Connection> visitorConnections(long visitorId) {
		return this.visitorsById.getOrDefault(visitorId, Set.of());
	}

	/** The open staff connections of one user. */
	List<Connection> staffOf(long userId) {
		return this.staffConnections.stream().filter((c) -> c.actor() != null && c.actor().id() == userId).toList();
	}

	int size() {
		return this.connections.size();
	}

	@Override
	public Set<Long> connectedStaff() {
		Set<Long> ids = new HashSet<>();
		for (Connection connection : this.staffConnections) {
			if (connection.actor() != null && connection.open()) {
				ids.add(connection.actor().id());
			}
		}
		return ids;
	}

	/**
	 * @return whether the set was empty before
	 */
	private static boolean add(Map<Long, Set<Connection>> map, long key, Connection connection) {
		boolean[] first = new boolean[1];
		map.compute(key, (k, set) -> {
			Set<Connection> members = (set != null) ? set : ConcurrentHashMap.newKeySet();
			first[0] = members.isEmpty();
			members.add(connection);
			return members;
		});
		return first[0];
	}

	/**
	 * @return whether the set became empty (and was removed)
	 */
	private static boolean remove(Map<Long, Set<Connection>> map, long key, Connection connection) {
		boolean[] emptied = new boolean[1];
		map.computeIfPresent(key, (k, set) -> {
			set.remove(connection);
			emptied[0] = set.isEmpty();
			return emptied[0] ? null : set;
		});
		return emptied[0];
	}

}
