package dev.parley.customers.internal.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tokens of the links the portal sends by e-mail: 256 random bits, of which only the
 * SHA-256 is stored; each works once, until it expires or a newer one of the same purpose
 * is issued for the account.
 */
@Component
class PortalTokens {

	/** What a link is for, and how long it works. */
	enum Purpose {

		VERIFY(Duration.ofHours(24)), RESET(Duration.ofMinutes(30)), EMAIL_CHANGE(Duration.ofHours(24));

		private final Duration lifetime;

		Purpose(Duration lifetime) {
			this.lifetime = lifetime;
		}

		Duration lifetime() {
			return this.lifetime;
		}

	}

	/**
	 * A token that was valid (or is, when found without being used). For a registration's
	 * link, the password hash, name and language of that registration (null on links made
	 * before they travelled with it: the account's then).
	 */
	record Use(long accountId, Purpose purpose, String emailIndex, String passwordHash, String name, String language) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	PortalTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a token, ending the account's earlier ones of the same purpose.
	 * @param emailIndex for EMAIL_CHANGE the blind index of the new address, else null
	 */
	String issue(long accountId, Purpose purpose, String emailIndex, Instant now) {
		endPending(accountId, purpose, now);
		return insert(accountId, purpose, emailIndex, null, null, null, now);
	}

	/**
	 * Issues a registration's link without ending the account's other ones: each
	 * registration of an unverified address keeps its own link, which works only with its
	 * own password, so a later registrant can neither take over nor cancel an earlier
	 * one.
	 * @param passwordHash the password of the registration the link proves (the account
	 * takes it, with the name and language, when the link is followed with that password)
	 */
	String issueRegistration(long accountId, String passwordHash, String name, String language, Instant now) {
		return insert(accountId, Purpose.VERIFY, null, passwordHash, name, language, now);
	}

	private String insert(long accountId, Purpose purpose, String emailIndex, String passwordHash, String name,
			String language, Instant now) {
		String token = newToken();
		this.jdbc
			.sql("INSERT INTO customer_account_token (token_hash, account_id, purpose, email_index, password_hash, "
					+ "name, language, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(hash(token), accountId, purpose.name(), emailIndex, passwordHash, name, language,
					now.toEpochMilli(), now.plus(purpose.lifetime()).toEpochMilli())
			.update();
		return token;
	}

	/**
	 * @return what the token is for, if it would be accepted now (it stays unused)
	 */
	Optional<Use> find(String token, Purpose purpose, Instant now) {
		return this.jdbc
			.sql("SELECT account_id, purpose, email_index, password_hash, name, language FROM customer_account_token "
					+ "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
			.params(hash(token), purpose.name(), now.toEpochMilli())
			.query((rs, row) -> new Use(rs.getLong(1), Purpose.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Uses a token once (a compare-and-set: of two uses at once, one wins).
	 * @return what it was for, or empty when it is unknown, expired, used or of another
	 * purpose
	 */
	Optional<Use> use(String token, Purpose purpose, Instant now) {
		Optional<Use> found = find(token, purpose, now);
		if (found.isEmpty() || this.jdbc
			.sql("UPDATE customer_account_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), hash(token))
			.update() == 0) {
			return Optional.empty();
		}
		return found;
	}

	/**
	 * @return how many tokens of this purpose the account got since then
	 */
	int issuedSince(long accountId, Purpose purpose, Instant since) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM customer_account_token WHERE account_id = ? AND purpose = ? "
					+ "AND created_at > ?")
			.params(accountId, purpose.name(), since.toEpochMilli())
			.query(Integer.class)
			.single();
	}

	void endPending(long accountId, Purpose purpose, Instant now) {
		this.jdbc
			.sql("UPDATE customer_account_token SET used_at = ? WHERE account_id = ? AND purpose = ? "
					+ "AND used_at IS NULL")
			.params(now.toEpochMilli(), accountId, purpose.name())
			.update();
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
