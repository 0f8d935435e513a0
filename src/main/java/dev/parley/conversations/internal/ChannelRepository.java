package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.parley.platform.SecretBox;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The channels in {@code chat_channel}. Identity secrets are sealed with the
 * {@link SecretBox} ({@code identity_secret_sealed}); the plain column the previous
 * release read gets random bytes instead, so a node of that release verifies no identity
 * with a secret it cannot know rather than with a wrong one. A channel the previous
 * release created has no sealed value yet: its plain secret is used until a write seals
 * it.
 */
@Repository
public class ChannelRepository {

	private static final String COLUMNS = "id, kind, name, channel_key, allowed_origins, greeting, color, "
			+ "prechat_enabled, prechat_fields, identity_secret, identity_secret_sealed, enabled, created_at, topics, "
			+ "upload_types";

	private static final java.security.SecureRandom random = new java.security.SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	ChannelRepository(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	public List<Channel> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_channel ORDER BY id").query(this::map).list();
	}

	public Optional<Channel> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_channel WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	public Optional<Channel> findByKey(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_channel WHERE channel_key = ?")
			.param(key)
			.query(this::map)
			.optional();
	}

	/**
	 * Locks the channel's row (if there is one) until the transaction ends: arrivals that
	 * may create a visitor and a customer for the same vouched-for identity queue here.
	 */
	void lockByKey(String key) {
		this.jdbc.sql("SELECT id FROM chat_channel WHERE channel_key = ? FOR UPDATE")
			.param(key)
			.query(Long.class)
			.list();
	}

	public boolean nameTaken(String name, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM chat_channel WHERE name = ? AND id <> ?")
			.params(name, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insert(Channel channel) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO chat_channel (kind, name, channel_key, allowed_origins, greeting, color, prechat_enabled, "
						+ "prechat_fields, identity_secret, identity_secret_sealed, enabled, created_at, topics, "
						+ "upload_types) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(channel.kind(), channel.name(), channel.key(), String.join("\n", channel.allowedOrigins()),
					channel.greeting(), channel.color(), channel.prechatEnabled(),
					String.join(",", channel.prechatFields()), throwaway(), this.secrets.seal(channel.identitySecret()),
					channel.enabled(), channel.createdAt().toEpochMilli(), topics(channel.topics()),
					String.join(",", channel.uploadTypes()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(Channel channel) {
		this.jdbc
			.sql("UPDATE chat_channel SET name = ?, allowed_origins = ?, greeting = ?, color = ?, prechat_enabled = ?, "
					+ "prechat_fields = ?, identity_secret = ?, identity_secret_sealed = ?, enabled = ?, topics = ?, "
					+ "upload_types = ? WHERE id = ?")
			.params(channel.name(), String.join("\n", channel.allowedOrigins()), channel.greeting(), channel.color(),
					channel.prechatEnabled(), String.join(",", channel.prechatFields()), throwaway(),
					this.secrets.seal(channel.identitySecret()), channel.enabled(), topics(channel.topics()),
					String.join(",", channel.uploadTypes()), channel.id())
			.update();
	}

	boolean hasConversations(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM conversation WHERE channel_id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM chat_channel_text WHERE channel_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM chat_channel_presentation WHERE channel_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM visitor WHERE channel_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM chat_channel WHERE id = ?").param(id).update();
	}

	private static String throwaway() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return java.util.Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * A secret that cannot be opened (the key that sealed it is not configured) verifies
	 * nothing: the administrator regenerates it; the channel keeps working meanwhile.
	 */
	private String identitySecret(ResultSet rs) throws SQLException {
		String sealed = rs.getString("identity_secret_sealed");
		if (sealed == null) {
			return rs.getString("identity_secret");
		}
		try {
			return this.secrets.open(sealed);
		}
		catch (IllegalStateException ex) {
			LoggerFactory.getLogger(ChannelRepository.class)
				.warn("The identity secret of channel {} cannot be decrypted with the configured keys; regenerate it",
						rs.getLong("id"));
			return throwaway();
		}
	}

	private Channel map(ResultSet rs, int row) throws SQLException {
		return new Channel(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("channel_key"),
				split(rs.getString("allowed_origins"), "\n"), rs.getString("greeting"), rs.getString("color"),
				rs.getBoolean("prechat_enabled"), split(rs.getString("prechat_fields"), ","), identitySecret(rs),
				rs.getBoolean("enabled"), Instant.ofEpochMilli(rs.getLong("created_at")),
				topics(rs.getString("topics")), uploadTypes(rs.getString("upload_types")));
	}

	/** NULL: the default kinds (a channel from before the allow-list); empty: none. */
	private static List<String> uploadTypes(String stored) {
		return (stored != null) ? split(stored, ",") : FileKind.defaultNames();
	}

	/**
	 * Topics are stored one per line, "groupId TAB label" (labels have no tabs or
	 * newlines).
	 */
	private static String topics(List<Channel.Topic> topics) {
		return String.join("\n", topics.stream().map((t) -> t.groupId() + "\t" + t.label()).toList());
	}

	private static List<Channel.Topic> topics(String stored) {
		return split(stored, "\n").stream().map((line) -> {
			int tab = line.indexOf('\t');
			return new Channel.Topic(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
		}).toList();
	}

	private static List<String> split(String value, String separator) {
		if (value == null || value.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(value.split(separator)).filter((part) -> !part.isBlank()).toList();
	}

}
