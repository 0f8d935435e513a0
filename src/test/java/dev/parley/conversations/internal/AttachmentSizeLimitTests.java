package dev.parley.conversations.internal;

import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Attachments live in the database (docs/decisions/0004-attachment-storage.md), so a file
 * may be no larger than the database takes in one statement: on MySQL/MariaDB that is
 * {@code max_allowed_packet}, which a file must fit twice (the driver escapes binary
 * values), and a larger statement costs the connection. Parley lowers its limit to what
 * fits, so such a file is refused as too large instead.
 */
class AttachmentSizeLimitTests {

	private static final long MB = 1024 * 1024;

	@Test
	void onlyMySqlAndMariaDbLowerTheLimit() {
		assertThat(AttachmentRepository.contentLimit("PostgreSQL", 0)).isEqualTo(Long.MAX_VALUE);
		assertThat(AttachmentRepository.contentLimit("H2", 0)).isEqualTo(Long.MAX_VALUE);
		assertThat(AttachmentRepository.contentLimit("MariaDB", 16 * MB)).isEqualTo(15 * MB / 2);
		assertThat(AttachmentRepository.contentLimit("MySQL", 64 * MB)).isEqualTo(63 * MB / 2);
		assertThat(AttachmentRepository.contentLimit("MariaDB", 0)).isZero();
	}

	@Test
	void aFileAtTheLimitFitsIntoMariaDbAndOneFarAboveItDoesNot() {
		ExternalServices.TestDatabase database = ExternalServices.mariadb();
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(), database.username(), "",
				true);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long packet = jdbc.sql("SELECT @@max_allowed_packet").query(Long.class).single();
			AttachmentRepository repository = new AttachmentRepository(jdbc, new NamedParameterJdbcTemplate(dataSource),
					dataSource);
			assertThat(repository.maxContentBytes()).isEqualTo(AttachmentRepository.contentLimit("MariaDB", packet));
			if (packet > 64 * MB) {
				return; // a server configured for large files; nothing to show here
			}
			jdbc.sql("CREATE TABLE probe (content LONGBLOB NOT NULL, thumbnail LONGBLOB)").update();
			// zero bytes are escaped, so they are the worst case
			byte[] atTheLimit = new byte[(int) repository.maxContentBytes()];
			byte[] thumbnail = new byte[(int) (AttachmentRepository.PACKET_RESERVE / 3)];
			assertThat(jdbc.sql("INSERT INTO probe (content, thumbnail) VALUES (?, ?)")
				.params(atTheLimit, thumbnail)
				.update()).isOne();
			byte[] tooLarge = new byte[(int) (packet / 2 + MB)];
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("INSERT INTO probe (content, thumbnail) VALUES (?, ?)")
					.params(tooLarge, thumbnail)
					.update());
		}
		finally {
			dataSource.destroy();
			database.drop();
		}
	}

}
