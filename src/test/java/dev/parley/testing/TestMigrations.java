package dev.parley.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import dev.parley.platform.MigrationPlaceholders;
import org.flywaydb.core.Flyway;

/**
 * For tests of a migration: Parley's Flyway migrations run on a database of one engine up
 * to a version, as a start runs them (the caller sets {@code MigrationKeys} first when a
 * Java migration seals data).
 */
public final class TestMigrations {

	private TestMigrations() {
	}

	/**
	 * @param target the version to stop at (e.g. {@code "19"}), or null for all
	 */
	public static void migrate(DataSource dataSource, String target) throws SQLException {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		var flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.placeholders(MigrationPlaceholders.forProduct(product));
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

	/**
	 * @param engine {@code postgres}, {@code mariadb}, or anything else for a fresh H2
	 * database in memory named after {@code name}
	 */
	public static ExternalServices.TestDatabase database(String engine, String name) {
		return switch (engine) {
			case "postgres" -> ExternalServices.postgres();
			case "mariadb" -> ExternalServices.mariadb();
			default -> new ExternalServices.TestDatabase(
					"jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "jdbc:h2:mem:x",
					"SELECT 1");
		};
	}

}
