package dev.parley.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.parley.platform.MigrationPlaceholders;
import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataCommand;
import dev.parley.testing.TestSecrets;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar parley.jar rotate-personal-data}: values sealed with k0, k1 made
 * current, the command re-encrypts every sealed column the modules declare, in batches;
 * afterwards every value is under k1 and opens without k0; plain values (attributes not
 * marked sensitive) stay as they are; a second run finds nothing left.
 */
class PersonalDataRotationTests {

	private static final String K1 = Base64.getEncoder()
		.encodeToString("rotation-test-key-k1-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));

	private final PersonalData k0 = TestPersonalData.standard();

	@Test
	void reEncryptsEverySealedValueUnderTheNewKey() throws Exception {
		String url = "jdbc:h2:mem:rotation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = migrated(url);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO chat_channel (id, kind, name, channel_key, allowed_origins, color, prechat_enabled, "
				+ "prechat_fields, identity_secret, enabled, created_at) "
				+ "VALUES (1, 'website', 'Site', 'key', '*', '#336699', FALSE, '', 's', TRUE, 0)")
			.update();
		int visitors = 7;
		for (int i = 1; i <= visitors; i++) {
			jdbc.sql("INSERT INTO visitor (id, channel_id, email_sealed, phone_sealed, ip_sealed, created_at, "
					+ "last_seen_at) VALUES (?, 1, ?, ?, ?, 0, 0)")
				.params(i, this.k0.seal("v" + i + "@example.com"),
						(i % 2 == 0) ? null : this.k0.seal("+8613800000" + i), this.k0.seal("203.0.113." + i))
				.update();
		}
		jdbc.sql("INSERT INTO customer (id, first_seen_at, last_seen_at, conversation_count, created_at, updated_at, "
				+ "version) VALUES (1, 0, 0, 0, 0, 0, 0)")
			.update();
		jdbc.sql("INSERT INTO customer_contact (customer_id, kind, value_sealed, value_index, verified, created_at) "
				+ "VALUES (1, 'EMAIL', ?, 'x', TRUE, 0)")
			.param(this.k0.seal("li@example.com"))
			.update();
		for (int attribute = 1; attribute <= 2; attribute++) {
			jdbc.sql(
					"INSERT INTO customer_attribute (id, attr_key, label, attr_type, required, is_sensitive, position, "
							+ "created_at) VALUES (?, ?, ?, 'TEXT', FALSE, ?, ?, 0)")
				.params(attribute, "a" + attribute, "A" + attribute, attribute == 1, attribute)
				.update();
		}
		jdbc.sql("INSERT INTO customer_attribute_value (customer_id, attribute_id, text_value) VALUES (1, 1, ?)")
			.param(this.k0.seal("passport E1234567"))
			.update();
		jdbc.sql("INSERT INTO customer_attribute_value (customer_id, attribute_id, text_value) VALUES (1, 2, 'Gold')")
			.update();

		// a portal account: its address and one asked for in the profile
		jdbc.sql("INSERT INTO customer_account (id, email_sealed, email_index, password_hash, customer_id, "
				+ "pending_email_sealed, pending_email_index, session_version, created_at, updated_at) "
				+ "VALUES (1, ?, 'y', 'h', 1, ?, 'z', 0, 0, 0)")
			.params(this.k0.seal("li@example.com"), this.k0.seal("lei@example.com"))
			.update();

		Output output = rotate(url);
		assertThat(output.status()).as(output.text()).isZero();
		assertThat(output.text()).contains("visitor.email_sealed: 7 rotated")
			.contains("visitor.phone_sealed: 4 rotated")
			.contains("customer_attribute_value.text_value: 1 rotated")
			.contains("customer_account.email_sealed: 1 rotated")
			.contains("customer_account.pending_email_sealed: 1 rotated")
			.contains("Rotated 22 values to key k1");

		List<String> sealed = new ArrayList<>();
		sealed.addAll(jdbc.sql("SELECT email_sealed FROM visitor").query(String.class).list());
		sealed.addAll(jdbc.sql("SELECT ip_sealed FROM visitor").query(String.class).list());
		sealed.addAll(jdbc.sql("SELECT value_sealed FROM customer_contact").query(String.class).list());
		sealed.addAll(jdbc.sql("SELECT email_sealed FROM customer_account").query(String.class).list());
		sealed.addAll(jdbc.sql("SELECT pending_email_sealed FROM customer_account").query(String.class).list());
		sealed.add(jdbc.sql("SELECT text_value FROM customer_attribute_value WHERE attribute_id = 1")
			.query(String.class)
			.single());
		assertThat(sealed).hasSize(18).allSatisfy((value) -> assertThat(value).startsWith("pd1:k1:"));
		// k0 derives from the secret key: another secret key means another k0, so
		// opening everything with it shows that nothing needs the old k0 any more
		PersonalData withoutOldK0 = new PersonalDataKeys(
				new SecretKeyMaterial(Base64.getEncoder().encodeToString(new byte[32]), "target", false), "k1:" + K1,
				"k1", "");
		assertThat(withoutOldK0
			.open(jdbc.sql("SELECT email_sealed FROM visitor WHERE id = 3").query(String.class).single()))
			.isEqualTo("v3@example.com");
		assertThat(withoutOldK0.open(sealed.get(sealed.size() - 1))).isEqualTo("passport E1234567");
		assertThat(jdbc.sql("SELECT text_value FROM customer_attribute_value WHERE attribute_id = 2")
			.query(String.class)
			.single()).as("a value not marked sensitive is not sealed, and left alone").isEqualTo("Gold");

		Output again = rotate(url);
		assertThat(again.status()).as(again.text()).isZero();
		assertThat(again.text()).contains("Rotated 0 values to key k1");
	}

