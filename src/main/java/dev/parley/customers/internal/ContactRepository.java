package dev.parley.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.platform.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers' e-mail addresses and phone numbers: stored sealed, found by their blind
 * index, never by their text.
 */
@Repository
public class ContactRepository {

	private final JdbcClient jdbc;

	private final PersonalData personal;

	ContactRepository(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/**
	 * @return the blind index of a value of this kind
	 */
	public String index(ContactKind kind, String value) {
		return this.personal.index(kind.indexPurpose(), kind.normalize(value));
	}

	public List<Contact> of(long customerId) {
		return this.jdbc
			.sql("SELECT id, customer_id, kind, value_sealed, verified, created_at FROM customer_contact "
					+ "WHERE customer_id = ? ORDER BY kind, id")
			.param(customerId)
			.query(this::map)
			.list();
	}

	/**
	 * @return the customers who have this contact (verified or not), oldest first
	 */
	public List<Contact> withValue(ContactKind kind, String value) {
		return this.jdbc
			.sql("SELECT id, customer_id, kind, value_sealed, verified, created_at FROM customer_contact "
					+ "WHERE value_index = ? AND kind = ? ORDER BY id")
			.params(index(kind, value), kind.name())
			.query(this::map)
			.list();
	}

	/**
	 * @return the customer who has verified this contact, if anyone has
	 */
	public Optional<Long> verifiedOwner(ContactKind kind, String value) {
		return withValue(kind, value).stream().filter(Contact::verified).map(Contact::customerId).findFirst();
	}

	/**
	 * Adds the contact unless the customer has it; marks it verified when it is now.
	 * @return whether the customer did not have it before
	 */
	public boolean add(long customerId, ContactKind kind, String value, boolean verified, Instant at) {
		String index = index(kind, value);
		// already there as it should be (a website giving the address on every page
		// load): nothing to lock or write
		if (this.jdbc
			.sql("SELECT verified FROM customer_contact WHERE customer_id = ? AND kind = ? AND value_index = ?")
			.params(customerId, kind.name(), index)
			.query(Boolean.class)
			.optional()
			.filter((stored) -> stored || !verified)
			.isPresent()) {
			return false;
		}
		// one check-then-insert per customer at a time (uq_customer_contact)
		this.jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(customerId).query(Long.class).list();
		int marked = !verified ? 0 : this.jdbc
			.sql("UPDATE customer_contact SET verified = TRUE WHERE customer_id = ? AND kind = ? AND value_index = ? "
					+ "AND verified = FALSE")
			.params(customerId, kind.name(), index)
			.update();
		// under his row lock; at READ COMMITTED (application.yml) this plain read sees
		// what the transaction that held the lock before committed
		boolean present = marked > 0 || !this.jdbc
			.sql("SELECT id FROM customer_contact WHERE customer_id = ? AND kind = ? AND value_index = ?")
			.params(customerId, kind.name(), index)
			.query(Long.class)
			.list()
			.isEmpty();
		if (present) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO customer_contact (customer_id, kind, value_sealed, value_index, verified, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(customerId, kind.name(), this.personal.seal(value.strip()), index, verified, at.toEpochMilli())
			.update();
		return true;
	}

	/**
	 * Takes the verified mark off the customer's contact (the address was proved by
	 * someone who no longer holds it); the contact stays, as one he typed.
	 */
	public void unverify(long customerId, ContactKind kind, String value) {
		this.jdbc
			.sql("UPDATE customer_contact SET verified = FALSE WHERE customer_id = ? AND kind = ? AND value_index = ?")
			.params(customerId, kind.name(), index(kind, value))
			.update();
	}

	public boolean remove(long customerId, long contactId) {
		return this.jdbc.sql("DELETE FROM customer_contact WHERE customer_id = ? AND id = ?")
			.params(customerId, contactId)
			.update() > 0;
	}

	/**
	 * Moves every contact of one customer to another, except those the survivor has
	 * already (those are deleted; a verified mark carries over).
	 */
	void move(long fromCustomerId, long toCustomerId) {
		// (two steps: MariaDB does not update a table that its own subquery reads)
		List<Long> nowVerified = this.jdbc
			.sql("SELECT s.id FROM customer_contact s JOIN customer_contact m ON m.customer_id = ? AND m.kind = s.kind "
					+ "AND m.value_index = s.value_index AND m.verified = TRUE WHERE s.customer_id = ? "
					+ "AND s.verified = FALSE")
			.params(fromCustomerId, toCustomerId)
			.query(Long.class)
			.list();
		for (Long id : nowVerified) {
			this.jdbc.sql("UPDATE customer_contact SET verified = TRUE WHERE id = ?").param(id).update();
		}
		List<Long> duplicates = this.jdbc
			.sql("SELECT m.id FROM customer_contact m JOIN customer_contact s ON s.customer_id = ? "
					+ "AND s.kind = m.kind AND s.value_index = m.value_index WHERE m.customer_id = ?")
			.params(toCustomerId, fromCustomerId)
			.query(Long.class)
			.list();
		for (Long id : duplicates) {
			this.jdbc.sql("DELETE FROM customer_contact WHERE id = ?").param(id).update();
		}
		this.jdbc.sql("UPDATE customer_contact SET customer_id = ? WHERE customer_id = ?")
			.params(toCustomerId, fromCustomerId)
			.update();
	}

	private Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getLong("id"), rs.getLong("customer_id"), ContactKind.valueOf(rs.getString("kind")),
				this.personal.open(rs.getString("value_sealed")), rs.getBoolean("verified"),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
