package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AttachmentRepository {

	private static final String COLUMNS = "id, public_id, conversation_id, file_name, content_type, size_bytes, image, "
			+ "width, height, created_at";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	AttachmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
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
