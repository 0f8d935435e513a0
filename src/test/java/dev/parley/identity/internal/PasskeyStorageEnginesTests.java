package dev.parley.identity.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.parley.testing.ExternalServices;
import dev.parley.testing.TestMigrations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The passkey tables (V30) and their queries on each supported engine: a user handle and
 * a credential stored and read back, the signature count's compare-and-set, and the
 * two-factor adoption per role counting a user with a passkey.
 */
class PasskeyStorageEnginesTests {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgres", "mariadb" })
	void passkeysAreStoredReadAndCounted(String engine) throws SQLException {
		ExternalServices.TestDatabase database = TestMigrations.database(engine, "passkeys");
		try {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
			TestMigrations.migrate(dataSource, null);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long user = user(jdbc, role(jdbc));
			Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
			PasskeyUserHandles handles = new PasskeyUserHandles(jdbc);
			PasskeyStore store = new PasskeyStore(jdbc, clock);
			TwoFactorRepository twoFactor = new TwoFactorRepository(jdbc);
			assertThat(twoFactor.hasSecondFactor(user)).isFalse();

			Bytes handle = Bytes.random();
			handles.save(
					ImmutablePublicKeyCredentialUserEntity.builder().id(handle).name("ada").displayName("Ada").build());
			assertThat(handles.findByUsername("ada").getId()).isEqualTo(handle);
			assertThat(handles.findById(handle).getDisplayName()).isEqualTo("Ada");
			Bytes credentialId = Bytes.random();
			store.save(ImmutableCredentialRecord.builder()
				.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
				.credentialId(credentialId)
				.userEntityUserId(handle)
				.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
				.attestationObject(new Bytes(new byte[600]))
				.signatureCount(0)
				.transports(Set.of(AuthenticatorTransport.INTERNAL, AuthenticatorTransport.HYBRID))
				.label("Laptop")
				.build());
			CredentialRecord stored = store.findByCredentialId(credentialId);
			assertThat(stored.getLabel()).isEqualTo("Laptop");
			assertThat(stored.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL,
					AuthenticatorTransport.HYBRID);
			assertThat(store.findByUserId(handle)).hasSize(1);
			assertThat(twoFactor.hasSecondFactor(user)).isTrue();
			assertThat(twoFactor.adoptionPerRole()).anySatisfy((adoption) -> {
				assertThat(adoption.role()).isEqualTo("testers");
				assertThat(adoption.users()).isEqualTo(1);
				assertThat(adoption.usersWithTwoFactor()).isEqualTo(1);
			});

			// a use must raise the count (0 stays allowed while the authenticator keeps
			// none)
			store.save(ImmutableCredentialRecord.fromCredentialRecord(stored).signatureCount(0).build());
			store.save(ImmutableCredentialRecord.fromCredentialRecord(stored).signatureCount(5).build());
			assertThatExceptionOfType(PasskeyStore.Replayed.class).isThrownBy(
					() -> store.save(ImmutableCredentialRecord.fromCredentialRecord(stored).signatureCount(5).build()));
			assertThat(store.findByCredentialId(credentialId).getSignatureCount()).isEqualTo(5);
			assertThat(store.list(user).get(0).lastUsedAt()).isEqualTo(clock.instant());

			assertThat(store.removeAll(user)).isEqualTo(1);
			assertThat(twoFactor.hasSecondFactor(user)).isFalse();
		}
		finally {
			if (!engine.equals("h2")) {
				database.drop();
			}
		}
	}

	private static long role(JdbcClient jdbc) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff_role (name, builtin, created_at) VALUES ('testers', FALSE, 1000)")
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static long user(JdbcClient jdbc, long role) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff_user (username, display_name, role_id, enabled, password_hash, "
				+ "password_changed_at, password_change_required, created_at) "
				+ "VALUES ('ada', 'Ada', ?, TRUE, 'x', 1000, FALSE, 1000)")
			.param(role)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
