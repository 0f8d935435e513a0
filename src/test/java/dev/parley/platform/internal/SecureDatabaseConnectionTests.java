package dev.parley.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;

import dev.parley.platform.MigrationKeys;
import dev.parley.platform.MigrationPlaceholders;
import dev.parley.testing.ExternalServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to PostgreSQL (docs/deployment.md, "TLS to the database"): Flyway and the
 * application's queries over a connection with {@code sslmode=require} are encrypted, as
 * the server itself reports. Skipped with the reason when the local server has no TLS
 * ({@code .ci/run} turns it on), a failure in CI.
 */
class SecureDatabaseConnectionTests {

	@Test
	void migratesAndQueriesOverAnEncryptedConnection() throws SQLException {
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url() + "?sslmode=require",
					database.username(), "");
			try (Connection connection = dataSource.getConnection()) {
				connection.isValid(1);
			}
			catch (SQLException ex) {
				ExternalServices.unavailable("PostgreSQL with TLS",
						ex.getMessage() + "; turn on ssl in the server (.ci/run does, docs/deployment.md says how)");
			}
			MigrationKeys.use(TestPersonalData.standard());
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.placeholders(MigrationPlaceholders.forProduct("PostgreSQL"))
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			assertThat(
					jdbc.sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").query(Boolean.class).single())
				.as("this connection is encrypted")
				.isTrue();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
				.isPositive();
		}
		finally {
			database.drop();
		}
	}

}
