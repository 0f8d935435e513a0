package dev.parley.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import dev.parley.platform.MigrationKeys;
import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataCommand;
import dev.parley.platform.SecretBox;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.TestMigrations;
import dev.parley.testing.TestSecrets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret Parley stores, on each engine, from a database an earlier release filled
 * (plain server secret and channel identity secret, mail password and SMS gateway key
 * sealed with the secret key itself): after the migration the raw values are ciphertext
 * under the personal data keys, a new server secret is too, the rotation re-seals
 * everything under a new key and overwrites the plain copies, and afterwards everything
 * opens without the old keys.
 */
class StoredSecretsAtRestTests {

	private static final String K1 = Base64.getEncoder()
		.encodeToString("stored-secrets-test-key-k1-32by!".getBytes(StandardCharsets.US_ASCII));

	private final PersonalData k0 = TestPersonalData.standard();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres", "mariadb" })
	void everySecretIsCiphertextAndRotates(String engine) throws Exception {
		ExternalServices.TestDatabase database = TestMigrations.database(engine, "secrets");
		try {
			DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
			migrate(dataSource, "22.6");
			JdbcClient jdbc = JdbcClient.create(dataSource);

			// as the earlier release stored them
			byte[] tokenKey = new byte[32];
			new SecureRandom().nextBytes(tokenKey);
			String tokenKeyText = Base64.getEncoder().encodeToString(tokenKey);
			jdbc.sql("INSERT INTO server_secret (name, secret, created_at) VALUES ('visitor-token', ?, 0)")
				.param(tokenKeyText)
				.update();
			String identity = HexFormat.of().formatHex(tokenKey);
			jdbc.sql("INSERT INTO chat_channel (id, kind, name, channel_key, allowed_origins, color, prechat_enabled, "
					+ "prechat_fields, identity_secret, enabled, created_at) "
					+ "VALUES (7, 'website', 'Site', 'k7', '*', '#336699', FALSE, '', ?, TRUE, 0)")
				.param(identity)
				.update();
			jdbc.sql("UPDATE mail_account SET smtp_password = ? WHERE id = 1")
				.param(sealLegacy("smtp-S3cret!"))
				.update();
			jdbc.sql("UPDATE sms_gateway SET headers = ? WHERE id = 1")
				.param("[{\"name\":\"Authorization\",\"value\":\"" + sealLegacy("Bearer tok-123")
						+ "\",\"secret\":true},{\"name\":\"X-Tenant\",\"value\":\"acme\",\"secret\":false}]")
				.update();

			migrate(dataSource, null);
			// a secret the previous release made while both ran: sealed on first read
			jdbc.sql("INSERT INTO server_secret (name, secret, created_at) VALUES ('made-by-old', ?, 0)")
				.param(Base64.getEncoder().encodeToString(new byte[32]))
				.update();
			assertThat(raw(jdbc, "SELECT secret_sealed FROM server_secret WHERE name = 'visitor-token'"))
				.startsWith("pd1:k0:");
			assertThat(raw(jdbc, "SELECT identity_secret_sealed FROM chat_channel WHERE id = 7")).startsWith("pd1:k0:");
			SecretBox box = new AesGcmSecretBox(this.k0, keyMaterial(TestSecrets.SECRET_KEY));
			assertThat(serverSecrets(dataSource, box).secret("visitor-token")).isEqualTo(tokenKey);
			assertThat(serverSecrets(dataSource, box).secret("made-by-old")).isEqualTo(new byte[32]);
			assertThat(raw(jdbc, "SELECT secret_sealed FROM server_secret WHERE name = 'made-by-old'"))
				.startsWith("pd1:k0:");
			byte[] device = serverSecrets(dataSource, box).secret("trusted-device");
			assertThat(raw(jdbc, "SELECT secret_sealed FROM server_secret WHERE name = 'trusted-device'"))
				.startsWith("pd1:k0:");
			assertThat(raw(jdbc, "SELECT secret FROM server_secret WHERE name = 'trusted-device'"))
				.as("never the secret in the column the previous release reads")
				.isNotEqualTo(Base64.getEncoder().encodeToString(device));

			Output rotation = rotate(database);
			assertThat(rotation.status()).as(rotation.text()).isZero();
			assertThat(rotation.text()).contains("server_secret.secret_sealed: 3 rotated")
				.contains("chat_channel.identity_secret_sealed: 1 rotated")
				.contains("mail_account.smtp_password: 1 rotated")
				.contains("sms_gateway.headers: 1 rotated")
				.contains("2 plain copies overwritten")
				.contains("1 plain copies overwritten");

			List<String> sealed = List.of(
					raw(jdbc, "SELECT secret_sealed FROM server_secret WHERE name = 'visitor-token'"),
					raw(jdbc, "SELECT secret_sealed FROM server_secret WHERE name = 'trusted-device'"),
					raw(jdbc, "SELECT identity_secret_sealed FROM chat_channel WHERE id = 7"),
					raw(jdbc, "SELECT smtp_password FROM mail_account WHERE id = 1"));
			assertThat(sealed).allSatisfy((value) -> assertThat(value).startsWith("pd1:k1:"));
			String headers = raw(jdbc, "SELECT headers FROM sms_gateway WHERE id = 1");
			assertThat(headers).contains("\"pd1:k1:").doesNotContain("v1:").doesNotContain("tok-123").contains("acme");
			assertThat(raw(jdbc, "SELECT secret FROM server_secret WHERE name = 'visitor-token'"))
				.isNotEqualTo(tokenKeyText);
			assertThat(raw(jdbc, "SELECT identity_secret FROM chat_channel WHERE id = 7")).isNotEqualTo(identity);

			// another secret key: neither k0 nor the v1 key exist any more, only k1
			String otherSecretKey = Base64.getEncoder().encodeToString(new byte[32]);
			SecretBox onlyK1 = new AesGcmSecretBox(
					new PersonalDataKeys(keyMaterial(otherSecretKey), "k1:" + K1, "k1", ""),
					keyMaterial(otherSecretKey));
			assertThat(serverSecrets(dataSource, onlyK1).secret("visitor-token")).isEqualTo(tokenKey);
			assertThat(serverSecrets(dataSource, onlyK1).secret("trusted-device")).isEqualTo(device);
			assertThat(onlyK1.open(sealed.get(2))).isEqualTo(identity);
			assertThat(onlyK1.open(sealed.get(3))).isEqualTo("smtp-S3cret!");
			String header = headers.substring(headers.indexOf("\"pd1:k1:") + 1);
			assertThat(onlyK1.open(header.substring(0, header.indexOf('"')))).isEqualTo("Bearer tok-123");

			Output again = rotate(database);
			assertThat(again.status()).as(again.text()).isZero();
			assertThat(again.text()).contains("Rotated 0 values to key k1");
		}
		finally {
			database.drop();
		}
	}

