package dev.parley.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database users of docs/deployment.md, with the exact statements that page gives: a
 * schema owner that Flyway migrates as, and a runtime user with nothing but
 * SELECT/INSERT/UPDATE/DELETE (and sequence usage on PostgreSQL). Parley installs, chats
 * and records its module events as the runtime user, which cannot change the schema.
 */
@Timeout(180)
class DatabaseUsersTests {

	private static final String OWNER_PASSWORD = "Owner-Passw0rd";

	private static final String APP_PASSWORD = "App-Passw0rd";

	@TempDir
	Path dir;

	@Test
	void parleyRunsOnPostgresAsALeastPrivilegeUserWhileFlywayMigratesAsTheOwner() throws SQLException {
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "parley_owner_" + suffix;
		String app = "parley_app_" + suffix;
		String name = database.url().substring(database.url().lastIndexOf('/') + 1);
		try {
			// as the PostgreSQL superuser, before Parley's first start
			// (docs/deployment.md)
			execute(database.adminUrl(), database.username(),
					"CREATE ROLE " + owner + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'",
					"CREATE ROLE " + app + " LOGIN PASSWORD '" + APP_PASSWORD + "'",
					"ALTER DATABASE " + name + " OWNER TO " + owner, "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
					"GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + app);
			execute(database.url(), database.username(), "ALTER SCHEMA public OWNER TO " + owner,
					"REVOKE CREATE ON SCHEMA public FROM PUBLIC", "GRANT USAGE ON SCHEMA public TO " + app,
					"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
							+ " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app,
					"ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
							+ " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + app);

			try (ServerProcess parley = ServerProcess.start(this.dir, "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + app, "--spring.datasource.password=" + APP_PASSWORD,
					"--spring.flyway.user=" + owner, "--spring.flyway.password=" + OWNER_PASSWORD)) {
				chat(parley);
				assertModuleEventsCompleted(database);
			}
			assertThat(count(database,
					"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '" + owner + "'"))
				.as("tables not owned by the migration user")
				.isZero();
			for (String change : List.of("DROP TABLE conversation", "TRUNCATE chat_message",
					"ALTER TABLE chat_message ADD x INT", "CREATE TABLE intruder (id INT)")) {
				assertThatThrownBy(() -> executeAs(database.url(), app, APP_PASSWORD, change)).as(change)
					.isInstanceOf(SQLException.class)
					.hasMessageMatching("(?s).*(permission denied|must be owner).*");
			}
		}
		finally {
			database.drop();
			execute(database.adminUrl(), database.username(), "DROP ROLE IF EXISTS " + app,
					"DROP ROLE IF EXISTS " + owner);
		}
	}

	@Test
	void parleyRunsOnMariaDbAsALeastPrivilegeUserWhileFlywayMigratesAsTheOwner() throws SQLException {
		ExternalServices.TestDatabase database = ExternalServices.mariadb();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String owner = "parley_owner_" + suffix;
		String app = "parley_app_" + suffix;
		String name = database.url().substring(database.url().lastIndexOf('/') + 1);
		try {
			// as MariaDB's root, before Parley's first start (docs/deployment.md; '%'
			// here
			// stands for the nodes' network)
			execute(database.adminUrl(), database.username(),
					"CREATE USER '" + owner + "'@'%' IDENTIFIED BY '" + OWNER_PASSWORD + "'",
					"GRANT ALL PRIVILEGES ON " + name + ".* TO '" + owner + "'@'%'",
					"CREATE USER '" + app + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'",
					"GRANT SELECT, INSERT, UPDATE, DELETE ON " + name + ".* TO '" + app + "'@'%'");
			try (ServerProcess parley = ServerProcess.start(this.dir, "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + app, "--spring.datasource.password=" + APP_PASSWORD,
					"--spring.flyway.user=" + owner, "--spring.flyway.password=" + OWNER_PASSWORD)) {
				chat(parley);
				assertModuleEventsCompleted(database);
			}
			for (String change : List.of("DROP TABLE conversation", "TRUNCATE chat_message",
					"ALTER TABLE chat_message ADD x INT", "CREATE TABLE intruder (id INT)")) {
				assertThatThrownBy(() -> executeAs(database.url(), app, APP_PASSWORD, change)).as(change)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("denied");
			}
		}
		finally {
			database.drop();
			execute(database.adminUrl(), database.username(), "DROP USER IF EXISTS '" + app + "'@'%'",
					"DROP USER IF EXISTS '" + owner + "'@'%'");
		}
	}

	/**
	 * The module listeners ran as the runtime user: their publications were stored and
	 * marked completed.
	 */
	private static void assertModuleEventsCompleted(ExternalServices.TestDatabase database) {
		Eventually.until("module events completed", () -> {
			try {
				return count(database, "SELECT count(*) FROM EVENT_PUBLICATION WHERE completion_date IS NOT NULL") > 0;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * A visitor writes, an agent takes the conversation and answers: writes to most of
	 * the chat's tables and, through the module listeners, to the event publication
	 * table.
	 */
	private static void chat(ServerProcess parley) {
		ApiClient agent = parley.admin();
		ApiClient.Response channel = agent.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Grants", "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		ApiClient visitor = new ApiClient(parley.port());
		String token = visitor
			.post("/api/v1/widget/channels/" + channel.json().path("key").asString() + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		visitor.withHeader("X-Parley-Visitor", token);
		long conversation = visitor.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		assertThat(visitor
			.post("/api/v1/widget/conversations/" + conversation + "/messages", Map.of("clientId", "v-1", "text", "Hi"))
			.status()).isEqualTo(201);
		assertThat(agent.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);
		ApiClient.Response reply = agent.post("/api/v1/conversations/" + conversation + "/messages",
				Map.of("clientId", "a-1", "text", "Hello, how can I help?"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		Eventually.until("both messages in the transcript",
				() -> visitor.get("/api/v1/widget/conversations/" + conversation + "/messages?after=0&limit=50")
					.json()
					.path("items")
					.size() >= 2);
		assertThat(agent.post("/api/v1/conversations/" + conversation + "/close", Map.of()).status()).isEqualTo(200);
	}

	private static long count(ExternalServices.TestDatabase database, String query) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(), "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void execute(String url, String user, String... statements) throws SQLException {
		for (String sql : statements) {
			executeAs(url, user, "", sql);
		}
	}

	private static void executeAs(String url, String user, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
