package dev.parley.cluster;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import dev.parley.ParleyApplication;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real nodes of a cluster (profile {@code cluster}) on one PostgreSQL database, one
 * Redis and one RabbitMQ, installed headless with the administrator {@link #ADMIN}. They
 * are started once for the whole test run, by the first test class that registers the
 * {@link Extension}, shared by every cluster test class (each uses its own data), and
 * stopped when the run ends.
 *
 * <p>
 * Cached values live for an hour on these nodes, so a change seen on the other node
 * within a test's wait came through the event bus, not from an expired cache.
 */
final class TwoNodes implements AutoCloseable {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "Cluster-Passw0rd!";

	private final ExternalServices.TestDatabase database;

	private ConfigurableApplicationContext nodeA;

	private ConfigurableApplicationContext nodeB;

	private TwoNodes(ExternalServices.TestDatabase database) {
		this.database = database;
	}

	private static TwoNodes start() {
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		ExternalServices.requireRedis();
		ExternalServices.requireRabbitMq();
		TwoNodes nodes = new TwoNodes(database);
		try {
			String namespace = "parley-test-" + UUID.randomUUID();
			nodes.nodeA = nodes.node(namespace, "--parley.setup.admin-username=" + ADMIN,
					"--parley.setup.admin-password=" + ADMIN_PASSWORD);
			nodes.nodeB = nodes.node(namespace);
			return nodes;
		}
		catch (RuntimeException ex) {
			nodes.close();
			throw ex;
		}
	}

	private ConfigurableApplicationContext node(String namespace, String... extra) {
		String[] args = new String[] { "--server.port=0", "--spring.profiles.active=cluster",
				"--parley.secret-key=" + dev.parley.testing.TestSecrets.SECRET_KEY,
				"--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + this.database.username(), "--spring.datasource.password=",
				"--spring.session.redis.namespace=" + namespace, "--parley.cluster-events.exchange=" + namespace,
				"--parley.cache.time-to-live=1h", "--parley.rate-limits.redis-prefix=" + namespace + ":rate-limit:",
				"--logging.level.root=WARN" };
		String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(extra)).toArray(String[]::new);
		return new SpringApplicationBuilder(ParleyApplication.class).run(all);
	}

	int portA() {
		return port(this.nodeA);
	}

	int portB() {
		return port(this.nodeB);
	}

	<T> T beanOfA(Class<T> type) {
		return this.nodeA.getBean(type);
	}

	<T> T beanOfB(Class<T> type) {
		return this.nodeB.getBean(type);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Override
	public void close() {
		if (this.nodeA != null) {
			this.nodeA.close();
		}
		if (this.nodeB != null) {
			this.nodeB.close();
		}
		this.database.drop();
	}

	/**
	 * Gives a test class the shared nodes (started by the first class that asks for
	 * them); skips the class (fails it in CI) when a service is missing.
	 */
	static final class Extension implements BeforeAllCallback {

		private TwoNodes nodes;

		@Override
		public void beforeAll(ExtensionContext context) {
			this.nodes = context.getRoot()
				.getStore(ExtensionContext.Namespace.create(TwoNodes.class))
				.computeIfAbsent(TwoNodes.class, (key) -> start(), TwoNodes.class);
		}

		int portA() {
			return this.nodes.portA();
		}

		int portB() {
			return this.nodes.portB();
		}

		/** A bean of node A, for a test that calls a scheduled job at once. */
		<T> T beanOfA(Class<T> type) {
			return this.nodes.beanOfA(type);
		}

		<T> T beanOfB(Class<T> type) {
			return this.nodes.beanOfB(type);
		}

	}

}
