package dev.parley.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Parley in a JVM of its own, started from the test's class path (the compiled
 * application and its dependencies), so a test can kill it as the operating system would
 * (SIGKILL) and start it again on the same data directory. Installed headless with a
 * known administrator; its output goes to {@code server.log} in the data directory.
 */
public final class ServerProcess implements AutoCloseable {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Crash-Proof-Passw0rd!";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path dataDir;

	private final int port;

	private final List<String> extraArgs;

	private Process process;

	private ServerProcess(Path dataDir, int port, List<String> extraArgs) {
		this.dataDir = dataDir;
		this.port = port;
		this.extraArgs = extraArgs;
	}

	/**
	 * Starts Parley on the embedded H2 database in {@code dataDir} and waits until the
	 * administrator can sign in.
	 */
	public static ServerProcess start(Path dataDir, String... extraArgs) {
		ServerProcess server = new ServerProcess(dataDir, freePort(), List.of(extraArgs));
		server.restart();
		return server;
	}

	/**
	 * Starts one node of a cluster (profile {@code cluster}) on a shared PostgreSQL or
	 * MariaDB database, Redis namespace and secret key, with Redis and RabbitMQ where
	 * {@link ExternalServices} finds them, and waits until the administrator can sign in
	 * on it. The first node started on an empty database installs it; {@code dataDir}
	 * holds only this node's log. Callers check the services first
	 * ({@link ExternalServices#requireRedis()},
	 * {@link ExternalServices#requireRabbitMq()}).
	 */
	public static ServerProcess clusterNode(Path dataDir, ExternalServices.TestDatabase database, String namespace,
			String secretKey, String... extraArgs) {
		String[] redis = ExternalServices.redisHost().split(":");
		String[] rabbit = ExternalServices.rabbitMqHost().split(":");
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=cluster",
				"--parley.secret-key=" + secretKey, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--spring.session.redis.namespace=" + namespace, "--parley.cluster-events.exchange=" + namespace,
				"--spring.data.redis.host=" + redis[0], "--spring.data.redis.port=" + redis[1],
				"--spring.rabbitmq.host=" + rabbit[0], "--spring.rabbitmq.port=" + rabbit[1]));
		args.addAll(List.of(extraArgs));
		ServerProcess server = new ServerProcess(dataDir, freePort(), args);
		server.restart();
		return server;
	}

	public int port() {
		return this.port;
	}

	/** Starts the process (again, after a kill) and waits until it serves. */
	public void restart() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("still running");
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
				"dev.parley.ParleyApplication", "--server.port=" + this.port, "--parley.data-dir=" + this.dataDir,
				"--parley.setup.admin-username=" + ADMIN, "--parley.setup.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN"));
		command.addAll(this.extraArgs);
		try {
			Files.createDirectories(this.dataDir);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("server.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		awaitServing();
	}

	/** A signed-in administrator of this server. */
	public ApiClient admin() {
		ApiClient admin = new ApiClient(this.port);
		ApiClient.Response login = admin.login(ADMIN, ADMIN_PASSWORD);
		if (login.status() != 200) {
			throw new AssertionError("admin sign-in: " + login);
		}
		return admin;
	}

	/**
	 * Kills the process without warning (SIGKILL: no shutdown hook, no flush) and waits
	 * until it is gone.
	 */
	public void kill() {
		try {
			this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the process as {@code systemctl stop} does (SIGTERM: Parley shuts down
	 * gracefully) and waits until it has exited.
	 * @return the exit status (143, 128 + SIGTERM, after a clean shutdown)
	 */
	public int stop() {
		try {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new AssertionError("Parley did not stop within 60 s of SIGTERM:\n" + log());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The server's output so far, for a failure message. */
	public String log() {
		try {
			List<String> lines = Files.readAllLines(this.dataDir.resolve("server.log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process != null) {
			kill();
		}
	}

	private void awaitServing() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			if (!this.process.isAlive()) {
				throw new AssertionError("Parley stopped while starting:\n" + log());
			}
			try {
				if (new ApiClient(this.port).login(ADMIN, ADMIN_PASSWORD).status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				kill();
				throw new AssertionError("Parley did not start within " + START_TIMEOUT + ":\n" + log());
			}
			try {
				this.process.waitFor(250, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** The test's class path without the test classes: the application and its jars. */
	private static String applicationClassPath() {
		String separator = System.getProperty("path.separator");
		return Arrays.stream(System.getProperty("java.class.path").split(separator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(separator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
