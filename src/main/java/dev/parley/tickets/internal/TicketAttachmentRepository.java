package dev.parley.tickets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The files of tickets (ticket_attachment) and their bytes beside them. */
@Repository
class TicketAttachmentRepository {

	private static final String COLUMNS = "id, public_id, ticket_id, article_id, file_name, content_type, size_bytes, "
			+ "created_at";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	TicketAttachmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** A stored file; {@code id} stays inside, {@code publicId} is what clients use. */
	record Stored(long id, String publicId, long ticketId, Long articleId, String fileName, String contentType,
			long size, Instant createdAt) {
	}

	long insert(Stored file, byte[] content) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_attachment (public_id, ticket_id, article_id, file_name, content_type, "
					+ "size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(file.publicId(), file.ticketId(), file.articleId(), file.fileName(), file.contentType(),
					file.size(), file.createdAt().toEpochMilli())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		this.jdbc.sql("INSERT INTO ticket_attachment_content (attachment_id, content) VALUES (?, ?)")
			.params(id, content)
			.update();
		return id;
	}

	Optional<Stored> byPublicId(String publicId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_attachment WHERE public_id = ?")
			.param(publicId)
			.query(TicketAttachmentRepository::map)
			.optional();
	}

	Optional<byte[]> content(long id) {
		return this.jdbc.sql("SELECT content FROM ticket_attachment_content WHERE attachment_id = ?")
			.param(id)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	List<Stored> ofTicket(long ticketId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_attachment WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query(TicketAttachmentRepository::map)
			.list();
	}

	/** The files of the articles, by article id, each list in upload order. */
	Map<Long, List<Stored>> ofArticles(Collection<Long> articleIds) {
		Map<Long, List<Stored>> found = new LinkedHashMap<>();
		if (!articleIds.isEmpty()) {
			this.named.query("SELECT " + COLUMNS + " FROM ticket_attachment WHERE article_id IN (:ids) ORDER BY id",
					Map.of("ids", List.copyOf(articleIds)), (rs) -> {
						Stored file = map(rs, 0);
						found.computeIfAbsent(file.articleId(), (k) -> new ArrayList<>()).add(file);
					});
		}
		return found;
	}

	/**
	 * @return whether the file was free and is now the article's
	 */
	boolean attachToArticle(long id, long articleId) {
		return this.jdbc.sql("UPDATE ticket_attachment SET article_id = ? WHERE id = ? AND article_id IS NULL")
			.params(articleId, id)
			.update() == 1;
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getString("public_id"), rs.getLong("ticket_id"),
				TicketRepository.longOrNull(rs, "article_id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
