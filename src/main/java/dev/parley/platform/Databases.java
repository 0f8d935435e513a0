package dev.parley.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What the list queries need to know of the database they run on. */
public final class Databases {

	private Databases() {
	}

	/**
	 * Whether the database is H2, whose planner takes the index of a condition (even
	 * {@code merged_into_id IS NULL}) over the sort's and then sorts every row: a list
	 * that walks its order names the sort's index there ({@code USE INDEX}).
	 */
	public static boolean isH2(DataSource dataSource) {
		return product(dataSource).equals("H2");
	}

	/** Whether the database is MySQL or MariaDB (which has no array parameters). */
	public static boolean isMariaDb(DataSource dataSource) {
		String product = product(dataSource);
		return product.equals("MariaDB") || product.equals("MySQL");
	}

	private static String product(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell the database", ex);
		}
	}

}
