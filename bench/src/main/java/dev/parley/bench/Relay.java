package dev.parley.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the least a chat server can do. A WebSocket server on the same container
 * as Parley (embedded Tomcat) with the same two paths; it reads each frame's type and
 * conversation, and passes {@code send} frames verbatim to the other side of that
 * conversation. No authentication, no storage, no ordering, no acknowledgements: the
 * limit of this machine for moving the same frames.
 *
 * <p>
 * Visitors say {@code {"type":"hello","token":"relay-<conversationId>"}} and get
 * {@code {"type":"ready"}}; agents connect to {@code /ws/staff?conversations=1,2,3}.
 */
public final class Relay {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<Long, Session> visitors = new ConcurrentHashMap<>();

	private static final Map<Long, Session> agents = new ConcurrentHashMap<>();

	private Relay() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		File base = Files.createTempDirectory("relay").toFile();
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(base.getAbsolutePath());
		tomcat.setPort(port);
		tomcat.getConnector().setProperty("maxConnections", "20000");
		Context context = tomcat.addContext("", base.getAbsolutePath());
		context.addServletContainerInitializer(new WsSci(), null);
		context.addApplicationListener(Endpoints.class.getName());
		// upgrades pass the WebSocket filter in front of a servlet: any servlet will do
		Tomcat.addServlet(context, "none", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "none");
		tomcat.start();
		System.out.println("relay listening on " + port);
		tomcat.getServer().await();
	}

	/** Registers the two endpoints once the container is up. */
	public static class Endpoints implements ServletContextListener {

		@Override
		public void contextInitialized(ServletContextEvent event) {
			ServerContainer container = (ServerContainer) event.getServletContext()
				.getAttribute(ServerContainer.class.getName());
			try {
				container
					.addEndpoint(ServerEndpointConfig.Builder.create(VisitorEndpoint.class, "/ws/visitor").build());
				container.addEndpoint(ServerEndpointConfig.Builder.create(StaffEndpoint.class, "/ws/staff").build());
			}
			catch (DeploymentException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public static class VisitorEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.addMessageHandler(new MessageHandler.Whole<String>() {
				@Override
				public void onMessage(String text) {
					JsonNode frame = json.readTree(text);
					switch (frame.path("type").asString()) {
						case "hello" -> {
							long id = Long.parseLong(frame.path("token").asString().substring("relay-".length()));
							visitors.put(id, session);
							session.getUserProperties().put("conversation", id);
							send(session, "{\"type\":\"ready\"}");
						}
						case "send" -> send(agents.get(frame.path("conversationId").asLong()), text);
						case "ping" -> send(session, "{\"type\":\"pong\"}");
						default -> {
						}
					}
				}
			});
		}

	}

	public static class StaffEndpoint extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			String ids = session.getRequestParameterMap().getOrDefault("conversations", java.util.List.of("")).get(0);
			for (String id : ids.split(",")) {
				if (!id.isBlank()) {
					agents.put(Long.parseLong(id), session);
				}
			}
			session.addMessageHandler(new MessageHandler.Whole<String>() {
				@Override
				public void onMessage(String text) {
					JsonNode frame = json.readTree(text);
					switch (frame.path("type").asString()) {
						case "send" -> send(visitors.get(frame.path("conversationId").asLong()), text);
						case "ping" -> send(session, "{\"type\":\"pong\"}");
						default -> {
						}
					}
				}
			});
		}

	}

	private static void send(Session to, String text) {
		if (to == null || !to.isOpen()) {
			return;
		}
		synchronized (to) {
			try {
				to.getBasicRemote().sendText(text);
			}
			catch (IOException ex) {
				// the other side went away; a relay does not care
			}
		}
	}

}
