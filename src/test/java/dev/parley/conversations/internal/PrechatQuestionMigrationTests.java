package dev.parley.conversations.internal;

import java.util.List;
import java.util.UUID;

import dev.parley.platform.internal.FlywayPlaceholders;
import dev.parley.testing.ExternalServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade that makes the pre-chat question of earlier conversations their first
 * message (V11), on each supported engine: a schema at version 10 with conversations in
 * it, migrated to the latest version.
 */
class PrechatQuestionMigrationTests {

	@Test
	void onH2() {
		upgrades("jdbc:h2:mem:prechat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
	}

	@Test
	void onPostgres() {
		ExternalServices.TestDatabase database = ExternalServices.postgres();
		try {
			upgrades(database.url(), database.username());
		}
		finally {
			database.drop();
		}
	}

	@Test
	void onMariaDb() {
		ExternalServices.TestDatabase database = ExternalServices.mariadb();
		try {
			upgrades(database.url(), database.username());
		}
		finally {
			database.drop();
		}
	}

	private static void upgrades(String url, String user) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, "");
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration");
		new FlywayPlaceholders().customize(configuration);
		configuration.target("10").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long channel = ReferencedRows.channel(jdbc, "web");
		long visitor = ReferencedRows.visitor(jdbc, channel);
		long talked = conversation(jdbc, channel, visitor, "Where is my order?", 2, 2, 1, "Thanks");
		message(jdbc, talked, 1, "visitor", "Hello");
		message(jdbc, talked, 2, "agent", "Thanks");
		long silent = conversation(jdbc, channel, visitor, "Refund for order 42?", 0, 0, 0, null);
		long noQuestion = conversation(jdbc, channel, visitor, null, 1, 0, 1, "Hi");
		message(jdbc, noQuestion, 1, "visitor", "Hi");

		configuration.target("latest").load().migrate();

		assertThat(bodies(jdbc, talked)).containsExactly("Where is my order?", "Hello", "Thanks");
		assertThat(marks(jdbc, talked)).containsExactly(3L, 3L, 2L);
		assertThat(bodies(jdbc, silent)).containsExactly("Refund for order 42?");
		assertThat(marks(jdbc, silent)).containsExactly(1L, 0L, 1L);
		assertThat(jdbc.sql("SELECT last_message_preview FROM conversation WHERE id = ?")
			.param(silent)
			.query(String.class)
			.single()).isEqualTo("Refund for order 42?");
		assertThat(jdbc
			.sql("SELECT CONCAT(sender_kind, '/', client_id, '/', kind) FROM chat_message "
					+ "WHERE conversation_id = ? AND seq = 1")
			.param(talked)
			.query(String.class)
			.single()).isEqualTo("visitor/prechat/text");
		assertThat(bodies(jdbc, noQuestion)).containsExactly("Hi");
		assertThat(marks(jdbc, noQuestion)).containsExactly(1L, 0L, 1L);
	}

	private static long conversation(JdbcClient jdbc, long channel, long visitor, String question, long lastSeq,
			long agentRead, long visitorRead, String preview) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO conversation (channel_id, visitor_id, status, question, created_at, last_message_at, "
				+ "last_message_preview, last_seq, agent_read_seq, visitor_read_seq) "
				+ "VALUES (?, ?, 'closed', ?, 1000, 2000, ?, ?, ?, ?)")
			.params(channel, visitor, question, preview, lastSeq, agentRead, visitorRead)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static void message(JdbcClient jdbc, long conversation, long seq, String side, String body) {
		jdbc.sql("INSERT INTO chat_message (conversation_id, seq, client_id, sender_kind, kind, body, created_at) "
				+ "VALUES (?, ?, ?, ?, 'text', ?, ?)")
			.params(conversation, seq, "c-" + seq, side, body, 1000 + seq)
			.update();
	}

	private static List<String> bodies(JdbcClient jdbc, long conversation) {
		return jdbc.sql("SELECT body FROM chat_message WHERE conversation_id = ? ORDER BY seq")
			.param(conversation)
			.query(String.class)
			.list();
	}

	/** The last seq, the agent's and the visitor's read marks. */
	private static List<Long> marks(JdbcClient jdbc, long conversation) {
		return jdbc.sql("SELECT last_seq, agent_read_seq, visitor_read_seq FROM conversation WHERE id = ?")
			.param(conversation)
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

}
