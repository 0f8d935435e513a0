package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Map;

import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceBegan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Maintenance mode on this node's sockets: when it begins, every open connection (visitor
 * and staff) gets a {@code maintenance} frame and is closed with 1012 (service restart);
 * while it lasts, new handshakes are refused (503). The platform raises
 * {@link MaintenanceBegan} on every node before the node confirms that it is quiet.
 */
@Component
class MaintenanceClosing implements HandshakeInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceClosing.class);

	/** What clients are told to wait before they try again, at least. */
	static final int RETRY_AFTER_SECONDS = 5;

	private final ConnectionRegistry registry;

	private final Frames frames;

	private final Maintenance maintenance;

	MaintenanceClosing(ConnectionRegistry registry, Frames frames, Maintenance maintenance) {
		this.registry = registry;
		this.frames = frames;
		this.maintenance = maintenance;
	}

	@EventListener
	void began(MaintenanceBegan began) {
		List<Connection> open = List.copyOf(this.registry.all());
		for (Connection connection : open) {
			closeForMaintenance(connection, began.notice());
		}
		logger.info("Maintenance: closed {} chat connection(s) of this node", open.size());
	}

	/**
	 * @return whether the connection was closed because maintenance is active
	 */
	boolean closedForMaintenance(Connection connection) {
		return this.maintenance.current().map((notice) -> {
			closeForMaintenance(connection, notice);
			return true;
		}).orElse(false);
	}

	private void closeForMaintenance(Connection connection, Maintenance.Notice notice) {
		this.frames.send(connection, new ServerFrame.Maintenance(notice.reason().name(), notice.message(),
				notice.since(), RETRY_AFTER_SECONDS));
		connection.close(CloseStatus.SERVICE_RESTARTED);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (this.maintenance.active()) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
			return false;
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
