package dev.parley.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Access to the real services some tests need (PostgreSQL, MariaDB, Chromium). When a
 * service is absent the test is skipped with the reason printed; under {@code CI=true} it
 * fails instead, so CI never silently skips it.
 */
public final class ExternalServices {

	private ExternalServices() {
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Skips (locally) or fails (in CI) because a service is missing. */
	public static void unavailable(String service, String reason) {
		String message = service + " is not available (" + reason + ")";
		if (inCi()) {
			throw new IllegalStateException(message + "; CI=true, so this is a failure, not a skip");
		}
		System.out.println("SKIPPED: " + message);
		Assumptions.abort(message);
	}

	/** A fresh, empty PostgreSQL database for one test class. */
	public static TestDatabase postgres() {
		return postgres("ENCODING 'UTF8'");
	}

	/**
	 * A fresh, empty PostgreSQL database made with these options of
	 * {@code CREATE DATABASE} (e.g. an ICU collation).
	 */
	public static TestDatabase postgres(String options) {
		String host = env("PARLEY_TEST_POSTGRES_HOST", "127.0.0.1:5432");
		String admin = "jdbc:postgresql://" + host + "/postgres";
		String user = env("PARLEY_TEST_POSTGRES_USER", "postgres");
		String name = "parley_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(admin, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " " + options);
		}
		catch (SQLException ex) {
			unavailable("PostgreSQL at " + host, ex.getMessage());
		}
		return new TestDatabase("jdbc:postgresql://" + host + "/" + name, user, admin,
				"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	/** A fresh, empty MariaDB (or MySQL) database for one test class. */
	public static TestDatabase mariadb() {
		String host = env("PARLEY_TEST_MARIADB_HOST", "127.0.0.1:3306");
		String admin = "jdbc:mariadb://" + host + "/";
		String user = env("PARLEY_TEST_MARIADB_USER", "root");
		String name = "parley_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(admin, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
		catch (SQLException ex) {
			unavailable("MariaDB at " + host, ex.getMessage());
		}
		return new TestDatabase("jdbc:mariadb://" + host + "/" + name, user, admin, "DROP DATABASE IF EXISTS " + name);
	}

	/**
	 * Fails or skips unless Redis answers at PARLEY_TEST_REDIS_HOST (default
	 * 127.0.0.1:6379).
	 */
	public static void requireRedis() {
		String host = env("PARLEY_TEST_REDIS_HOST", "127.0.0.1:6379");
		String[] parts = host.split(":");
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
			socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			byte[] reply = new byte[7];
			int read = socket.getInputStream().read(reply);
			if (read < 5
					|| !new String(reply, 0, read, java.nio.charset.StandardCharsets.US_ASCII).startsWith("+PONG")) {
				unavailable("Redis at " + host, "no PONG");
			}
		}
		catch (java.io.IOException ex) {
			unavailable("Redis at " + host, ex.getMessage());
		}
	}

	/**
	 * Requires RabbitMQ (guest/guest, {@code PARLEY_TEST_RABBITMQ_HOST}, default
	 * 127.0.0.1:5672): its AMQP port answers the protocol header with its own.
	 */
	public static void requireRabbitMq() {
		String host = env("PARLEY_TEST_RABBITMQ_HOST", "127.0.0.1:5672");
		String[] parts = host.split(":");
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
			socket.setSoTimeout(3000);
			socket.getOutputStream().write(new byte[] { 'A', 'M', 'Q', 'P', 0, 0, 9, 1 });
			int first = socket.getInputStream().read();
			if (first < 0) {
				unavailable("RabbitMQ at " + host, "no answer to the AMQP header");
			}
		}
		catch (java.io.IOException ex) {
			unavailable("RabbitMQ at " + host, ex.getMessage());
		}
	}

	/**
	 * Where the tests find Redis: {@code PARLEY_TEST_REDIS_HOST}, default 127.0.0.1:6379.
	 */
	public static String redisHost() {
		return env("PARLEY_TEST_REDIS_HOST", "127.0.0.1:6379");
	}

	/**
	 * Where the tests find RabbitMQ: {@code PARLEY_TEST_RABBITMQ_HOST}, default
	 * 127.0.0.1:5672.
	 */
	public static String rabbitMqHost() {
		return env("PARLEY_TEST_RABBITMQ_HOST", "127.0.0.1:5672");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** A database made for a test, and how to remove it afterwards. */
	public record TestDatabase(String url, String username, String adminUrl, String dropStatement) {

		/**
		 * Starts a whole Parley node on this database (a random port, quiet logs, the
		 * first administrator {@code admin} with the given password).
		 */
		public org.springframework.context.ConfigurableApplicationContext node(String adminPassword) {
			return new org.springframework.boot.builder.SpringApplicationBuilder(dev.parley.ParleyApplication.class)
				.run("--server.port=0", "--spring.datasource.url=" + this.url,
						"--spring.datasource.username=" + this.username, "--spring.datasource.password=",
						"--logging.level.root=WARN", "--parley.setup.admin-username=admin",
						"--parley.setup.admin-password=" + adminPassword);
		}

		public void drop() {
			try (Connection connection = DriverManager.getConnection(this.adminUrl, this.username, "");
					Statement statement = connection.createStatement()) {
				statement.execute(this.dropStatement);
			}
			catch (SQLException ex) {
				System.out.println("Could not drop test database: " + ex.getMessage());
			}
		}

	}

}
