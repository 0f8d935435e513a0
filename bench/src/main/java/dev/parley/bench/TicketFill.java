package dev.parley.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fills a migrated Parley database with generated tickets and articles for the ticket
 * list benchmark (docs/performance.md, "Tickets: views and search"), by
 * {@code INSERT ... SELECT} statements that run unchanged on H2 and PostgreSQL: 100,000
 * customers; tickets numbered T-2026-000001..., one a minute back from now, 95% solved or
 * closed and 20% unfinished (new, open, pending) with an SLA due time from a day ago to a
 * day ahead; 1% assigned to the bench's agent, 10% in his group, 15% in no group, the
 * rest spread over 21 other groups; 100 other assignees, 20% unassigned; 5% complaints;
 * one of 100 tags; ten short articles each (two phrases per ticket, one of them a note).
 * Search terms are written as {@code platform.Words} makes them for such texts: Chinese,
 * each character and each pair; Latin, each word in lower case; plus the number's
 * {@code #id} and digits and an order word unique to each ticket ({@code ord<id>}). Ids
 * are given explicitly: no ticket is made through Parley afterwards.
 */
final class TicketFill {

	private static String h(String g, int salt, int m) {
		return "CAST(MOD(MOD(CAST(" + g + " AS BIGINT) * " + (7919 + salt * 104_729L) + " + " + (salt * 31 + 17)
				+ ", 1000003), " + m + ") AS INT)";
	}

	static final List<String> SUBJECTS = List.of("申请退款", "发票开错了", "快递没有收到", "Printer jammed again", "Cannot sign in",
			"账户被锁定", "Refund for order", "Wrong size delivered", "会员积分没有到账", "Invoice address wrong");

	static final List<String> PHRASES = List.of("您好，请提供订单号", "Thank you for waiting", "我们已经为您处理", "Please send a photo",
			"已转交财务部门", "The courier will call you", "请耐心等待", "We are sorry", "问题已经解决", "Checked with the warehouse",
			"客户很着急", "Escalated to billing");

	private final Connection connection;

	private final FillSql sql;

	TicketFill(Connection connection) {
		this.connection = connection;
		this.sql = new FillSql(connection);
	}

	/**
	 * @param agent the bench agent's user id; {@code group} his group
	 */
	void fill(int tickets, int articlesPerTicket, long now, long agent, long group) throws SQLException {
		List<String> indexes = this.sql.dropIndexes(TABLES);
		long start = System.nanoTime();
		this.sql.exec("CREATE TABLE bench_n (n INT PRIMARY KEY)");
		this.sql.exec("INSERT INTO bench_n (n) VALUES " + String.join(", ",
				java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj((i) -> "(" + i + ")").toList()));
		texts("bench_subject", SUBJECTS);
		texts("bench_phrase", PHRASES);
		String rows = "(SELECT (a.n - 1) * 1000 + b.n AS g FROM bench_n a, bench_n b WHERE a.n BETWEEN ({lo} + 999) "
				+ "/ 1000 AND {hi} / 1000) r";
		long firstCustomer = this.sql.single("SELECT COALESCE(MAX(id), 0) + 1 FROM customer");
		chunks(100_000,
				"INSERT INTO customer (id, name, first_seen_at, last_seen_at, conversation_count, created_at, "
						+ "updated_at, version) SELECT " + firstCustomer + " + r.g - 1, 'Customer ' || r.g, " + now
						+ ", " + now + ", 0, " + now + ", " + now + ", 0 FROM " + rows);
		FillSql.lap("customers", start);
		String g = "r.g";
		String m = "MOD(" + g + ", 20)";
		String unfinished = m + " IN (0, 7, 10, 12)";
		String created = "(" + now + " - CAST(" + tickets + " - " + g + " AS BIGINT) * 60000)";
		chunks(tickets, "INSERT INTO ticket (id, number, subject, description, customer_id, origin, type, priority, "
				+ "status, pending_on, group_id, assignee_id, sla_due_at, created_at, updated_at, created_by, version) "
				+ "SELECT " + g + ", 'T-2026-' || " + digits(g) + ", " + "(SELECT t FROM bench_subject WHERE i = MOD("
				+ g + ", 10)), 'Order ORD' || " + g + ", " + firstCustomer + " + MOD(" + g
				+ ", 100000), 'EMAIL', CASE WHEN MOD(" + g + ", 20) = 3 THEN 'COMPLAINT' ELSE 'QUESTION' END, 1 + "
				+ h(g, 1, 4) + ", CASE WHEN " + unfinished + " THEN (CASE " + h(g, 2, 3)
				+ " WHEN 0 THEN 'NEW' WHEN 1 THEN 'OPEN' ELSE 'PENDING' END) WHEN MOD(" + g
				+ ", 2) = 0 THEN 'CLOSED' ELSE 'SOLVED' END, CASE WHEN " + unfinished + " AND " + h(g, 2, 3)
				+ " = 2 THEN 'CUSTOMER' END, CASE WHEN " + m + " IN (1, 7) THEN " + group + " WHEN " + m
				+ " IN (0, 2, 12) THEN NULL ELSE 100000 + MOD(" + g + ", 21) END, CASE WHEN MOD(" + g
				+ ", 100) = 7 THEN " + agent + " WHEN MOD(" + g + ", 5) = 0 THEN NULL ELSE 200000 + MOD(" + g
				+ ", 100) END, CASE WHEN " + unfinished + " THEN " + now + " - 86400000 + CAST(" + h(g, 3, 172800)
				+ " AS BIGINT) * 1000 END, " + created + ", " + created + " + CAST(" + h(g, 4, 600)
				+ " AS BIGINT) * 60000, 'bench', 0 FROM " + rows);
		FillSql.lap("tickets", start);
		chunks(tickets, "INSERT INTO ticket_tag (ticket_id, tag) SELECT id, 'tag-' || MOD(id, 100) FROM ticket "
				+ "WHERE id BETWEEN {lo} AND {hi}");
		FillSql.lap("tags", start);
		// ten articles a ticket; the ticket's two phrases alternate (the second a note)
		String phrase = "MOD(t.id + MOD(k.n, 2) * 5, 12)";
		this.sql
			.chunks(tickets, 5_000, "INSERT INTO ticket_article (ticket_id, kind, via, body, created_at) SELECT t.id, "
					+ "CASE WHEN MOD(k.n, 2) = 1 THEN 'NOTE' WHEN k.n = 2 THEN 'CUSTOMER' ELSE 'REPLY' END, 'EMAIL', "
					+ "(SELECT p.t FROM bench_phrase p WHERE p.i = " + phrase + "), t.created_at + k.n * 60000 "
					+ "FROM ticket t, bench_n k WHERE k.n <= " + articlesPerTicket + " AND t.id BETWEEN {lo} AND {hi}");
		FillSql.lap("articles", start);
		terms("bench_subject_term", SUBJECTS);
		terms("bench_phrase_term", PHRASES);
		String term = "INSERT INTO ticket_term (term, ticket_id) ";
		// 2,000 tickets (about 50,000 terms) a statement: H2 reads a big transaction's
		// undo
		// log back at its commit
		this.sql.chunks(tickets, 2_000, term
				+ "SELECT DISTINCT term, id FROM (SELECT s.term, t.id FROM ticket t, bench_subject_term s "
				+ "WHERE s.i = MOD(t.id, 10) AND t.id BETWEEN {lo} AND {hi} UNION SELECT p.term, t.id FROM ticket t, "
				+ "bench_phrase_term p WHERE p.i IN (MOD(t.id, 12), MOD(t.id + 5, 12)) AND t.id BETWEEN {lo} AND {hi} "
				+ "UNION SELECT '#' || t.id, t.id FROM ticket t WHERE t.id BETWEEN {lo} AND {hi} "
				+ "UNION SELECT 'ord' || t.id, t.id FROM ticket t WHERE t.id BETWEEN {lo} AND {hi} " + "UNION SELECT "
				+ digits("t.id") + ", t.id FROM ticket t WHERE t.id BETWEEN {lo} " + "AND {hi}) x");
		FillSql.lap("terms", start);
		this.sql.exec("DROP TABLE bench_subject_term");
		this.sql.exec("DROP TABLE bench_phrase_term");
		this.sql.exec("DROP TABLE bench_subject");
		this.sql.exec("DROP TABLE bench_phrase");
		this.sql.exec("DROP TABLE bench_n");
		this.sql.makeIndexes(indexes);
	}

	/** A number's digits: six at least (LPAD would cut a longer one to six). */
	private static String digits(String id) {
		return "CASE WHEN " + id + " < 1000000 THEN LPAD(CAST(" + id + " AS VARCHAR(12)), 6, '0') ELSE CAST(" + id
				+ " AS VARCHAR(12)) END";
	}

	/** Terms as platform.Words makes them: CJK characters and pairs, Latin words. */
	static Set<String> words(String text) {
		Set<String> terms = new LinkedHashSet<>();
		StringBuilder cjk = new StringBuilder();
		for (String part : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (part.isEmpty()) {
				continue;
			}
			if (part.codePoints().allMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				cjk.setLength(0);
				cjk.append(part);
				for (int i = 0; i < cjk.length(); i++) {
					terms.add(cjk.substring(i, i + 1));
					if (i + 2 <= cjk.length()) {
						terms.add(cjk.substring(i, i + 2));
					}
				}
			}
			else {
				terms.add(part);
			}
		}
		return terms;
	}

	private void texts(String table, List<String> texts) throws SQLException {
		this.sql.exec("CREATE TABLE " + table + " (i INT PRIMARY KEY, t VARCHAR(100))");
		try (PreparedStatement insert = this.connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
			for (int i = 0; i < texts.size(); i++) {
				insert.setInt(1, i);
				insert.setString(2, texts.get(i));
				insert.executeUpdate();
			}
		}
	}

	private void terms(String table, List<String> texts) throws SQLException {
		this.sql.exec("CREATE TABLE " + table + " (i INT, term VARCHAR(40), PRIMARY KEY (i, term))");
		try (PreparedStatement insert = this.connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
			for (int i = 0; i < texts.size(); i++) {
				for (String term : words(texts.get(i))) {
					insert.setInt(1, i);
					insert.setString(2, term);
					insert.executeUpdate();
				}
			}
		}
	}

	private static final List<String> TABLES = List.of("ticket", "ticket_article", "ticket_term", "ticket_tag");

	private void chunks(int total, String statement) throws SQLException {
		this.sql.chunks(total, 50_000, statement);
	}

}
