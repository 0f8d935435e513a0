package dev.parley.customers.internal.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.parley.platform.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Portal accounts: the address sealed, found by its blind index. */
@Repository
class PortalAccountRepository {

	private static final String COLUMNS = "id, email_sealed, email_index, password_hash, customer_id, verified_at, "
			+ "name, language, session_version";

	private final JdbcClient jdbc;

	private final PersonalData personal;

	PortalAccountRepository(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	Optional<PortalAccount> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_account WHERE id = ?")
			.param(id)
			.query(this::map)
			.list()
			.stream()
			.findFirst();
	}

	Optional<PortalAccount> findByEmailIndex(String index) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_account WHERE email_index = ?")
			.param(index)
			.query(this::map)
			.list()
			.stream()
			.findFirst();
	}

	long insert(String email, String index, String hash, String name, String language, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer_account (email_sealed, email_index, password_hash, name, language, "
					+ "session_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
			.params(this.personal.seal(email), index, hash, name, language, at.toEpochMilli(), at.toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Marks the account verified with the registration whose link was followed: its
	 * password, name and language (a compare-and-set: of two registrations' links
	 * followed at once, one wins). The customer is attached next ({@link #customer}).
	 * @return whether this call verified it
	 */
	boolean verified(long id, String hash, String name, String language, Instant at) {
		return this.jdbc
			.sql("UPDATE customer_account SET verified_at = ?, password_hash = ?, name = ?, language = ?, "
					+ "session_version = session_version + 1, updated_at = ? WHERE id = ? AND verified_at IS NULL")
			.params(at.toEpochMilli(), hash, name, language, at.toEpochMilli(), id)
			.update() == 1;
	}

	/**
	 * @return whether another account than {@code exceptAccountId} belongs to the
	 * customer
	 */
	boolean customerHasAccount(long customerId, long exceptAccountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE customer_id = ? AND id <> ?")
			.params(customerId, exceptAccountId)
			.query(Integer.class)
			.single() > 0;
	}

	void customer(long id, long customerId) {
		this.jdbc.sql("UPDATE customer_account SET customer_id = ? WHERE id = ?").params(customerId, id).update();
	}

	void password(long id, String hash, Instant at) {
		this.jdbc
			.sql("UPDATE customer_account SET password_hash = ?, session_version = session_version + 1, "
					+ "updated_at = ? WHERE id = ?")
			.params(hash, at.toEpochMilli(), id)
			.update();
	}

	void signedIn(long id, Instant at) {
		this.jdbc.sql("UPDATE customer_account SET last_sign_in_at = ? WHERE id = ?")
			.params(at.toEpochMilli(), id)
			.update();
	}

	void language(long id, String language) {
		this.jdbc.sql("UPDATE customer_account SET language = ? WHERE id = ?").params(language, id).update();
	}

	void pendingEmail(long id, String email, String index, Instant at) {
		this.jdbc
			.sql("UPDATE customer_account SET pending_email_sealed = ?, pending_email_index = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(this.personal.seal(email), index, at.toEpochMilli(), id)
			.update();
	}

	/**
	 * @return the address asked for in the profile, not yet verified
	 */
	Optional<String> pendingEmail(long id) {
		return this.jdbc.sql("SELECT pending_email_sealed FROM customer_account WHERE id = ?")
			.param(id)
			.query((rs, row) -> rs.getString(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.map(this.personal::open)
			.findFirst();
	}

	/** Makes the pending address the account's own. */
	void emailChanged(long id, String email, String index, Instant at) {
		this.jdbc
			.sql("UPDATE customer_account SET email_sealed = ?, email_index = ?, pending_email_sealed = NULL, "
					+ "pending_email_index = NULL, updated_at = ? WHERE id = ?")
			.params(this.personal.seal(email), index, at.toEpochMilli(), id)
			.update();
	}

	private PortalAccount map(ResultSet rs, int row) throws SQLException {
		long verified = rs.getLong("verified_at");
		Instant verifiedAt = rs.wasNull() ? null : Instant.ofEpochMilli(verified);
		return new PortalAccount(rs.getLong("id"), this.personal.open(rs.getString("email_sealed")),
				rs.getString("email_index"), rs.getString("password_hash"),
				(Long) rs.getObject("customer_id", Long.class), verifiedAt, rs.getString("name"),
				rs.getString("language"), rs.getInt("session_version"));
	}

}
