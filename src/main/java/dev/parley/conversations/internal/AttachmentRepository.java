package dev.parley.conversations.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Attachments and their content, in the database
 * (docs/decisions/0004-attachment-storage.md): metadata in {@code attachment}, the bytes
 * and the thumbnail in {@code attachment_content}, which nothing but a download reads.
 */
@Repository
public class AttachmentRepository {

	/**
	 * Room kept in a MySQL/MariaDB packet for the rest of the statement, the thumbnail
	 * above all.
	 */
	static final long PACKET_RESERVE = 1024 * 1024;

	private static final String COLUMNS = "id, public_id, conversation_id, file_name, content_type, size_bytes, image, "
			+ "width, height, created_at";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final long maxContentBytes;

	AttachmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, DataSource dataSource) {
		this.jdbc = jdbc;
		this.named = named;
		this.maxContentBytes = maxContentBytes(dataSource);
	}

	/**
	 * @return the largest file the database takes in one statement; smaller than the
	 * setting only on MySQL/MariaDB with a small {@code max_allowed_packet}
	 */
	long maxContentBytes() {
		return this.maxContentBytes;
	}

	/**
	 * MySQL/MariaDB refuse a statement larger than {@code max_allowed_packet} (16 MB by
	 * default on MariaDB) by dropping the connection, and the driver sends binary values
	 * escaped in the statement text, where a byte may take two: a file must fit twice,
	 * with the thumbnail, into one packet. PostgreSQL ({@code bytea}, 1 GB) and H2 have
	 * no such limit below the upload limits.
	 */
	static long contentLimit(String databaseProduct, long maxAllowedPacket) {
		String product = databaseProduct.toLowerCase(Locale.ROOT);
		if (!product.contains("mysql") && !product.contains("mariadb")) {
			return Long.MAX_VALUE;
		}
		return Math.max(0, (maxAllowedPacket - PACKET_RESERVE) / 2);
	}

	private static long maxContentBytes(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			if (contentLimit(product, 0) == Long.MAX_VALUE) {
				return Long.MAX_VALUE;
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT @@max_allowed_packet")) {
				rs.next();
				return contentLimit(product, rs.getLong(1));
			}
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Cannot learn the database's largest statement", ex);
		}
	}

	long insert(Attachment attachment, byte[] content, byte[] thumbnail) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO attachment (public_id, conversation_id, file_name, content_type, size_bytes, image, width, "
						+ "height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(attachment.publicId(), attachment.conversationId(), attachment.fileName(), attachment.contentType(),
					attachment.size(), attachment.image(), attachment.width(), attachment.height(),
					attachment.createdAt().toEpochMilli())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("INSERT INTO attachment_content (attachment_id, content, thumbnail) VALUES (?, ?, ?)")
			.params(id, content, thumbnail)
			.update();
		return id;
	}

	public Optional<Attachment> findByPublicId(String publicId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE public_id = ?")
			.param(publicId)
			.query(AttachmentRepository::map)
			.optional();
	}

	public Map<Long, Attachment> findByIds(Collection<Long> ids) {
		Map<Long, Attachment> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.named.query("SELECT " + COLUMNS + " FROM attachment WHERE id IN (:ids)",
					Map.of("ids", ids.stream().distinct().toList()), (rs) -> {
						Attachment attachment = map(rs, 0);
						found.put(attachment.id(), attachment);
					});
		}
		return found;
	}

	Optional<byte[]> content(long id, boolean thumbnail) {
		return this.jdbc
			.sql("SELECT " + (thumbnail ? "thumbnail" : "content") + " FROM attachment_content WHERE attachment_id = ?")
			.param(id)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("public_id"), rs.getLong("conversation_id"),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getBoolean("image"), rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
