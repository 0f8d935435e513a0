package dev.parley.conversations.realtime;

import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import dev.parley.platform.Correlation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * The two WebSocket endpoints. {@code /ws/staff} is only reached through the security
 * filter chain with a signed-in session and from Parley's own origin; {@code /ws/visitor}
 * accepts any origin (apps and mini programs connect too) and authenticates by the
 * visitor token in the first frame.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(RealtimeProperties.class)
class SocketHandlers implements WebSocketConfigurer {

	private final Gateway gateway;

	private final RealtimeProperties properties;

	private final MaintenanceClosing maintenance;

	SocketHandlers(Gateway gateway, RealtimeProperties properties, MaintenanceClosing maintenance) {
		this.gateway = gateway;
		this.properties = properties;
		this.maintenance = maintenance;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		DefaultHandshakeHandler handshakes = new DefaultHandshakeHandler(new UncompressedUpgrade());
		registry.addHandler(new Handler(false), "/ws/visitor")
			.setHandshakeHandler(handshakes)
			.addInterceptors(this.maintenance, new HandshakeAddress())
			.setAllowedOriginPatterns("*");
		registry.addHandler(new Handler(true), "/ws/staff")
			.setHandshakeHandler(handshakes)
			.addInterceptors(this.maintenance, new HttpSessionHandshakeInterceptor(List.of()), new HandshakeAddress());
	}

	@Bean
	static ServletServerContainerFactoryBean webSocketContainer(RealtimeProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		// The container allocates this buffer for every connection up front, so it stays
		// small; longer frames arrive in parts (supportsPartialMessages) and are put
		// together, up to the frame limit, by the connection.
		container.setMaxTextMessageBufferSize(READ_BUFFER_CHARS);
		container.setMaxBinaryMessageBufferSize(1024);
		container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis() + 30_000);
		return container;
	}

	/**
	 * Characters read per part of a frame: half of Tomcat's default (a chat frame is far
	 * shorter; a longer one arrives in more parts).
	 */
	static final int READ_BUFFER_CHARS = 4096;

	/**
	 * Upgrades without per-message compression, whatever the client offers. Browsers
	 * always offer {@code permessage-deflate}, and Tomcat would then keep a zlib
	 * compressor and decompressor for every socket (a few hundred KB of native memory
	 * each, idle or not) to shrink frames of a few hundred bytes. Tomcat negotiates
	 * extensions from the request's header on its own, so the header is hidden from it.
	 */
	static final class UncompressedUpgrade extends StandardWebSocketUpgradeStrategy {

		private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

		@Override
		public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String protocol,
				List<WebSocketExtension> extensions, Principal user, WebSocketHandler handler,
				Map<String, Object> attributes) {
			HttpServletRequest servlet = getHttpServletRequest(request);
			HttpServletRequest withoutExtensions = new HttpServletRequestWrapper(servlet) {

				@Override
				public String getHeader(String name) {
					return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
				}

			};
			super.upgrade(new ServletServerHttpRequest(withoutExtensions), response, protocol, List.of(), user, handler,
					attributes);
		}

	}

	private final class Handler extends TextWebSocketHandler {

		private final boolean staff;

		private final Map<String, Connection> connections = new ConcurrentHashMap<>();

		Handler(boolean staff) {
			this.staff = staff;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			Authentication authentication = null;
			if (this.staff) {
				if (!(session.getPrincipal() instanceof Authentication principal)
						|| !(principal.getPrincipal() instanceof dev.parley.identity.StaffPrincipal)) {
					closeQuietly(session, Gateway.UNAUTHENTICATED);
					return;
				}
				authentication = principal;
			}
			Object httpSession = session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
			Connection connection = new Connection(session, this.staff,
					(httpSession != null) ? httpSession.toString() : null, Gateway.now());
			this.connections.put(session.getId(), connection);
			SocketHandlers.this.gateway.opened(connection, authentication);
			// maintenance that began during the handshake: the closing may have missed it
			SocketHandlers.this.maintenance.closedForMaintenance(connection);
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			Connection connection = this.connections.get(session.getId());
			if (connection == null) {
				return;
			}
			String frame = connection.assemble(message.getPayload(), message.isLast(),
					(int) Math.min(Integer.MAX_VALUE - 1, SocketHandlers.this.properties.maxFrameBytes().toBytes()));
			if (frame != null) {
				// every line a frame causes carries a correlation id of its own
				Correlation.run(() -> SocketHandlers.this.gateway.receive(connection, frame));
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			Connection connection = this.connections.remove(session.getId());
			if (connection != null) {
				SocketHandlers.this.gateway.closed(connection);
			}
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			closeQuietly(session, CloseStatus.SERVER_ERROR);
		}

		private void closeQuietly(WebSocketSession session, CloseStatus status) {
			try {
				session.close(status);
			}
			catch (java.io.IOException ex) {
				// already gone
			}
		}

	}

}
