package dev.parley.conversations.realtime;

import java.net.InetSocketAddress;
import java.util.Map;

import dev.parley.platform.ClientAddress;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the client address of the handshake with the socket (the request is gone when
 * frames arrive), so that what the socket does is reported for its address.
 */
final class HandshakeAddress implements HandshakeInterceptor {

	static final String ATTRIBUTE = HandshakeAddress.class.getName();

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = ClientAddress.current();
		if (address == null) {
			InetSocketAddress remote = request.getRemoteAddress();
			address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		}
		if (address != null) {
			attributes.put(ATTRIBUTE, address);
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
