package dev.parley.operations.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the self-check asks the database itself: which engine and version it is, and what
 * time its clock says (each engine spells "now as epoch seconds" its own way).
 */
@Repository
class DatabaseEngine {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	DatabaseEngine(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** The engine's name and version as its driver reports them. */
	record Product(String name, String version) {

		boolean h2() {
			return this.name.toLowerCase(Locale.ROOT).contains("h2");
		}

		boolean mysqlFamily() {
			String lower = this.name.toLowerCase(Locale.ROOT);
			return lower.contains("mysql") || lower.contains("mariadb");
		}

	}

	Product product() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return new Product(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** The database server's clock, read in one query. */
	Instant now(Product product) {
		String sql;
		if (product.h2()) {
			sql = "SELECT EXTRACT(EPOCH FROM CURRENT_TIMESTAMP(3))";
		}
		else if (product.mysqlFamily()) {
			sql = "SELECT UNIX_TIMESTAMP(NOW(3))";
		}
		else {
			sql = "SELECT EXTRACT(EPOCH FROM clock_timestamp())";
		}
		BigDecimal seconds = this.jdbc.sql(sql).query(BigDecimal.class).single();
		return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
	}

}
