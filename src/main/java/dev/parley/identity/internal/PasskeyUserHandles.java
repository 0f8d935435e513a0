package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/**
 * The WebAuthn user handles of staff users ({@code staff_passkey_user}): random bytes an
 * authenticator keeps instead of anything that names the user, made by Spring Security's
 * ceremony at a user's first registration and kept after that. The entity's name is the
 * account name, its display name the user's.
 */
@Repository
class PasskeyUserHandles implements PublicKeyCredentialUserEntityRepository {

	private static final String SELECT = "SELECT u.username, u.display_name, h.handle FROM staff_passkey_user h "
			+ "JOIN staff_user u ON u.id = h.user_id ";

	private final JdbcClient jdbc;

	PasskeyUserHandles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> userOf(Bytes handle) {
		return this.jdbc.sql("SELECT user_id FROM staff_passkey_user WHERE handle = ?")
			.param(handle.toBase64UrlString())
			.query(Long.class)
			.optional();
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc.sql(SELECT + "WHERE h.handle = ?")
			.param(id.toBase64UrlString())
			.query((rs, row) -> entity(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return this.jdbc.sql(SELECT + "WHERE u.username = ?")
			.param(username)
			.query((rs, row) -> entity(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		this.jdbc
			.sql("INSERT INTO staff_passkey_user (user_id, handle) SELECT id, ? FROM staff_user WHERE username = ?")
			.params(userEntity.getId().toBase64UrlString(), userEntity.getName())
			.update();
	}

	@Override
	public void delete(Bytes id) {
		this.jdbc.sql("DELETE FROM staff_passkey_user WHERE handle = ?").param(id.toBase64UrlString()).update();
	}

	private static PublicKeyCredentialUserEntity entity(ResultSet rs) throws SQLException {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.name(rs.getString(1))
			.displayName(rs.getString(2))
			.id(Bytes.fromBase64(rs.getString(3)))
			.build();
	}

}
