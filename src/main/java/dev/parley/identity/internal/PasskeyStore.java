package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Staff users' passkeys ({@code staff_passkey}), as Spring Security's WebAuthn ceremonies
 * read and write them (the user handles are {@link PasskeyUserHandles}). Recording a use
 * is a compare-and-set on the signature count, so an assertion replayed with a count
 * already seen is refused ({@link Replayed}), also when two arrive at once on two nodes.
 */
@Repository
class PasskeyStore implements UserCredentialRepository {

	private static final String COLUMNS = "p.id, p.user_id, p.credential_id, p.public_key, p.attestation_object, "
			+ "p.signature_count, p.uv_initialized, p.backup_eligible, p.backup_state, p.transports, p.label, "
			+ "p.created_at, p.last_used_at, h.handle";

	private final JdbcClient jdbc;

	private final Clock clock;

	PasskeyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A registered passkey as the console lists it. */
	record Passkey(long id, long userId, String label, Set<String> transports, Instant createdAt, Instant lastUsedAt) {
	}

	/** An assertion whose signature count was not above the one last seen. */
	static final class Replayed extends RuntimeException {

		Replayed() {
			super("The passkey's signature count did not increase");
		}

	}

	List<Passkey> list(long userId) {
		return this.jdbc
			.sql("SELECT id, user_id, label, transports, created_at, last_used_at FROM staff_passkey "
					+ "WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query((rs, row) -> passkey(rs))
			.list();
	}

	Optional<Passkey> find(long userId, long id) {
		return this.jdbc
			.sql("SELECT id, user_id, label, transports, created_at, last_used_at FROM staff_passkey "
					+ "WHERE user_id = ? AND id = ?")
			.params(userId, id)
			.query((rs, row) -> passkey(rs))
			.optional();
	}

	/** The passkey of a credential id, if it is the given user's. */
	Optional<Passkey> findOwn(long userId, Bytes credentialId) {
		return this.jdbc
			.sql("SELECT id, user_id, label, transports, created_at, last_used_at FROM staff_passkey "
					+ "WHERE user_id = ? AND credential_id = ?")
			.params(userId, credentialId.toBase64UrlString())
			.query((rs, row) -> passkey(rs))
			.optional();
	}

	int count(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_passkey WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	boolean rename(long userId, long id, String label) {
		return this.jdbc.sql("UPDATE staff_passkey SET label = ? WHERE user_id = ? AND id = ?")
			.params(label, userId, id)
			.update() == 1;
	}

	boolean remove(long userId, long id) {
		return this.jdbc.sql("DELETE FROM staff_passkey WHERE user_id = ? AND id = ?").params(userId, id).update() == 1;
	}

	/**
	 * @return how many passkeys the user had
	 */
	int removeAll(long userId) {
		return this.jdbc.sql("DELETE FROM staff_passkey WHERE user_id = ?").param(userId).update();
	}

	// UserCredentialRepository

	/** Not used: a passkey is removed by its owner ({@link #remove}). */
	@Override
	public void delete(Bytes credentialId) {
		throw new UnsupportedOperationException("A passkey is removed by its owner");
	}

	/**
	 * Registers a new credential, or records the use of a known one: its new signature
	 * count must be higher than the stored one, unless the authenticator keeps no count
	 * (both zero).
	 * @throws Replayed if the count did not increase
	 */
	@Override
	public void save(CredentialRecord record) {
		String credentialId = record.getCredentialId().toBase64UrlString();
		Instant now = this.clock.instant();
		long count = record.getSignatureCount();
		int known = this.jdbc.sql("SELECT COUNT(*) FROM staff_passkey WHERE credential_id = ?")
			.param(credentialId)
			.query(Integer.class)
			.single();
		if (known > 0) {
			int updated = this.jdbc
				.sql("UPDATE staff_passkey SET signature_count = ?, last_used_at = ?, backup_state = ? "
						+ "WHERE credential_id = ? AND (signature_count < ? OR (signature_count = 0 AND ? = 0))")
				.params(count, now.toEpochMilli(), record.isBackupState(), credentialId, count, count)
				.update();
			if (updated != 1) {
				throw new Replayed();
			}
			return;
		}
		String transports = record.getTransports()
			.stream()
			.map(AuthenticatorTransport::getValue)
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.collect(Collectors.joining(","));
		int inserted = this.jdbc
			.sql("INSERT INTO staff_passkey (user_id, credential_id, public_key, attestation_object, signature_count, "
					+ "uv_initialized, backup_eligible, backup_state, transports, label, created_at) "
					+ "SELECT user_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM staff_passkey_user WHERE handle = ?")
			.params(credentialId, new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
					record.getAttestationObject().toBase64UrlString(), count, record.isUvInitialized(),
					record.isBackupEligible(), record.isBackupState(), transports, record.getLabel(),
					now.toEpochMilli(), record.getUserEntityUserId().toBase64UrlString())
			.update();
		if (inserted != 1) {
			throw new IllegalStateException("No user has the handle of the new passkey");
		}
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM staff_passkey p JOIN staff_passkey_user h ON h.user_id = p.user_id "
					+ "WHERE p.credential_id = ?")
			.param(credentialId.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM staff_passkey p JOIN staff_passkey_user h ON h.user_id = p.user_id "
					+ "WHERE h.handle = ? ORDER BY p.id")
			.param(userId.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.list();
	}

	private static Passkey passkey(ResultSet rs) throws SQLException {
		long used = rs.getLong(6);
		Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
		return new Passkey(rs.getLong(1), rs.getLong(2), rs.getString(3), transports(rs.getString(4)),
				Instant.ofEpochMilli(rs.getLong(5)), lastUsedAt);
	}

	private static CredentialRecord record(ResultSet rs) throws SQLException {
		Instant created = Instant.ofEpochMilli(rs.getLong(12));
		long used = rs.getLong(13);
		Instant lastUsed = rs.wasNull() ? created : Instant.ofEpochMilli(used);
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(Bytes.fromBase64(rs.getString(3)))
			.publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(rs.getString(4)).getBytes()))
			.attestationObject(Bytes.fromBase64(rs.getString(5)))
			.signatureCount(rs.getLong(6))
			.uvInitialized(rs.getBoolean(7))
			.backupEligible(rs.getBoolean(8))
			.backupState(rs.getBoolean(9))
			.transports(transports(rs.getString(10)).stream()
				.map(AuthenticatorTransport::valueOf)
				.collect(Collectors.toUnmodifiableSet()))
			.label(rs.getString(11))
			.created(created)
			.lastUsed(lastUsed)
			.userEntityUserId(Bytes.fromBase64(rs.getString(14)))
			.build();
	}

	private static Set<String> transports(String text) {
		return (text == null || text.isEmpty()) ? Set.of()
				: Arrays.stream(text.split(",")).collect(Collectors.toCollection(TreeSet::new));
	}

}
