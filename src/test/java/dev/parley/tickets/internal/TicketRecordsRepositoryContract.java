package dev.parley.tickets.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.internal.TicketAttachmentRepository.Stored;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ticket's records beyond the core need of every supported database: files
 * stored byte for byte and found by article, custom field numbers kept exactly, and the
 * columns the links and categories are looked up by (V20_8). One subclass per engine;
 * each test in a transaction rolled back at its end.
 */
@Transactional
abstract class TicketRecordsRepositoryContract {

	@Autowired
	TicketRepository tickets;

	@Autowired
	TicketAttachmentRepository files;

	@Autowired
	JdbcClient jdbc;

	private long ticket(String subject) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES ('Contract', 0, 0, 0, 0, 0, 0)")
			.update(key, "id");
		long customer = key.getKeyAs(Number.class).longValue();
		NewTicket form = NewTicket.of(subject, null, customer, TicketOrigin.AGENT);
		Instant now = Instant.ofEpochMilli(1_800_000_000_000L);
		return this.tickets.insert(new Ticket(0, "T-2027-{id}", subject, null, customer, form.origin(), form.type(),
				null, form.priority(), dev.parley.tickets.TicketStatus.NEW, null, null, null, null, null, null, null,
				null, now, now, null, null, null, null, null, "contract", 0));
	}

	private long article(long ticketId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_article (ticket_id, kind, via, body, created_at) VALUES (?, 'NOTE', 'CONSOLE', "
					+ "'x', 0)")
			.param(ticketId)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	@Test
	void storesFilesByteForByteAndFindsThemByArticle() {
		long ticket = ticket("Files");
		long article = article(ticket);
		byte[] every = new byte[256 * 4];
		for (int i = 0; i < every.length; i++) {
			every[i] = (byte) i;
		}
		Instant at = Instant.ofEpochMilli(1_800_000_000_123L);
		long onTicket = this.files.insert(
				new Stored(0, "a".repeat(32), ticket, null, "收据 «1».pdf", "application/pdf", every.length, at), every);
		long onArticle = this.files.insert(new Stored(0, "b".repeat(32), ticket, null, "b.txt", "text/plain", 1, at),
				new byte[] { 7 });
		this.files.attachToArticle(onArticle, article);

		assertThat(this.files.content(onTicket)).hasValueSatisfying((bytes) -> assertThat(bytes).isEqualTo(every));
		Stored found = this.files.byPublicId("a".repeat(32)).orElseThrow();
		assertThat(found.fileName()).isEqualTo("收据 «1».pdf");
		assertThat(found.createdAt()).isEqualTo(at);
		assertThat(found.articleId()).isNull();
		assertThat(this.files.ofArticles(List.of(article)).get(article)).extracting(Stored::id)
			.containsExactly(onArticle);
		assertThat(this.files.ofTicket(ticket)).extracting(Stored::id).containsExactly(onTicket, onArticle);
		assertThat(this.files.byPublicId("c".repeat(32))).isEmpty();
	}

	@Test
	void keepsCustomFieldNumbersExactlyAndLinksBothWays() {
		long a = ticket("A");
		long b = ticket("B");
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket_field (field_key, label, type, required, position, created_at) "
					+ "VALUES ('amount_contract', 'Amount', 'NUMBER', FALSE, 0, 0)")
			.update(key, "id");
		long field = key.getKeyAs(Number.class).longValue();
		this.jdbc.sql("INSERT INTO ticket_field_value (ticket_id, field_id, number_value) VALUES (?, ?, ?)")
			.params(a, field, new BigDecimal("123456789012345.1234"))
			.update();
		assertThat(this.jdbc.sql("SELECT number_value FROM ticket_field_value WHERE ticket_id = ?")
			.param(a)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("123456789012345.1234");

		this.jdbc.sql("UPDATE ticket SET parent_id = ? WHERE id = ?").params(a, b).update();
		assertThat(this.jdbc.sql("SELECT id FROM ticket WHERE parent_id = ?").param(a).query(Long.class).list())
			.containsExactly(b);
		this.jdbc.sql("INSERT INTO ticket_link (ticket_id, other_id, linked_at) VALUES (?, ?, 0), (?, ?, 0)")
			.params(a, b, b, a)
			.update();
		assertThat(
				this.jdbc.sql("SELECT other_id FROM ticket_link WHERE ticket_id = ?").param(b).query(Long.class).list())
			.containsExactly(a);
	}

	@Test
	void findsTopLevelCategoriesOfOneNameThoughTheConstraintLetsNullsRepeat() {
		this.jdbc.sql("INSERT INTO ticket_category (name, parent_id, position, created_at) VALUES ('Top', NULL, 0, 0)")
			.update();
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM ticket_category WHERE parent_id IS NULL AND name = ? AND id <> ?")
					.params("Top", 0)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

}
