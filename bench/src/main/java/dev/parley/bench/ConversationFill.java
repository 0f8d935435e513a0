package dev.parley.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Fills a migrated Parley database with a year of closed conversations for the reports
 * benchmark (docs/performance.md, "Reports"), by {@code INSERT ... SELECT} statements
 * that run unchanged on H2 and PostgreSQL: conversation {@code g} of {@code n} starts
 * {@code (n - g)} spans before now (a year in all), on one of the channels, in its
 * agent's group; one in twenty is abandoned in the queue (the visitor's question and the
 * close); the others have thirteen lines, eleven of them messages: the question, the
 * assignment after 0-119 s, the agent's first answer 0-299 s later, four more exchanges
 * (replies in 5-124 s), the visitor's thanks and the agent's close; 30% are rated. A
 * million conversations hold 10,500,000 messages. Visitors are one per conversation. Ids
 * are given explicitly; nothing is made through Parley afterwards, and the figures come
 * from its rebuild.
 */
final class ConversationFill {

	private static String h(String g, int salt, int m) {
		return "CAST(MOD(MOD(CAST(" + g + " AS BIGINT) * " + (7919 + salt * 104_729L) + " + " + (salt * 31 + 17)
				+ ", 1000003), " + m + ") AS BIGINT)";
	}

	/** The seq of an answered conversation's last line, its close. */
	private static final int LAST = 13;

	private static final List<String> TABLES = List.of("visitor", "conversation", "chat_message",
			"conversation_search_state");

	private final FillSql sql;

	ConversationFill(Connection connection) {
		this.sql = new FillSql(connection);
	}

