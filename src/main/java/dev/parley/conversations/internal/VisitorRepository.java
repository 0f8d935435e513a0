package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.parley.platform.PersonalData;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class VisitorRepository {

	private static final String COLUMNS = "id, channel_id, customer_external_id, name, email_sealed, phone_sealed, "
			+ "language, user_agent, ip_sealed, page_url, referrer, created_at, last_seen_at";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final PersonalData personal;

	VisitorRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, PersonalData personal) {
		this.jdbc = jdbc;
		this.named = named;
		this.personal = personal;
	}

	public Map<Long, Visitor> findByIds(Collection<Long> ids) {
		Map<Long, Visitor> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.named.query("SELECT " + COLUMNS + " FROM visitor WHERE id IN (:ids)",
					Map.of("ids", ids.stream().distinct().toList()), (rs) -> {
						Visitor visitor = map(rs, 0);
						found.put(visitor.id(), visitor);
					});
		}
		return found;
	}

	public Optional<Visitor> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM visitor WHERE id = ?").param(id).query(this::map).optional();
	}

	void lock(long id) {
		this.jdbc.sql("SELECT id FROM visitor WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
	}

	Optional<Visitor> findByCustomer(long channelId, String customerExternalId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM visitor WHERE channel_id = ? AND customer_external_id = ? "
					+ "ORDER BY id LIMIT 1")
			.params(channelId, customerExternalId)
			.query(this::map)
			.optional();
	}

	long insert(Visitor visitor) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO visitor (channel_id, customer_external_id, name, email_sealed, phone_sealed, language, "
					+ "user_agent, ip_sealed, "
					+ "page_url, referrer, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(visitor.channelId(), visitor.customerExternalId(), visitor.name(), seal(visitor.email()),
					seal(visitor.phone()), visitor.language(), visitor.userAgent(), seal(visitor.ip()),
					visitor.pageUrl(), visitor.referrer(), visitor.createdAt().toEpochMilli(),
					visitor.lastSeenAt().toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(Visitor visitor) {
		this.jdbc.sql("UPDATE visitor SET customer_external_id = ?, name = ?, email_sealed = ?, phone_sealed = ?, "
				+ "language = ?, user_agent = ?, ip_sealed = ?, page_url = ?, referrer = ?, last_seen_at = ?, "
				// what the release before 19.4 may still have written in plain
				+ "email = NULL, phone = NULL, ip = NULL WHERE id = ?")
			.params(visitor.customerExternalId(), visitor.name(), seal(visitor.email()), seal(visitor.phone()),
					visitor.language(), visitor.userAgent(), seal(visitor.ip()), visitor.pageUrl(), visitor.referrer(),
					visitor.lastSeenAt().toEpochMilli(), visitor.id())
			.update();
	}

	Optional<Long> customerOf(long visitorId) {
		return this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(visitorId)
			.query((rs, row) -> (Long) rs.getObject("customer_id", Long.class))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	void linkCustomer(long visitorId, long customerId) {
		this.jdbc.sql("UPDATE visitor SET customer_id = ? WHERE id = ?").params(customerId, visitorId).update();
	}

	int moveCustomer(long fromCustomerId, long toCustomerId) {
		return this.jdbc.sql("UPDATE visitor SET customer_id = ? WHERE customer_id = ?")
			.params(toCustomerId, fromCustomerId)
			.update();
	}

	/** Seals a visitor's e-mail address, phone number or IP address for storing. */
	public String seal(String value) {
		return this.personal.seal(value);
	}

	/** Opens what {@link #seal} sealed. */
	public String open(String sealed) {
		return this.personal.open(sealed);
	}

	private Visitor map(ResultSet rs, int row) throws SQLException {
		return new Visitor(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("customer_external_id"),
				rs.getString("name"), this.personal.open(rs.getString("email_sealed")),
				this.personal.open(rs.getString("phone_sealed")), rs.getString("language"), rs.getString("user_agent"),
				this.personal.open(rs.getString("ip_sealed")), rs.getString("page_url"), rs.getString("referrer"),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")));
	}

}
