package dev.parley.operations.internal.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 does not move a generated key past a row inserted with its own key: a restore does,
 * after its commit, and every start checks again in case a crash came between.
 */
class KeysAtStartTests {

	@TempDir
	Path directory;

	@Test
	void keysContinueAfterRowsInsertedWithTheirOwnKeys() throws Exception {
		try (ScratchDatabase scratch = ScratchDatabase.create(this.directory, "18.4");
				Connection connection = scratch.connect();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(
					"INSERT INTO audit_event (id, occurred_at, action, result) VALUES (500, 0, 'restored', 'SUCCESS')");
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL(connection.getMetaData().getURL());
			dataSource.setUser("sa");
			new KeysAtStart(dataSource).align();
			statement.executeUpdate(
					"INSERT INTO audit_event (occurred_at, action, result) VALUES (0, 'next', 'SUCCESS')",
					Statement.RETURN_GENERATED_KEYS);
			try (ResultSet keys = statement.getGeneratedKeys()) {
				keys.next();
				assertThat(keys.getLong(1)).isEqualTo(501);
			}
			// a second start changes nothing
			new KeysAtStart(dataSource).align();
			statement.executeUpdate(
					"INSERT INTO audit_event (occurred_at, action, result) VALUES (0, 'then', 'SUCCESS')",
					Statement.RETURN_GENERATED_KEYS);
			try (ResultSet keys = statement.getGeneratedKeys()) {
				keys.next();
				assertThat(keys.getLong(1)).isEqualTo(502);
			}
		}
	}

}