	/**
	 * @param agents the agents' user ids; agent {@code i} is in group
	 * {@code groups[i % groups.length]}
	 */
	void fill(int conversations, long now, long[] channels, long[] agents, long[] groups) throws SQLException {
		List<String> indexes = this.sql.dropIndexes(TABLES);
		long start = System.nanoTime();
		this.sql.exec("CREATE TABLE bench_n (n INT PRIMARY KEY)");
		this.sql.exec("INSERT INTO bench_n (n) VALUES " + String.join(", ",
				java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj((i) -> "(" + i + ")").toList()));
		this.sql.exec("CREATE TABLE bench_agent (i INT PRIMARY KEY, agent BIGINT, grp BIGINT)");
		for (int i = 0; i < agents.length; i++) {
			this.sql.exec(
					"INSERT INTO bench_agent VALUES (" + i + ", " + agents[i] + ", " + groups[i % groups.length] + ")");
		}
		this.sql.exec("CREATE TABLE bench_channel (i INT PRIMARY KEY, channel BIGINT)");
		for (int i = 0; i < channels.length; i++) {
			this.sql.exec("INSERT INTO bench_channel VALUES (" + i + ", " + channels[i] + ")");
		}
		long span = 365L * 86_400_000 / conversations;
		String rows = "(SELECT (a.n - 1) * 1000 + b.n AS g FROM bench_n a, bench_n b WHERE a.n BETWEEN ({lo} + 999) "
				+ "/ 1000 AND {hi} / 1000) r";
		String g = "r.g";
		String started = "(" + now + " - CAST(" + conversations + " - " + g + " AS BIGINT) * " + span + ")";
		String channel = "(SELECT channel FROM bench_channel WHERE i = MOD(" + g + ", " + channels.length + "))";
		long firstVisitor = this.sql.single("SELECT COALESCE(MAX(id), 0) + 1 FROM visitor");
		long firstConversation = this.sql.single("SELECT COALESCE(MAX(id), 0) + 1 FROM conversation");
		this.sql.chunks(conversations, 50_000, "INSERT INTO visitor (id, channel_id, created_at, last_seen_at) SELECT "
				+ firstVisitor + " + " + g + " - 1, " + channel + ", " + started + ", " + started + " FROM " + rows);
		FillSql.lap("visitors", start);
		String abandoned = "MOD(" + g + ", 20) = 0";
		String agentIndex = "MOD(" + h(g, 9, 1_000_003) + ", " + agents.length + ")";
		String w = h(g, 1, 120);
		String f = h(g, 2, 300);
		String closedAt = "CASE WHEN " + abandoned + " THEN " + started + " + (30 + " + w + ") * 1000 ELSE " + started
				+ " + (" + w + " + " + f + " + 210 + " + h(g, 3, 120) + " + " + h(g, 4, 120) + " + " + h(g, 5, 120)
				+ " + " + h(g, 7, 120) + " + 20) * 1000 END";
		String rated = "MOD(" + g + ", 10) < 3 AND NOT " + abandoned;
		this.sql.chunks(conversations, 50_000, "INSERT INTO conversation (id, channel_id, visitor_id, status, "
				+ "assignee_id, created_at, assigned_at, closed_at, closed_by, last_message_at, last_seq, agent_read_seq, "
				+ "visitor_read_seq, rating, rated_at, group_id) SELECT " + firstConversation + " + " + g + " - 1, "
				+ channel + ", " + firstVisitor + " + " + g + " - 1, 'closed', CASE WHEN " + abandoned
				+ " THEN NULL ELSE (SELECT agent FROM bench_agent WHERE i = " + agentIndex + ") END, " + started
				+ ", CASE WHEN " + abandoned + " THEN NULL ELSE " + started + " + " + w + " * 1000 END, " + closedAt
				+ ", CASE WHEN " + abandoned + " THEN 'visitor' ELSE 'agent' END, " + closedAt + ", CASE WHEN "
				+ abandoned + " THEN 2 ELSE " + LAST + " END, 0, 0, CASE WHEN " + rated + " THEN 1 + " + h(g, 6, 5)
				+ " END, CASE WHEN " + rated + " THEN " + closedAt + " + 60000 END, "
				+ "(SELECT grp FROM bench_agent WHERE i = " + agentIndex + ") FROM " + rows);
		FillSql.lap("conversations", start);
		// line n's seconds after the start: the question (1), the assignment (2), the
		// first
		// answer (3), four exchanges of a visitor's line 30 s after the last answer and
		// the
		// agent's reply r_i later (4-11), the visitor's thanks (12) and the close (13)
		String[] r = { "(5 + " + h(g, 3, 120) + ")", "(5 + " + h(g, 4, 120) + ")", "(5 + " + h(g, 5, 120) + ")",
				"(5 + " + h(g, 7, 120) + ")" };
		StringBuilder offset = new StringBuilder("CASE k.n WHEN 1 THEN 0 WHEN 2 THEN (CASE WHEN " + abandoned
				+ " THEN 30 + " + w + " ELSE " + w + " END) WHEN 3 THEN " + w + " + " + f);
		String answered = w + " + " + f;
		for (int e = 1; e <= 4; e++) {
			offset.append(" WHEN ").append(2 * e + 2).append(" THEN ").append(answered).append(" + ").append(30 * e);
			answered = answered + " + " + r[e - 1];
			offset.append(" WHEN ").append(2 * e + 3).append(" THEN ").append(answered).append(" + ").append(30 * e);
		}
		offset.append(" WHEN 12 THEN ").append(answered).append(" + 150 ELSE ").append(answered).append(" + 210 END");
		String agent = "(SELECT agent FROM bench_agent WHERE i = " + agentIndex + ")";
		String kind = "CASE WHEN k.n = " + LAST + " OR k.n = 2 THEN 'system' "
				+ "WHEN MOD(k.n, 2) = 1 THEN 'agent' ELSE 'visitor' END";
		String sender = "CASE WHEN k.n = 1 OR MOD(k.n, 2) = 0 AND k.n < " + LAST + " AND k.n > 2 THEN " + firstVisitor
				+ " + " + g + " - 1 WHEN " + abandoned + " THEN NULL ELSE " + agent + " END";
		String event = "CASE WHEN k.n = 2 AND " + abandoned + " THEN 'closed' WHEN k.n = 2 THEN 'assigned' "
				+ "WHEN k.n = " + LAST + " THEN 'closed' END";
		this.sql.chunks(conversations, 20_000,
				"INSERT INTO chat_message (conversation_id, seq, sender_kind, sender_id, "
						+ "kind, body, event_type, event_by, created_at) SELECT " + firstConversation + " + " + g
						+ " - 1, k.n, " + "CASE WHEN k.n = 1 THEN 'visitor' ELSE " + kind
						+ " END, CASE WHEN k.n = 1 THEN " + firstVisitor + " + " + g + " - 1 ELSE " + sender
						+ " END, CASE WHEN k.n = 2 OR k.n = " + LAST + " THEN 'event' ELSE 'text' END, "
						+ "CASE WHEN k.n = 2 OR k.n = " + LAST + " THEN NULL ELSE 'Message ' || k.n END, " + event
						+ ", CASE WHEN k.n = 2 AND " + abandoned + " THEN 'visitor' WHEN k.n = " + LAST
						+ " THEN 'agent' END, " + started + " + (" + offset + ") * 1000 FROM " + rows
						+ ", bench_n k WHERE k.n <= CASE WHEN " + abandoned + " THEN 2 ELSE " + LAST + " END");
		FillSql.lap("messages", start);
		// as the transcript indexer would have left them: without this it works through
		// the whole year in the background while the reports are timed
		this.sql.chunks(conversations, 50_000,
				"INSERT INTO conversation_search_state (conversation_id, indexed_seq, indexed_at) SELECT "
						+ firstConversation + " + " + g + " - 1, CASE WHEN " + abandoned + " THEN 2 ELSE " + LAST
						+ " END, " + now + " FROM " + rows);
		FillSql.lap("transcript index marked", start);
		this.sql.exec("DROP TABLE bench_agent");
		this.sql.exec("DROP TABLE bench_channel");
		this.sql.exec("DROP TABLE bench_n");
		this.sql.makeIndexes(indexes);
	}

}
