package dev.parley.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.parley.platform.MigrationKeys;
import dev.parley.platform.MigrationPlaceholders;
import dev.parley.testing.ExternalServices;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to the database (docs/deployment.md, "TLS to the database"): Flyway and the
 * application's queries over a connection that asks for encryption are encrypted, as the
 * server itself reports, on PostgreSQL ({@code sslmode=require}) and MariaDB
 * ({@code sslMode=trust}). Skipped with the reason when the local server has no TLS
 * ({@code .ci/run} turns it on for both), a failure in CI.
 */
class SecureDatabaseConnectionTests {

	@Test
	void migratesAndQueriesOverAnEncryptedPostgresConnection() throws SQLException {
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		try {
			JdbcClient jdbc = migrated(database, "?sslmode=require", "PostgreSQL");
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

	@Test
	void migratesAndQueriesOverAnEncryptedMariaDbConnection() throws SQLException {
		ExternalServices.TestDatabase database = ExternalServices.mariadb();
		try {
			JdbcClient jdbc = migrated(database, "?sslMode=trust", "MariaDB");
			assertThat(jdbc.sql("SHOW SESSION STATUS LIKE 'Ssl_cipher'").query((row, n) -> row.getString(2)).single())
				.as("this connection's cipher")
				.isNotBlank();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
				.isPositive();
		}
		finally {
			database.drop();
		}
	}

	/**
	 * The test database migrated over a connection with the given TLS parameters; the
	 * test skips (or fails in CI) when the server refuses TLS.
	 */
	private static JdbcClient migrated(ExternalServices.TestDatabase database, String tls, String product) {
		DataSource dataSource = new DriverManagerDataSource(database.url() + tls, database.username(), "");
		try (Connection connection = dataSource.getConnection()) {
			connection.isValid(1);
		}
		catch (SQLException ex) {
			ExternalServices.unavailable(product + " with TLS",
					ex.getMessage() + "; turn on TLS in the server (.ci/run does, docs/deployment.md says how)");
		}
		MigrationKeys.use(TestPersonalData.standard());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.placeholders(MigrationPlaceholders.forProduct(product))
			.load()
			.migrate();
		return JdbcClient.create(dataSource);
	}

}
