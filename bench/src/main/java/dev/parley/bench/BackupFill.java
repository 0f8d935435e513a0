package dev.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a migrated Parley database with closed conversations, their messages and
 * attachments by direct SQL batches (much faster than through the API): one visitor per
 * conversation, {@code messagesPerConversation} text messages numbered 1..n, and the
 * attachments spread over the conversations, each announced by an ATTACHMENT message.
 * Attachment contents are random bytes (like the JPEGs and PDFs they stand for: they do
 * not compress). Seeded, so every run fills the same rows. Keys continue after the fill.
 */
final class BackupFill {

	private static final String[] WORDS = ("hello thanks order delivery parcel invoice refund account password "
			+ "please could you check the status of my yesterday tomorrow morning address payment card number "
			+ "sorry for the delay we have sent a new link it should arrive within two working days is there "
			+ "anything else I can help with great thank you have a nice day")
		.split(" ");

	private final Connection connection;

	private final boolean postgres;

	private final SplittableRandom random = new SplittableRandom(12);

	BackupFill(Connection connection, boolean postgres) {
		this.connection = connection;
		this.postgres = postgres;
	}

	record Filled(long conversations, long messages, long attachments, long attachmentBytes) {
	}

	Filled fill(int conversations, int messagesPerConversation, int attachments, int minBytes, int maxBytes)
			throws SQLException {
		this.connection.setAutoCommit(false);
		long channel = single("SELECT MIN(id) FROM chat_channel");
		long visitorBase = single("SELECT COALESCE(MAX(id), 0) FROM visitor") + 1;
		long conversationBase = single("SELECT COALESCE(MAX(id), 0) FROM conversation") + 1;
		long messageId = single("SELECT COALESCE(MAX(id), 0) FROM chat_message") + 1;
		long attachmentId = single("SELECT COALESCE(MAX(id), 0) FROM attachment") + 1;
		long t0 = 1_760_000_000_000L;
		long attachmentBytes = 0;
		int attachmentsDone = 0;
		long messages = 0;
		try (PreparedStatement visitor = this.connection
			.prepareStatement("INSERT INTO visitor (id, channel_id, name, email, language, user_agent, ip, page_url, "
					+ "created_at, last_seen_at) VALUES (?, ?, ?, ?, 'en', ?, '203.0.113.7', ?, ?, ?)");
				PreparedStatement conversation = this.connection.prepareStatement(
						"INSERT INTO conversation (id, channel_id, visitor_id, status, question, page_url, user_agent, "
								+ "ip, language, created_at, closed_at, closed_by, last_message_at, "
								+ "last_message_preview, last_seq, agent_read_seq, visitor_read_seq) VALUES "
								+ "(?, ?, ?, 'CLOSED', ?, ?, ?, '203.0.113.7', 'en', ?, ?, 'AGENT', ?, ?, ?, ?, ?)");
				PreparedStatement message = this.connection
					.prepareStatement("INSERT INTO chat_message (id, conversation_id, seq, client_id, sender_kind, "
							+ "sender_name, kind, body, attachment_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				PreparedStatement attachment = this.connection.prepareStatement(
						"INSERT INTO attachment (id, public_id, conversation_id, file_name, content_type, size_bytes, "
								+ "image, width, height, created_at) VALUES (?, ?, ?, ?, 'image/jpeg', ?, TRUE, 1600, 1200, ?)");
				PreparedStatement content = this.connection
					.prepareStatement("INSERT INTO attachment_content (attachment_id, content) VALUES (?, ?)")) {
			for (int c = 0; c < conversations; c++) {
				long conversationId = conversationBase + c;
				long visitorId = visitorBase + c;
				long created = t0 + c * 60_000L;
				// attachments spread evenly: conversation c holds those with
				// index*conv/att == c
				int firstAttachment = (int) (((long) c * attachments + conversations - 1) / conversations);
				int endAttachment = (int) (((long) (c + 1) * attachments + conversations - 1) / conversations);
				int own = Math.min(endAttachment, attachments) - Math.min(firstAttachment, attachments);
				int seqs = messagesPerConversation + own;
				visitor.setLong(1, visitorId);
				visitor.setLong(2, channel);
				visitor.setString(3, "Visitor " + c);
				visitor.setString(4, "visitor" + c + "@example.com");
				visitor.setString(5, "Mozilla/5.0 (X11; Linux x86_64) Bench/1.0");
				visitor.setString(6, "https://shop.example.com/orders/" + c);
				visitor.setLong(7, created);
				visitor.setLong(8, created + seqs * 20_000L);
				visitor.addBatch();
				conversation.setLong(1, conversationId);
				conversation.setLong(2, channel);
				conversation.setLong(3, visitorId);
				conversation.setString(4, sentence(8));
				conversation.setString(5, "https://shop.example.com/orders/" + c);
				conversation.setString(6, "Mozilla/5.0 (X11; Linux x86_64) Bench/1.0");
				conversation.setLong(7, created);
				conversation.setLong(8, created + seqs * 20_000L);
				conversation.setLong(9, created + seqs * 20_000L);
				conversation.setString(10, "thank you have a nice day");
				conversation.setLong(11, seqs);
				conversation.setLong(12, seqs);
				conversation.setLong(13, seqs);
				conversation.addBatch();
				int seq = 0;
				for (int m = 0; m < messagesPerConversation; m++) {
					boolean fromVisitor = (m % 2 == 0);
					addMessage(message, messageId++, conversationId, ++seq, fromVisitor, "TEXT",
							sentence(4 + this.random.nextInt(40)), null, created + seq * 20_000L);
				}
				if (own > 0) {
					// the attachment rows refer to the conversation: send it first
					visitor.executeBatch();
					conversation.executeBatch();
				}
				for (int a = 0; a < own; a++) {
					int size = minBytes + this.random.nextInt(maxBytes - minBytes + 1);
					byte[] bytes = new byte[size];
					this.random.nextBytes(bytes);
					attachment.setLong(1, attachmentId);
					attachment.setString(2, String.format("bench%027x", attachmentId));
					attachment.setLong(3, conversationId);
					attachment.setString(4, "photo-" + attachmentId + ".jpg");
					attachment.setLong(5, size);
					attachment.setLong(6, created);
					attachment.executeUpdate();
					content.setLong(1, attachmentId);
					content.setBytes(2, bytes);
					content.executeUpdate();
					addMessage(message, messageId++, conversationId, ++seq, true, "ATTACHMENT", null, attachmentId,
							created + seq * 20_000L);
					attachmentId++;
					attachmentBytes += size;
					attachmentsDone++;
				}
				messages += seq;
				if (c % 200 == 199 || c == conversations - 1) {
					visitor.executeBatch();
					conversation.executeBatch();
					message.executeBatch();
					this.connection.commit();
				}
				if (c % 2000 == 1999) {
					System.out.printf("   filled %d conversations, %d messages, %d attachments%n", c + 1, messages,
							attachmentsDone);
				}
			}
		}
		for (String table : List.of("visitor", "conversation", "chat_message", "attachment")) {
			continueKeys(table);
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
		return new Filled(conversations, messages, attachmentsDone, attachmentBytes);
	}

	private void addMessage(PreparedStatement message, long id, long conversation, int seq, boolean fromVisitor,
			String kind, String body, Long attachment, long at) throws SQLException {
		message.setLong(1, id);
		message.setLong(2, conversation);
		message.setLong(3, seq);
		message.setString(4, fromVisitor ? "v-" + conversation + "-" + seq : null);
		message.setString(5, fromVisitor ? "VISITOR" : "AGENT");
		message.setString(6, fromVisitor ? "Visitor" : "Agent Smith");
		message.setString(7, kind);
		message.setString(8, body);
		message.setObject(9, attachment);
		message.setLong(10, at);
		message.addBatch();
	}

	private String sentence(int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[this.random.nextInt(WORDS.length)]);
		}
		return text.toString();
	}

	private long single(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void continueKeys(String table) throws SQLException {
		long next = single("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
		try (Statement statement = this.connection.createStatement()) {
			if (this.postgres) {
				statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
			}
			else {
				statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
			}
		}
	}

}
