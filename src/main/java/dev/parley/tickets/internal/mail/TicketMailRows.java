package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What mail needs to read of tickets and their articles. */
@Repository
class TicketMailRows {

	private final JdbcClient jdbc;

	TicketMailRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param mergedIntoId the ticket it was merged into, or null
	 */
	record TicketRow(long id, String number, String subject, long customerId, String status, String origin,
			Long mergedIntoId) {
	}

	/**
	 * @param kind CUSTOMER, REPLY, NOTE or SYSTEM
	 * @param via CONSOLE, EMAIL, SMS, PORTAL, API, CHAT
	 */
	record ArticleRow(long id, long ticketId, String kind, String via, Long authorStaffId, String body,
			boolean alsoSms) {
	}

	Optional<TicketRow> ticket(long id) {
		return this.jdbc
			.sql("SELECT id, number, subject, customer_id, status, origin, merged_into_id FROM ticket WHERE id = ?")
			.param(id)
			.query((rs, row) -> new TicketRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class)))
			.optional();
	}

	/** The ticket, following merges to the surviving one. */
	Optional<TicketRow> live(long id) {
		Optional<TicketRow> found = ticket(id);
		for (int hops = 0; found.isPresent() && found.get().mergedIntoId() != null && hops < 16; hops++) {
			found = ticket(found.get().mergedIntoId());
		}
		return found.filter((t) -> t.mergedIntoId() == null);
	}

	/** The names of the files on an article, in the order they were stored. */
	List<String> fileNames(long articleId) {
		return this.jdbc.sql("SELECT file_name FROM ticket_attachment WHERE article_id = ? ORDER BY id")
			.param(articleId)
			.query(String.class)
			.list();
	}

	Optional<ArticleRow> article(long id) {
		return this.jdbc
			.sql("SELECT id, ticket_id, kind, via, author_staff_id, body, also_sms FROM ticket_article WHERE id = ?")
			.param(id)
			.query((rs, row) -> new ArticleRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7)))
			.optional();
	}

}
