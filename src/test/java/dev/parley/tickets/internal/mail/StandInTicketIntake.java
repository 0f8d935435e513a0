package dev.parley.tickets.internal.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stand-in for the ticket core's {@link TicketMailIntake} until the core implements it:
 * it writes the ticket and article rows as the core would (without history, events or
 * SLA), and acknowledges a new ticket as the core's TicketCreated listener will. Delete
 * this when the core's implementation is wired; the tests then run against the core.
 */
@TestConfiguration
class StandInTicketIntake {

	@Bean
	TicketMailIntake standInTicketMailIntake(JdbcClient jdbc, Clock clock, TicketMailer mailer) {
		return new Intake(jdbc, clock, mailer);
	}

	static class Intake implements TicketMailIntake {

		private final JdbcClient jdbc;

		private final Clock clock;

		private final TicketMailer mailer;

		Intake(JdbcClient jdbc, Clock clock, TicketMailer mailer) {
			this.jdbc = jdbc;
			this.clock = clock;
			this.mailer = mailer;
		}

		@Override
		@Transactional
		public NewTicket createFromMail(long customerId, String subject, String text, List<MailFile> files,
				String messageId, String messageKey) {
			Optional<Long> before = this.jdbc.sql("SELECT ticket_id FROM ticket_article WHERE client_id = ?")
				.param(messageKey)
				.query(Long.class)
				.optional();
			if (before.isPresent()) {
				return new NewTicket(before.get(), number(before.get()), true, List.of());
			}
			long id = insertTicket(this.jdbc, this.clock.millis(), customerId, subject, text);
			insertArticle(this.jdbc, this.clock.millis(), id, "CUSTOMER", null, customerId, text, messageId,
					messageKey);
			this.mailer.acknowledgeCreated(id);
			return new NewTicket(id, number(id), false, List.of());
		}

		@Override
		@Transactional
		public Posted customerReplied(long ticketId, long customerId, String text, List<MailFile> files,
				String messageId, String messageKey) {
			boolean before = this.jdbc.sql("SELECT COUNT(*) FROM ticket_article WHERE ticket_id = ? AND client_id = ?")
				.params(ticketId, messageKey)
				.query(Long.class)
				.single() > 0;
			if (!before) {
				insertArticle(this.jdbc, this.clock.millis(), ticketId, "CUSTOMER", null, customerId, text, messageId,
						messageKey);
			}
			return new Posted(before, List.of());
		}

		private String number(long id) {
			return this.jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(id).query(String.class).single();
		}

	}

	static long insertTicket(JdbcClient jdbc, long now, long customerId, String subject, String description) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ticket (number, subject, description, customer_id, origin, type, priority, status, "
				+ "created_at, updated_at, created_by, version) VALUES (?, ?, ?, ?, 'EMAIL', 'QUESTION', 2, 'NEW', "
				+ "?, ?, 'test', 0)")
			.params("T-" + java.util.UUID.randomUUID().toString().substring(0, 18), subject, description, customerId,
					now, now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("UPDATE ticket SET number = ? WHERE id = ?")
			.params("T-2026-" + String.format("%06d", id), id)
			.update();
		return id;
	}

	static long insertArticle(JdbcClient jdbc, long now, long ticketId, String kind, Long staffId, Long customerId,
			String body, String messageId, String clientId) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ticket_article (ticket_id, kind, via, author_staff_id, author_customer_id, body, "
				+ "message_id, client_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, kind, (staffId != null) ? "CONSOLE" : "EMAIL", staffId, customerId, body, messageId,
					clientId, now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