	@Test
	void refusesArgumentsItDoesNotKnow() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = PersonalDataCommand.run(new String[] { "rotate-personal-data", "now" },
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(CommandLineRotation.USAGE);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Usage");
	}

	@Test
	void aValueWhoseKeyIsGoneIsReportedAndLeftAlone() throws Exception {
		String url = "jdbc:h2:mem:rotation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = migrated(url);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO customer (id, first_seen_at, last_seen_at, conversation_count, created_at, updated_at, "
				+ "version) VALUES (1, 0, 0, 0, 0, 0, 0)")
			.update();
		String lost = TestPersonalData.withKeys("k9:" + K1, "k9").seal("lost@example.com");
		jdbc.sql("INSERT INTO customer_contact (customer_id, kind, value_sealed, value_index, verified, created_at) "
				+ "VALUES (1, 'EMAIL', ?, 'x', TRUE, 0)")
			.param(lost)
			.update();
		Output output = rotate(url);
		assertThat(output.status()).isEqualTo(CommandLineRotation.FAILED);
		assertThat(output.text()).contains("1 values could not be opened");
		assertThat(jdbc.sql("SELECT value_sealed FROM customer_contact").query(String.class).single()).isEqualTo(lost);
	}

	private static Output rotate(String url) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = PersonalDataCommand.run(
				new String[] { "rotate-personal-data", "--spring.datasource.url=" + url,
						"--spring.datasource.username=sa", "--parley.secret-key=" + TestSecrets.SECRET_KEY,
						"--parley.data-dir=target", "--parley.personal-data.keys=k1:" + K1,
						"--parley.personal-data.current-key=k1", "--parley.personal-data.rotation-batch-size=3" },
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(status, bytes.toString(StandardCharsets.UTF_8));
	}

	private record Output(int status, String text) {
	}

	/** A new in-memory H2 database at the URL, migrated. */
	private static DataSource migrated(String url) {
		DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.placeholders(MigrationPlaceholders.forProduct("H2"))
			.load()
			.migrate();
		return dataSource;
	}

}
