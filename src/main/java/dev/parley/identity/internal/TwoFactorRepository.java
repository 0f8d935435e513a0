package dev.parley.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.parley.identity.StaffDirectory.TwoFactorAdoption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' authenticator-app secrets and recovery codes (and whether they have a passkey,
 * the other second factor: {@link PasskeyStore}). Using a code is a compare-and-set in
 * the database, so a code cannot be used twice even when the two attempts arrive at once
 * on two nodes.
 */
@Repository
class TwoFactorRepository {

	private final JdbcClient jdbc;

	TwoFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param confirmedAt null while the enrolment waits for its first code
	 */
	record Secret(long userId, String sealedSecret, Instant createdAt, Instant confirmedAt) {

		boolean confirmed() {
			return this.confirmedAt != null;
		}

	}

	Optional<Secret> find(long userId) {
		return this.jdbc
			.sql("SELECT user_id, sealed_secret, created_at, confirmed_at FROM staff_two_factor WHERE user_id = ?")
			.param(userId)
			.query((rs, row) -> {
				long confirmed = rs.getLong(4);
				Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
				return new Secret(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), confirmedAt);
			})
			.optional();
	}

	boolean confirmed(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_two_factor WHERE user_id = ? AND confirmed_at IS NOT NULL")
			.param(userId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * @return whether the user has any second factor: a confirmed authenticator app or a
	 * passkey
	 */
	boolean hasSecondFactor(long userId) {
		return confirmed(userId) || this.jdbc.sql("SELECT COUNT(*) FROM staff_passkey WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Replaces an unconfirmed enrolment (never a confirmed one: the caller checks). */
	void begin(long userId, String sealedSecret, Instant now) {
		this.jdbc.sql("DELETE FROM staff_two_factor WHERE user_id = ? AND confirmed_at IS NULL").param(userId).update();
		this.jdbc.sql("INSERT INTO staff_two_factor (user_id, sealed_secret, created_at) VALUES (?, ?, ?)")
			.params(userId, sealedSecret, now.toEpochMilli())
			.update();
	}

	/**
	 * Confirms the enrolment with the step of its first code.
	 * @return false if it was confirmed already (by a concurrent attempt)
	 */
	boolean confirm(long userId, long step, Instant now) {
		return this.jdbc
			.sql("UPDATE staff_two_factor SET confirmed_at = ?, last_used_step = ? "
					+ "WHERE user_id = ? AND confirmed_at IS NULL")
			.params(now.toEpochMilli(), step, userId)
			.update() == 1;
	}

	/**
	 * Takes the code of a time step as used.
	 * @return false if a code of this or a later step was used before (a replay)
	 */
	boolean useStep(long userId, long step) {
		return this.jdbc
			.sql("UPDATE staff_two_factor SET last_used_step = ? WHERE user_id = ? AND confirmed_at IS NOT NULL "
					+ "AND (last_used_step IS NULL OR last_used_step < ?)")
			.params(step, userId, step)
			.update() == 1;
	}

	/**
	 * @return whether there was an app to remove (the recovery codes stay)
	 */
	boolean removeApp(long userId) {
		return this.jdbc.sql("DELETE FROM staff_two_factor WHERE user_id = ?").param(userId).update() > 0;
	}

	void removeRecoveryCodes(long userId) {
		this.jdbc.sql("DELETE FROM staff_recovery_code WHERE user_id = ?").param(userId).update();
	}

	/**
	 * @return whether there was anything to remove
	 */
	boolean remove(long userId) {
		int secrets = this.jdbc.sql("DELETE FROM staff_two_factor WHERE user_id = ?").param(userId).update();
		int codes = this.jdbc.sql("DELETE FROM staff_recovery_code WHERE user_id = ?").param(userId).update();
		return secrets + codes > 0;
	}

	void replaceRecoveryCodes(long userId, Collection<String> hashes, Instant now) {
		this.jdbc.sql("DELETE FROM staff_recovery_code WHERE user_id = ?").param(userId).update();
		for (String hash : hashes) {
			this.jdbc.sql("INSERT INTO staff_recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)")
				.params(userId, hash, now.toEpochMilli())
				.update();
		}
	}

	/**
	 * @return false if the user has no such unused code
	 */
	boolean useRecoveryCode(long userId, String hash, Instant now) {
		return this.jdbc
			.sql("UPDATE staff_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(now.toEpochMilli(), userId, hash)
			.update() == 1;
	}

	int recoveryCodesLeft(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM staff_recovery_code WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Users per role, and how many of them have a second factor (a confirmed app or a
	 * passkey).
	 */
	List<TwoFactorAdoption> adoptionPerRole() {
		List<TwoFactorAdoption> adoption = new ArrayList<>();
		this.jdbc
			.sql("SELECT r.name, r.requires_two_factor, COUNT(u.id), "
					+ "COUNT(CASE WHEN t.user_id IS NOT NULL OR p.user_id IS NOT NULL THEN 1 END) FROM staff_role r "
					+ "LEFT JOIN staff_user u ON u.role_id = r.id "
					+ "LEFT JOIN staff_two_factor t ON t.user_id = u.id AND t.confirmed_at IS NOT NULL "
					+ "LEFT JOIN (SELECT DISTINCT user_id FROM staff_passkey) p ON p.user_id = u.id "
					+ "GROUP BY r.id, r.name, r.builtin, r.requires_two_factor ORDER BY r.builtin DESC, r.id")
			.query((rs) -> {
				adoption.add(new TwoFactorAdoption(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4)));
			});
		return adoption;
	}

}