	private static String raw(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(String.class).single();
	}

	private static JdbcServerSecrets serverSecrets(DataSource dataSource, SecretBox box) {
		return new JdbcServerSecrets(JdbcClient.create(dataSource), Clock.systemUTC(),
				new DataSourceTransactionManager(dataSource), box);
	}

	private static SecretKeyMaterial keyMaterial(String secretKey) {
		return new SecretKeyMaterial(secretKey, "target", false);
	}

	/** The format of the earlier release: v1, under the secret key itself. */
	private static String sealLegacy(String plainText) throws Exception {
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(TestSecrets.SECRET_KEY), "AES"),
				new GCMParameterSpec(128, nonce));
		byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[nonce.length + sealed.length];
		System.arraycopy(nonce, 0, out, 0, nonce.length);
		System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
		return "v1:" + Base64.getEncoder().encodeToString(out);
	}

	private static Output rotate(ExternalServices.TestDatabase database) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = PersonalDataCommand.run(
				new String[] { "rotate-personal-data", "--spring.datasource.url=" + database.url(),
						"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
						"--parley.secret-key=" + TestSecrets.SECRET_KEY, "--parley.data-dir=target",
						"--parley.personal-data.keys=k1:" + K1, "--parley.personal-data.current-key=k1",
						"--parley.personal-data.rotation-batch-size=1" },
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(status, bytes.toString(StandardCharsets.UTF_8));
	}

	private record Output(int status, String text) {
	}

	private void migrate(DataSource dataSource, String target) throws SQLException {
		MigrationKeys.use(this.k0);
		TestMigrations.migrate(dataSource, target);
	}

}
