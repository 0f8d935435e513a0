package dev.parley.conversations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import db.migration.SealVisitorData;
import dev.parley.platform.MigrationKeys;
import dev.parley.platform.MigrationPlaceholders;
import dev.parley.platform.PersonalData;
import dev.parley.platform.internal.TestPersonalData;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.TestMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 19.4.1 ({@link SealVisitorData}) on each engine: a database at version 19
 * with visitors and conversations whose e-mail, phone and IP are plain, migrated to the
 * latest version, holds them sealed only, and live chat reads them back.
 */
class SealedVisitorDataTests {

	private final PersonalData personal = TestPersonalData.standard();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres", "mariadb" })
	void sealsThePlainVisitorDataOfAnEarlierRelease(String engine) throws SQLException {
		ExternalServices.TestDatabase database = TestMigrations.database(engine, "sealed");
		try {
			DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
			migrate(dataSource, "19");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long channel = ReferencedRows.channel(jdbc, "site");
			String sealedBefore = this.personal.seal("old@example.com");
			// more than a batch, so that the batches follow one another
			int visitors = SealVisitorData.BATCH + 3;
			for (int i = 0; i < visitors; i++) {
				jdbc.sql("INSERT INTO visitor (channel_id, name, email, phone, ip, created_at, last_seen_at) "
						+ "VALUES (?, ?, ?, ?, ?, 0, 0)")
					.params(channel, "Visitor " + i, (i == 1) ? sealedBefore : "li" + i + "@example.com",
							"+86 138 0000 " + i, "203.0.113." + (i % 250))
					.update();
			}
			long first = jdbc.sql("SELECT MIN(id) FROM visitor").query(Long.class).single();
			jdbc.sql("INSERT INTO conversation (channel_id, visitor_id, status, ip, transcript_email, created_at, "
					+ "last_message_at, last_seq, agent_read_seq, visitor_read_seq) "
					+ "VALUES (?, ?, 'closed', '198.51.100.7', 'li0@example.com', 0, 0, 0, 0, 0)")
				.params(channel, first)
				.update();

			migrate(dataSource, null);

			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM visitor WHERE email IS NOT NULL OR phone IS NOT NULL " + "OR ip IS NOT NULL")
				.query(Integer.class)
				.single()).isZero();
			assertThat(
					jdbc.sql("SELECT COUNT(*) FROM conversation WHERE ip IS NOT NULL OR transcript_email IS NOT NULL")
						.query(Integer.class)
						.single())
				.isZero();
			List<String> sealed = jdbc.sql("SELECT email_sealed FROM visitor ORDER BY id").query(String.class).list();
			assertThat(sealed).hasSize(visitors).allSatisfy((value) -> assertThat(value).startsWith("pd1:k0:"));
			assertThat(sealed.get(1)).as("a value sealed already is kept as it was").isEqualTo(sealedBefore);

			VisitorRepository repository = new VisitorRepository(jdbc, new NamedParameterJdbcTemplate(dataSource),
					this.personal);
			Visitor visitor = repository.findById(first).orElseThrow();
			assertThat(visitor.email()).isEqualTo("li0@example.com");
			assertThat(visitor.phone()).isEqualTo("+86 138 0000 0");
			assertThat(visitor.ip()).isEqualTo("203.0.113.0");
			assertThat(repository.findById(first + 1).orElseThrow().email()).isEqualTo("old@example.com");
			Map<String, Object> conversation = jdbc
				.sql("SELECT ip_sealed, transcript_email_sealed FROM conversation WHERE visitor_id = ?")
				.param(first)
				.query()
				.singleRow();
			assertThat(this.personal.open((String) conversation.values().toArray()[0])).isEqualTo("198.51.100.7");
			assertThat(this.personal.open((String) conversation.values().toArray()[1])).isEqualTo("li0@example.com");

			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				assertThat(new SealVisitorData(this.personal).sealBatch(connection, "visitor", "email", "email_sealed"))
					.as("run again, it finds nothing left to seal")
					.isZero();
			}
		}
		finally {
			database.drop();
		}
	}

	@org.junit.jupiter.api.Test
	void aRestoreWithoutKeysGivesAnEmptyDatabaseTheBackupsSchema() {
		// a backup taken now says schema 19.4.2; the restore's Flyway has no keys and
		// must still find that version (and has nothing to seal)
		MigrationKeys.use(null);
		try {
			Flyway.configure()
				.dataSource("jdbc:h2:mem:restored-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
				.locations("classpath:db/migration")
				.placeholders(MigrationPlaceholders.forProduct("H2"))
				.target("19.4.2")
				.load()
				.migrate();
		}
		finally {
			MigrationKeys.use(this.personal);
		}
	}

	private void migrate(DataSource dataSource, String target) throws SQLException {
		// as a start does before Flyway runs; Flyway finds the migration in db.migration
		MigrationKeys.use(this.personal);
		TestMigrations.migrate(dataSource, target);
	}

}
